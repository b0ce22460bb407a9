import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { countOf } from '../api/inquiry-helpers';

jest.setTimeout(90_000);

// Oversized queries are refused before any resolver runs, quickly, with one message that names no
// limit and echoes nothing of the query; pages are capped; batches, introspection and field
// suggestions are closed as configured.

const countLogins = (server: TestServer) => countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'auth.login'");

/** The refusal every limit gives: BAD_USER_INPUT / QUERY_TOO_COMPLEX, no number, no piece of the query. */
function expectTooComplex(result: GqlResult, queryParts: string[]) {
  expect(result.status).toBe(400);
  expect(result.data).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
  const body = JSON.stringify(result.errors);
  expect(body).not.toMatch(/\d/);
  expect(body).not.toMatch(/locations|stacktrace/);
  for (const part of queryParts) expect(body).not.toContain(part);
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe('query limits on /graphql', () => {
  let server: TestServer;
  let manager: GqlClient;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 6, policies: 6 } });
    manager = await server.signIn('manager');
  });
  afterAll(() => server.stop());

  it('refuses 10,000 aliased sign-ins at once, quickly, before a single one runs', async () => {
    const before = await countLogins(server);
    const query = `mutation { ${Array.from({ length: 10_000 }, (_, i) => `try${i}: login(username: "manager", password: "guess${i}") { token }`).join(' ')} }`;
    const { value, ms } = await timed(() => server.anonymous.request(query));
    expectTooComplex(value, ['try9999', 'guess']);
    expect(ms).toBeLessThan(1000);
    expect(await countLogins(server)).toBe(before);
    console.info(`10,000-alias sign-in flood refused in ${ms.toFixed(0)} ms (${(query.length / 1024).toFixed(0)} KiB)`);
  });

  it('refuses a few dozen aliases that fit in the token budget, again before any resolver', async () => {
    const before = await countLogins(server);
    const query = `mutation { ${Array.from({ length: 40 }, (_, i) => `a${i}: login(username: "manager", password: "p${i}") { token }`).join(' ')} }`;
    expectTooComplex(await server.anonymous.request(query), ['a39']);
    expect(await countLogins(server)).toBe(before);
  });

  it('refuses a depth bomb hidden in nested fragments, quickly', async () => {
    // Each fragment spreads the one below twice, through a relation: 2^30 paths when expanded.
    const fragments = ['fragment F0 on Customer { id name }'];
    for (let i = 1; i <= 30; i++) fragments.push(`fragment F${i} on Customer { policies { holder { ...F${i - 1} } insured { ...F${i - 1} } } }`);
    const query = `query Bomb { allCustomers(perPage: 1) { ...F30 } }\n${fragments.join('\n')}`;
    const { value, ms } = await timed(() => manager.request(query));
    expectTooComplex(value, ['F30', 'Bomb', 'policies']);
    expect(ms).toBeLessThan(1000);
    console.info(`fragment depth bomb (30 levels, 2^30 paths) refused in ${ms.toFixed(0)} ms`);
  });

  it('refuses a plain deep query and a flood of directives the same way', async () => {
    const deep = `{ allCustomers(perPage: 1) { ${'policies { holder { '.repeat(8)}id${' } }'.repeat(8)} } }`;
    expectTooComplex(await manager.request(deep), ['policies']);
    const directives = `{ me { ${'... @include(if: true) { id } '.repeat(60)} } }`;
    expectTooComplex(await manager.request(directives), ['include']);
  });

  it('still answers what the console asks', async () => {
    const result = await manager.request(`{ allCustomers(perPage: 25, sortField: "id", sortOrder: ASC) { id name idNumber branch { id name } policies { id policyNumber insured { id name } } }
      total: _allCustomersMeta { count } me { id username roles } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.allCustomers.length).toBeGreaterThan(0);
  });

  it('caps the page size centrally, literal or variable, without naming the cap', async () => {
    for (const result of [
      await manager.request('{ allCustomers(perPage: 5000) { id } }'),
      await manager.request('query Q($n: Int) { allPolicies(perPage: $n) { id } }', { n: 100_000 }),
    ]) {
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_TOO_LARGE' });
      expect(JSON.stringify(result.errors)).not.toMatch(/\d{3,}/);
    }
    expect((await manager.request('{ allCustomers(perPage: 1000) { id } }')).errors).toBeUndefined();
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager.token}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).not.toContain('"me"');
  });

  it('in development, allows introspection and suggests field names', async () => {
    expect((await server.anonymous.request('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    expect((await manager.request('{ me { usernme } }')).errors?.[0].message).toMatch(/Did you mean/);
  });
});

describe('production settings: introspection and field suggestions', () => {
  let server: TestServer;
  let closed: TestServer;

  beforeAll(async () => {
    const production = { NODE_ENV: 'production', PASSWORD_HASH_COST: '17', COOKIE_SECURE: 'false' };
    server = await startTestServer({ demo: { customers: 2, policies: 2 }, env: production });
    closed = await startTestServer({ demo: false, env: { ...production, GRAPHQL_INTROSPECTION: 'off' } });
  });
  afterAll(async () => {
    await server.stop();
    await closed.stop();
  });

  it('refuses introspection to anonymous callers, and lets the signed-in console read the schema', async () => {
    const anonymous = await server.anonymous.request('{ __schema { types { name } } }');
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INTROSPECTION_DISABLED' });
    expect(anonymous.data).toBeNull();
    expect((await server.anonymous.request('{ __type(name: "Customer") { fields { name } } }')).errors?.[0].extensions?.reason).toBe('INTROSPECTION_DISABLED');
    const manager = await server.signIn('manager');
    expect((await manager.request('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses introspection to everyone with GRAPHQL_INTROSPECTION=off', async () => {
    const result = await closed.anonymous.request('{ __schema { queryType { name } } }');
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INTROSPECTION_DISABLED' });
    expect(JSON.stringify(result.errors)).not.toMatch(/Apollo|introspection: true/);
  });

  it('suggests no field names', async () => {
    const manager = await server.signIn('manager');
    const result = await manager.request('{ me { usernme } allCustomrs { id } }');
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|"username"|allCustomers/);
  });
});
