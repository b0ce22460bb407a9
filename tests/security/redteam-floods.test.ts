// Red team, volume: sign-in floods hidden in aliases, fragments and batches, and depth, alias and cost bombs
// hidden in fragments, sent by every role and by nobody. Each must be refused as a whole, before any
// resolver runs (no sign-in attempted, no refusal audited by a resolver), and quickly.
import { ROLES, signInAll, type Fixture } from '../api/access-helpers';
import { GqlClient, type GqlResult } from '../support/client';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';

const count = async (server: TestServer, sql: string, params: unknown[] = []) => Number(((await server.db.query(sql, params)) as { n: number | string }[])[0].n);
const logins = (s: TestServer) => count(s, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'auth.login'");
const audited = (s: TestServer) => count(s, "SELECT COUNT(*) AS n FROM audit_entry WHERE action NOT IN ('auth.login', 'security.rate_limited')");
const login = (i: number, user = 'agent') => `l${i}: login(username: "${user}", password: "guess-${i}") { token }`;

/** Refused as a whole: no data at all, the given code, and quickly (nothing was run). */
function expectRefusedWhole(result: GqlResult & { ms: number }, code: string) {
  expect(result.data).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.ms).toBeLessThan(2000);
  // No limit is named and nothing of the query comes back.
  expect(JSON.stringify(result.errors)).not.toMatch(/guess-|\b(12|30|20000|5000)\b/);
}

async function timed(client: GqlClient, query: string): Promise<GqlResult & { ms: number }> {
  const started = performance.now();
  const result = await client.request(query);
  return { ...result, ms: performance.now() - started };
}

/** A chain of fragments, each one level deeper than the last, so no single fragment looks deep. */
function fragmentChain(levels: number): string {
  const parts: string[] = [];
  for (let i = 0; i < levels; i++) {
    const onCustomer = i % 2 === 0;
    const next = i + 1 < levels ? ` ...F${i + 1}` : '';
    parts.push(onCustomer ? `fragment F${i} on Customer { id policies {${next} id } }` : `fragment F${i} on Policy { id holder {${next} id } }`);
  }
  return parts.join('\n');
}

describe('red team: floods and bombs', () => {
  let server: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    f = await signInAll(server);
  });
  afterAll(() => server.stop());

  it('counts sign-ins hidden in fragments and inline fragments, refuses the flood and tries none of them', async () => {
    const before = await logins(server);
    const spread = `mutation { ...A ...B ... on Mutation { ${[20, 21, 22].map((i) => login(i)).join(' ')} } }
      fragment A on Mutation { ${Array.from({ length: 10 }, (_, i) => login(i)).join(' ')} }
      fragment B on Mutation { ${Array.from({ length: 10 }, (_, i) => login(i + 10)).join(' ')} }`;
    const result = await timed(server.anonymous, spread);
    expectRefusedWhole(result, 'RATE_LIMITED');
    expect(await logins(server)).toBe(before);
    // The account was not locked by guesses that never ran.
    expect((await server.anonymous.request(`mutation { login(username: "agent", password: "${TEST_PASSWORD}") { token } }`)).errors).toBeUndefined();
  });

  it('refuses a batch of sign-ins sent as one HTTP request, and tries none of them', async () => {
    const before = await logins(server);
    const batch = Array.from({ length: 20 }, (_, i) => ({ query: `mutation { ${login(i, 'manager')} }` }));
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify(batch) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toContain('token');
    expect(await logins(server)).toBe(before);
  });

  it.each(['anonymous', ...ROLES] as const)('refuses a depth bomb hidden in fragments, sent by %s, before any resolver', async (role) => {
    const client = role === 'anonymous' ? server.anonymous : f.clients[role];
    const before = await audited(server);
    const bomb = `{ allCustomers(perPage: 5) { ...F0 } }\n${fragmentChain(40)}`;
    expectRefusedWhole(await timed(client, bomb), 'BAD_USER_INPUT');
    // A resolver would have audited the refusal of a role without Customer rights (admin, nobody).
    expect(await audited(server)).toBe(before);
  });

  it.each(['anonymous', 'agent', 'admin'] as const)('refuses aliases multiplied through fragments, sent by %s', async (role) => {
    const client = role === 'anonymous' ? server.anonymous : f.clients[role];
    const many = (prefix: string) => Array.from({ length: 25 }, (_, i) => `${prefix}${i}: id`).join(' ');
    const bomb = `{ allCustomers { ...A ...B ...C } } fragment A on Customer { ${many('a')} } fragment B on Customer { ${many('b')} } fragment C on Customer { ${many('c')} }`;
    expectRefusedWhole(await timed(client, bomb), 'BAD_USER_INPUT');
  });

  // Before list sizes counted (server/src/security/query-cost.ts), this query passed every limit: on the demo
  // data (3000 customers, 4000 policies) one such request held the server 44 s, three aliased pages of it 142 s.
  it('refuses a cost bomb within the depth limit: nested full pages of lists', async () => {
    const bomb = '{ allCustomers(perPage: 1000) { policies { holder { policies { insured { policies { holder { policies { id } } } } } } } } }';
    expectRefusedWhole(await timed(f.clients.compliance, bomb), 'BAD_USER_INPUT');
  });

  // A variable left out of the request takes the operation's own default at execution: it must count the same.
  it('refuses the same bomb when the page size hides in a variable default the request leaves out', async () => {
    const bomb = 'query ($n: Int = 1000) { allCustomers(perPage: $n) { policies { holder { policies { insured { policies { holder { policies { id } } } } } } } } }';
    expectRefusedWhole(await timed(f.clients.compliance, bomb), 'BAD_USER_INPUT');
  });

  it("still answers a full console page: a hundred customers with each one's policies", async () => {
    const result = await f.clients.compliance.request(
      'query ($page: Int, $perPage: Int) { allCustomers(page: $page, perPage: $perPage, sortField: "name", sortOrder: ASC) { id name kind gender idType idNumber phone email address status branchId branch { id name } policies { id policyNumber productName line status effectiveDate expiryDate sumInsuredFen premiumFen paymentFrequency holderId insuredId branchId } } }',
      { page: 0, perPage: 100 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.allCustomers.length).toBeGreaterThan(0);
    expect(result.data!.allCustomers.some((c: { policies: unknown[] }) => c.policies.length > 0)).toBe(true);
  });

  it('still answers the largest page the console asks for, with each row\'s policies', async () => {
    const result = await f.clients.compliance.request('query ($n: Int) { allCustomers(perPage: $n) { id name idNumber phone branchId status policies { id policyNumber status holder { id name } } } }', { n: 1000 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.allCustomers.length).toBeGreaterThan(0);
  });

  it('still answers an ordinary query with fragments', async () => {
    const result = await f.clients.manager.request(`{ allCustomers(perPage: 5) { ...F0 } }\n${fragmentChain(3)}`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.allCustomers.length).toBeGreaterThan(0);
  });
});
