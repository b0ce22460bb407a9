import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { countOf } from '../api/inquiry-helpers';

jest.setTimeout(90_000);

// Rate limits count operations, not HTTP requests: twenty aliased sign-ins in one request are twenty
// sign-ins. A refusal says RATE_LIMITED with a retry-after, runs nothing, and is audited.

const aliased = (n: number, field: (i: number) => string) => `mutation { ${Array.from({ length: n }, (_, i) => `op${i}: ${field(i)}`).join(' ')} }`;

function expectRateLimited(result: GqlResult) {
  expect(result.status).toBe(429);
  expect(result.data).toBeNull();
  const retryAfter = Number(result.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_REQUESTS', retryAfter });
  expect(result.errors?.[0].message).toContain(`${retryAfter} seconds`);
}

describe('per-operation rate limits, default settings', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 2, policies: 2 } });
  });
  afterAll(() => server.stop());

  it('counts 20 aliased sign-ins in one request as 20, refuses them all, and audits the refusal', async () => {
    const before = await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'auth.login'");
    const flood = aliased(20, (i) => `login(username: "agent", password: "guess-${i}") { token }`);
    expectRateLimited(await server.anonymous.request(flood));
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'auth.login'")).toBe(before);
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'security.rate_limited' AND outcome = 'denied'")).toBe(1);
    // The account is not locked by the flood: nothing ran, and the right password still works.
    expect((await server.anonymous.request(`mutation { login(username: "agent", password: "${TEST_PASSWORD}") { token } }`)).errors).toBeUndefined();
  });
});

describe('per-operation rate limits, configured low', () => {
  let server: TestServer;
  let manager: GqlClient;
  let compliance: GqlClient;
  let customerId: string;

  beforeAll(async () => {
    server = await startTestServer({
      demo: { customers: 6, policies: 6 },
      env: { RATE_LIMIT_SIGN_IN: '3', RATE_LIMIT_SIGN_IN_PER_IP: '6', RATE_LIMIT_REVEAL: '3', RATE_LIMIT_EXPORT: '2', RATE_LIMIT_MFA: '2', RATE_LIMIT_INQUIRY: '2' },
    });
    [manager, compliance] = [await server.signIn('manager'), await server.signIn('compliance')];
    customerId = (await manager.ok<{ allCustomers: { id: string }[] }>('{ allCustomers(perPage: 1) { id } }')).allCustomers[0].id;
  });
  afterAll(() => server.stop());

  const reveal = (i: number) => `reveal(type: "Customer", id: "${customerId}", field: "idNumber", reason: "客户来电核实身份 ${i}")`;
  const reveals = () => countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'reveal'");

  it('lets a whole bucket through at once, then refuses even one more, per staff member', async () => {
    expect((await manager.request(aliased(3, reveal))).errors).toBeUndefined();
    expect(await reveals()).toBe(3);
    expectRateLimited(await manager.request(`mutation { ${reveal(4)} }`));
    expect(await reveals()).toBe(3);
    // Another staff member has a bucket of their own (compliance may not reveal: the refusal is FORBIDDEN, not RATE_LIMITED).
    expect((await compliance.request(`mutation { ${reveal(5)} }`)).errors?.[0].extensions?.code).not.toBe('RATE_LIMITED');
  });

  it('counts root fields repeated through fragments', async () => {
    const result = await compliance.request(`mutation { ...Exports } fragment Exports on Mutation {
      a: exportCustomers(locale: "zh") { filename } b: exportCustomers(locale: "en") { filename } c: exportPolicies { filename } }`);
    expectRateLimited(result);
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'export'")).toBe(0);
  });

  it('limits MFA set-up and staff-assisted policy inquiries the same way', async () => {
    expectRateLimited(await manager.request(aliased(3, () => `beginMfaEnrolment(password: "${TEST_PASSWORD}") { expiresAt }`)));
    const inquiry = () => 'assistedPolicyInquiry(channel: hotline, policyNumber: "NOPE", idNumber: "x", queryPassword: "000000") { policyNumber }';
    expectRateLimited(await manager.request(aliased(3, inquiry)));
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM inquiry_log')).toBe(0);
  });

  it('limits sign-in per username and per address', async () => {
    // manager and compliance signed in once each above.
    for (let i = 0; i < 2; i++) expect((await server.anonymous.request(`mutation { login(username: "manager", password: "${TEST_PASSWORD}") { token } }`)).errors).toBeUndefined();
    expectRateLimited(await server.anonymous.request(`mutation { login(username: "manager", password: "${TEST_PASSWORD}") { token } }`));
    // Other usernames from the same address, up to the address's own limit (6 in all).
    for (const username of ['agent', 'inspector']) expect((await server.anonymous.request(`mutation { login(username: "${username}", password: "${TEST_PASSWORD}") { token } }`)).errors).toBeUndefined();
    expectRateLimited(await server.anonymous.request(`mutation { login(username: "admin", password: "${TEST_PASSWORD}") { token } }`));
  });

  it('audits each refusal once per caller and minute, with who and which limit', async () => {
    const rows: { staff_id: number | null; reason: string; changes: string }[] = await server.db.query(
      "SELECT staff_id, reason, changes FROM audit_entry WHERE action = 'security.rate_limited' ORDER BY seq",
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((r) => r.reason).join('\n')).toMatch(/reveal[\s\S]*export[\s\S]*mfa[\s\S]*inquiry[\s\S]*signIn/);
    expect(rows.some((r) => r.staff_id !== null)).toBe(true);
  });
});
