import { PasswordHasher } from '../../server/src/modules/auth/password';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { CHANNEL_INQUIRY, channelRequest, countOf, createChannelKey, policiesOf, setQueryPassword, STAFF_INQUIRY, tuneSettings, type PolicyWithHolder } from './inquiry-helpers';

// One verification for every channel: policy number + ID number + query password. A complete match
// answers the policy summary; every wrong part fails the same way — same code, same message, and the
// same time (the work is constant and every answer is padded to the configured minimum).

const MIN_MS = 400;
const PASSWORD = '730215';

describe('policy inquiry: verification', () => {
  let server: TestServer;
  let admin: GqlClient;
  let manager: GqlClient;
  let agent: GqlClient;
  let agent2: GqlClient;
  let key: string;
  let policy: PolicyWithHolder;
  let noPassword: PolicyWithHolder;
  let shanghai: PolicyWithHolder;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 16 } });
    [admin, manager, agent, agent2] = [await server.signIn('admin'), await server.signIn('manager'), await server.signIn('agent'), await server.signIn('agent2')];
    await tuneSettings(admin, { minResponseMs: MIN_MS, ipPerMinute: 1000 });
    key = (await createChannelKey(admin, 'website')).secret;
    [policy, noPassword] = await policiesOf(server, 'BJ', 2);
    [shanghai] = await policiesOf(server, 'SH', 1);
    await server.db.query('DELETE FROM policy_query_password');
    await setQueryPassword(manager, policy, PASSWORD);
  });
  afterAll(() => server.stop());

  const ask = (vars: Record<string, unknown>) => channelRequest(server.url, key, CHANNEL_INQUIRY, vars);
  const right = () => ({ policyNumber: policy.policyNumber, idNumber: policy.holderIdNumber, queryPassword: PASSWORD });

  it('answers the policy summary on a complete match, from the website', async () => {
    const result = await ask(right());
    expect(result.errors).toBeUndefined();
    const summary = result.data!.channelPolicyInquiry;
    const [row]: Record<string, unknown>[] = await server.db.query('SELECT * FROM policy WHERE id = ?', [Number(policy.id)]);
    expect(summary).toMatchObject({ policyNumber: policy.policyNumber, status: row.status, premiumFen: Number(row.premium_fen), sumInsuredFen: Number(row.sum_insured_fen), paymentStatus: row.payment_status });
    expect(summary.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(summary.expiryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['nextPremiumDueDate', 'paymentFrequency', 'productName']));
    // Nothing about the parties comes back.
    expect(JSON.stringify(summary)).not.toContain(policy.holderIdNumber);
  });

  it('accepts the ID number as typed (spaces, lower-case x) and the insured person as well as the holder', async () => {
    const spaced = policy.holderIdNumber.toLowerCase().replace(/^(.{6})/, '$1 ');
    expect((await ask({ ...right(), idNumber: spaced, policyNumber: ` ${policy.policyNumber.toLowerCase()} ` })).errors).toBeUndefined();
    expect((await ask({ ...right(), idNumber: policy.insuredIdNumber })).errors).toBeUndefined();
  });

  it('fails every wrong part the same way: code, message and time', async () => {
    const wrongs: Record<string, Record<string, unknown>> = {
      'unknown policy': { ...right(), policyNumber: 'P9999999999' },
      'wrong ID number': { ...right(), idNumber: '11010519491231002X' },
      'wrong password': { ...right(), queryPassword: '902731' },
      'no password set on the policy': { policyNumber: noPassword.policyNumber, idNumber: noPassword.holderIdNumber, queryPassword: PASSWORD },
      'everything wrong': { policyNumber: 'NOPE', idNumber: 'x', queryPassword: 'y' },
    };
    const times: Record<string, number[]> = {};
    const answers = new Set<string>();
    // Rounds interleave the cases (and a success resets the count) so none of them is locked out meanwhile.
    for (let round = 0; round < 3; round++) {
      for (const [name, vars] of Object.entries(wrongs)) {
        const result = await ask(vars);
        expect(result.data).toBeNull();
        answers.add(JSON.stringify({ message: result.errors?.[0].message, code: result.errors?.[0].extensions?.code, reason: result.errors?.[0].extensions?.reason }));
        (times[name] ??= []).push(result.ms);
      }
      await ask(right());
    }
    expect([...answers]).toEqual([JSON.stringify({ message: 'Verification failed', code: 'FORBIDDEN', reason: 'VERIFICATION_FAILED' })]);
    const medians = Object.values(times).map((list) => [...list].sort((a, b) => a - b)[1]);
    for (const list of Object.values(times)) for (const ms of list) expect(ms).toBeGreaterThanOrEqual(MIN_MS - 5);
    // Padded to the same minimum: the typical answers of the different cases lie within 150 ms of each other.
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(150);
    const success = await ask(right());
    expect(success.ms).toBeGreaterThanOrEqual(MIN_MS - 5);
  });

  it('logs why each attempt failed, which the caller never learns', async () => {
    const reasons: { reason: string; n: number | string }[] = await server.db.query('SELECT reason, COUNT(*) AS n FROM inquiry_log GROUP BY reason ORDER BY reason');
    expect(reasons.map((r) => r.reason)).toEqual(['id_mismatch', 'no_query_password', 'password_mismatch', 'unknown_policy', 'verified']);
  });

  it('refuses the channel API without a valid key, before any verification', async () => {
    const before = await countOf(server, 'SELECT COUNT(*) AS n FROM inquiry_log');
    for (const k of [null, 'idk_web_not-a-key', `${key}x`]) {
      const result = await channelRequest(server.url, k, CHANNEL_INQUIRY, right());
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0].extensions?.reason).toBe('CHANNEL_KEY_INVALID');
    }
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM inquiry_log')).toBe(before);
  });

  it('lets staff make hotline and counter inquiries for their branch, recording who assisted', async () => {
    const vars = { channel: 'hotline', ...right() };
    const result = await agent.request(STAFF_INQUIRY, vars);
    expect(result.errors).toBeUndefined();
    const [log]: { channel: string; staff_id: number; outcome: string; response_ms: number }[] = await server.db.query(
      'SELECT channel, staff_id, outcome, response_ms FROM inquiry_log WHERE id = ?',
      [Number(result.data!.assistedPolicyInquiry.inquiryId)],
    );
    const [staff]: { id: number }[] = await server.db.query("SELECT id FROM staff WHERE username = 'agent'");
    expect(log).toMatchObject({ channel: 'hotline', outcome: 'verified', staff_id: staff.id });
    expect(Number(log.response_ms)).toBeGreaterThanOrEqual(0);
    expect((await manager.request(STAFF_INQUIRY, { ...vars, channel: 'counter' })).errors).toBeUndefined();
  });

  it('answers staff of another branch only "verification failed", and logs it as such', async () => {
    const result = await agent2.request(STAFF_INQUIRY, { channel: 'counter', ...right() });
    expect(result.errors?.[0].extensions?.reason).toBe('VERIFICATION_FAILED');
    const [last]: { reason: string }[] = await server.db.query('SELECT reason FROM inquiry_log ORDER BY id DESC LIMIT 1');
    expect(last.reason).toBe('other_branch');
    // Their own branch's policy verifies for them (after the Shanghai agent set its password, having checked the ID).
    await setQueryPassword(agent2, shanghai, '402718');
    const own = await agent2.request(STAFF_INQUIRY, { channel: 'counter', policyNumber: shanghai.policyNumber, idNumber: shanghai.holderIdNumber, queryPassword: '402718' });
    expect(own.errors).toBeUndefined();
  });

  it('keeps inquiry from roles that do not work with customers', async () => {
    for (const username of ['inspector', 'admin']) {
      const client = await server.signIn(username);
      expect(await client.errorCode(STAFF_INQUIRY, { channel: 'hotline', ...right() })).toBe('FORBIDDEN');
    }
  });

  it('hashes a query password made under earlier scrypt settings again at its next verified inquiry', async () => {
    const hashOf = async () => ((await server.db.query('SELECT password_hash FROM policy_query_password WHERE policy_id = ?', [Number(policy.id)])) as { password_hash: string }[])[0].password_hash;
    const current = await hashOf();
    const earlier = await new PasswordHasher(13, 2, 1).hash(PASSWORD);
    await server.db.query('UPDATE policy_query_password SET password_hash = ? WHERE policy_id = ?', [earlier, Number(policy.id)]);
    expect((await ask(right())).errors).toBeUndefined();
    const after = await hashOf();
    expect(after.split('$').slice(0, 4)).toEqual(current.split('$').slice(0, 4));
    expect((await ask(right())).errors).toBeUndefined();
  });

  it('stores query passwords only as scrypt hashes', async () => {
    const rows: { password_hash: string }[] = await server.db.query('SELECT password_hash FROM policy_query_password');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    }
  });
});
