import { advanceClock } from '../../server/src/clock';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { CHANNEL_INQUIRY, channelRequest, countOf, createChannelKey, policiesOf, RESET, setQueryPassword, tuneSettings, type PolicyWithHolder } from './inquiry-helpers';

// Brute force: 5 failures on one policy number within 15 minutes lock inquiry on it for 30 minutes
// (both configurable), the branch's managers are told, and the lock is audited. A number that is not
// ours locks the same way, so a lock says nothing about whether the policy exists.

const MINUTE = 60_000;
const PASSWORD = '730215';

describe('policy inquiry: lock-out', () => {
  let server: TestServer;
  let admin: GqlClient;
  let manager: GqlClient;
  let key: string;
  let policies: PolicyWithHolder[];

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 20, policies: 40 } });
    [admin, manager] = [await server.signIn('admin'), await server.signIn('manager')];
    await tuneSettings(admin, { minResponseMs: 0, ipPerMinute: 1000 });
    key = (await createChannelKey(admin, 'app')).secret;
    policies = await policiesOf(server, 'BJ', 5);
    for (const p of policies) await setQueryPassword(manager, p, PASSWORD);
  });
  afterAll(() => server.stop());

  // Sessions end after 30 idle minutes of the moved clock: sign in again after moving it.
  async function later(ms: number) {
    advanceClock(ms);
    [admin, manager] = [await server.signIn('admin'), await server.signIn('manager')];
  }
  const ask = (p: PolicyWithHolder, password = PASSWORD, number = p.policyNumber) =>
    channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: number, idNumber: p.holderIdNumber, queryPassword: password });
  const reasonOf = async (p: PolicyWithHolder, password?: string, number?: string) => (await ask(p, password, number)).errors?.[0]?.extensions?.reason ?? 'OK';
  const fail = async (p: PolicyWithHolder, times: number, number?: string) => {
    for (let i = 0; i < times; i++) expect(await reasonOf(p, '000001', number)).toBe('VERIFICATION_FAILED');
  };
  const lockNotices = (policyNumber: string) => countOf(server, "SELECT COUNT(*) AS n FROM notification WHERE kind = 'inquiry_locked' AND title LIKE ?", [`%${policyNumber}%`]);

  it('locks after the fifth failure within 15 minutes: even the right answer is refused', async () => {
    const p = policies[0];
    await fail(p, 4);
    expect(await reasonOf(p)).toBe('OK');
    // The success started the count afresh: five more failures are needed.
    await fail(p, 5);
    const locked = await ask(p);
    expect(locked.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'INQUIRY_LOCKED' });
    expect(locked.data).toBeNull();
    const [last]: { outcome: string; reason: string }[] = await server.db.query('SELECT outcome, reason FROM inquiry_log ORDER BY id DESC LIMIT 1');
    expect(last).toEqual({ outcome: 'locked', reason: 'policy_locked' });
  });

  it("tells the policy's branch managers, once, and audits the lock", async () => {
    const p = policies[0];
    expect(await lockNotices(p.policyNumber)).toBe(1);
    const [manager]: { id: number }[] = await server.db.query("SELECT s.id FROM staff s JOIN notification n ON n.staff_id = s.id WHERE n.kind = 'inquiry_locked'");
    const [expected]: { id: number }[] = await server.db.query("SELECT id FROM staff WHERE username = 'manager'");
    expect(manager.id).toBe(expected.id);
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'inquiry.lock' AND subject_type = 'Policy' AND subject_id = ?", [p.id])).toBe(1);
  });

  it('lifts the lock after 30 minutes', async () => {
    const p = policies[0];
    await later(29 * MINUTE);
    expect(await reasonOf(p)).toBe('INQUIRY_LOCKED');
    await later(2 * MINUTE);
    expect(await reasonOf(p)).toBe('OK');
  });

  it('counts only failures within the last 15 minutes', async () => {
    const p = policies[1];
    await fail(p, 4);
    await later(16 * MINUTE);
    await fail(p, 4);
    expect(await reasonOf(p)).toBe('OK');
  });

  it('locks a policy number that does not exist the same way, without telling anyone', async () => {
    const p = policies[2];
    await fail(p, 5, 'P0000000001');
    expect(await reasonOf(p, PASSWORD, 'P0000000001')).toBe('INQUIRY_LOCKED');
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM notification WHERE title LIKE '%P0000000001%'")).toBe(0);
  });

  it('lifts the lock when staff reset the query password after checking the customer (audited, the password never recorded)', async () => {
    const p = policies[3];
    await fail(p, 5);
    expect(await reasonOf(p)).toBe('INQUIRY_LOCKED');
    const refused = await manager.request(RESET, { policyId: p.id, idNumber: '11010519491231002X', identityCheck: 'id_document_at_counter', newPassword: '518207' });
    expect(refused.errors?.[0].extensions?.fields).toHaveProperty('idNumber');
    const weak = await manager.request(RESET, { policyId: p.id, idNumber: p.holderIdNumber, identityCheck: 'id_document_at_counter', newPassword: '123456' });
    expect(weak.errors?.[0].extensions?.fields?.newPassword).toMatch(/consecutive/);
    const reset = await manager.ok(RESET, { policyId: p.id, idNumber: p.holderIdNumber, identityCheck: 'hotline_security_questions' });
    expect(reset.resetQueryPassword).toMatchObject({ policyId: p.id, unlocked: true });
    const temporary = reset.resetQueryPassword.temporaryPassword as string;
    expect(temporary).toMatch(/^\d{6}$/);
    expect(await reasonOf(p)).toBe('VERIFICATION_FAILED');
    expect(await reasonOf(p, temporary)).toBe('OK');
    const audits: { outcome: string; changes: string }[] = await server.db.query("SELECT outcome, changes FROM audit_entry WHERE action = 'query_password.reset' AND subject_id = ? ORDER BY seq", [p.id]);
    expect(audits.map((a) => a.outcome)).toEqual(['success', 'failed', 'success']);
    expect(audits.map((a) => a.changes).join()).not.toContain(temporary);
    expect(audits[2].changes).toContain('hotline_security_questions');
  });

  it('follows the thresholds in the settings', async () => {
    await tuneSettings(admin, { maxFailures: 3, lockMinutes: 5 });
    const p = policies[4];
    await fail(p, 3);
    expect(await reasonOf(p)).toBe('INQUIRY_LOCKED');
    await later(6 * MINUTE);
    expect(await reasonOf(p)).toBe('OK');
    await tuneSettings(admin, { maxFailures: 5, lockMinutes: 30 });
  });

  it('lets only staff of the branch reset a query password', async () => {
    const p = policies[4];
    const agent2 = await server.signIn('agent2');
    expect(await agent2.errorCode(RESET, { policyId: p.id, idNumber: p.holderIdNumber, identityCheck: 'id_document_at_counter' })).toBe('NOT_FOUND');
    expect(await admin.errorCode(RESET, { policyId: p.id, idNumber: p.holderIdNumber, identityCheck: 'id_document_at_counter' })).toBe('FORBIDDEN');
    const agent = await server.signIn('agent');
    expect((await agent.request(RESET, { policyId: p.id, idNumber: p.holderIdNumber, identityCheck: 'id_document_at_counter', newPassword: '864209' })).errors).toBeUndefined();
  });

  it('limits each source: a channel key, an IP address, a staff member', async () => {
    await tuneSettings(admin, { ipPerMinute: 3, staffPerMinute: 2 });
    const p = policies[4];
    const fromIp = (ip: string) => channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: p.policyNumber, idNumber: p.holderIdNumber, queryPassword: '864209', clientIp: ip });
    for (let i = 0; i < 3; i++) expect((await fromIp('203.0.113.7')).errors).toBeUndefined();
    const limited = await fromIp('203.0.113.7');
    expect(limited.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_REQUESTS' });
    expect((await fromIp('203.0.113.8')).errors).toBeUndefined();
    const agent = await server.signIn('agent');
    const vars = { channel: 'counter', policyNumber: p.policyNumber, idNumber: p.holderIdNumber, queryPassword: '864209' };
    const query = `mutation I($channel: StaffInquiryChannel!, $policyNumber: String!, $idNumber: String!, $queryPassword: String!) {
      assistedPolicyInquiry(channel: $channel, policyNumber: $policyNumber, idNumber: $idNumber, queryPassword: $queryPassword) { policyNumber } }`;
    await agent.ok(query, vars);
    await agent.ok(query, vars);
    expect((await agent.request(query, vars)).errors?.[0].extensions?.reason).toBe('TOO_MANY_REQUESTS');
    await later(MINUTE + 1000);
    expect((await fromIp('203.0.113.7')).errors).toBeUndefined();
    const [limitedLog]: { n: number | string }[] = await server.db.query("SELECT COUNT(*) AS n FROM inquiry_log WHERE outcome = 'rate_limited'");
    expect(Number(limitedLog.n)).toBe(2);
    // The key made one inquiry in this minute (just above): a limit of two leaves room for one more.
    await tuneSettings(admin, { channelKeyPerMinute: 2 });
    const other = await channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: p.policyNumber, idNumber: p.holderIdNumber, queryPassword: '864209', clientIp: '198.51.100.1' });
    const tooMany = await channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: p.policyNumber, idNumber: p.holderIdNumber, queryPassword: '864209', clientIp: '198.51.100.2' });
    expect(other.errors).toBeUndefined();
    expect(tooMany.errors?.[0].extensions?.reason).toBe('TOO_MANY_REQUESTS');
  });
});
