import { startTestServer, type TestServer } from '../support/test-server';
import type { GqlClient } from '../support/client';
import { baseComplaint, branchIdOf, countOf, REGISTER, register } from './complaints-helpers';

// Starting a server (migrations, demo data) takes longer than jest's default 5 s on MariaDB.
jest.setTimeout(60_000);

// The number rule: TS + local date received + a 4-digit sequence of that day, unique and gapless
// even when many registrations arrive at once.
describe('complaint numbers', () => {
  let server: TestServer;
  let agent: GqlClient;
  let manager: GqlClient;
  let bj: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    agent = await server.signIn('agent');
    manager = await server.signIn('manager');
    bj = await branchIdOf(server, 'BJ');
  });
  afterAll(() => server.stop());

  it('gives 20 parallel registrations of one day the numbers 0001 to 0020, no gap, no duplicate', async () => {
    const receivedAt = '2026-03-10T09:30:00+08:00';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? agent : manager).request(REGISTER, baseComplaint(bj, { receivedAt, summary: `并发登记 ${i + 1}` }))),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const numbers = results.map((r) => r.data!.createComplaint.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `TS20260310${String(i + 1).padStart(4, '0')}`));
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM complaint WHERE number LIKE 'TS20260310%'")).toBe(20);
  });

  it('dates the number by the local day received, not the UTC day, and restarts the sequence each day', async () => {
    // 23:30 on 11 March in Beijing is still 10 March in UTC.
    const late = await register(agent, baseComplaint(bj, { receivedAt: '2026-03-11T23:30:00+08:00' }));
    expect(late.number).toBe('TS202603110001');
    // 00:30 on 12 March in Beijing is 11 March in UTC.
    const early = await register(agent, baseComplaint(bj, { receivedAt: '2026-03-12T00:30:00+08:00' }));
    expect(early.number).toBe('TS202603120001');
    expect((await register(agent, baseComplaint(bj, { receivedAt: '2026-03-10T17:00:00+08:00' }))).number).toBe('TS202603100021');
  });

  it('loses no number when a registration fails', async () => {
    const receivedAt = '2026-03-13T10:00:00+08:00';
    expect((await register(agent, baseComplaint(bj, { receivedAt }))).number).toBe('TS202603130001');
    // Refused inside the transaction (no such policy) after validation passed: the counter rolls back with it.
    const refused = await agent.request(REGISTER, baseComplaint(bj, { receivedAt, policyId: '999999' }));
    expect(refused.errors?.[0].extensions?.fields).toHaveProperty('policyId');
    expect((await register(agent, baseComplaint(bj, { receivedAt }))).number).toBe('TS202603130002');
  });
});
