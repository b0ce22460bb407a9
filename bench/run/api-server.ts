import type { BenchFixture } from '../bench-db';
import { startChild, type Child } from './server';

export function headersFor(token?: string): Record<string, string> {
  return { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** A built InsureDesk server (`script`: its main.js) started on the benchmark database, as deployed. */
export function startApi(script: string, url: string, fixture: BenchFixture, nodeArgs: string[] = [], processes = 1, logFile?: string): Promise<Child> {
  return startChild(script, {
    // As deployed (the Dockerfile's NODE_ENV); the bench talks plain HTTP on loopback with Bearer tokens.
    NODE_ENV: 'production', COOKIE_SECURE: 'false', LOG_LEVEL: 'warn', SEED_DEMO: 'never', DATABASE_URL: url,
    FIELD_ENCRYPTION_KEY: fixture.fieldEncryptionKey, BLIND_INDEX_KEY: fixture.blindIndexKey, AUDIT_CHAIN_KEY: fixture.auditChainKey,
    // One staff member drives 20 inquiries at once: lift the per-staff inquiry limit (120 a minute) as the seed lifts the inquiry setting.
    RATE_LIMIT_INQUIRY: '100000',
    SERVER_PROCESSES: String(processes),
  }, '/readyz', nodeArgs, logFile);
}

/** POSTs one GraphQL operation and returns its data, failing on any error. */
export async function postGraphql(api: Child, body: object, token?: string): Promise<any> {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: headersFor(token), body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors?.length || !json.data) throw new Error(`GraphQL failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** Bearer tokens of the bench's branch manager and compliance officer. */
export async function signInBoth(api: Child, fixture: BenchFixture): Promise<{ manager: string; compliance: string }> {
  const signIn = async (username: string) =>
    (await postGraphql(api, { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: fixture.password } })).login.token as string;
  return { manager: await signIn(fixture.manager), compliance: await signIn(fixture.compliance) };
}
