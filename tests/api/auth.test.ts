import { advanceClock } from '../../server/src/clock';
import { PasswordHasher } from '../../server/src/modules/auth/password';
import { Staff, StaffStatus } from '../../server/src/modules/staff/staff.entity';
import { GqlClient } from '../support/client';
import { LOGIN, startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';

const ME = '{ me { username roles permissions } }';
const MINUTE = 60_000;

describe('sign-in and sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
  });
  afterAll(() => server.stop());

  it('refuses every operation but login without a session', async () => {
    const result = await server.anonymous.request('{ allCustomers { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
    expect(await server.anonymous.errorCode(ME)).toBe('UNAUTHENTICATED');
  });

  it('signs in with username and password and returns the packed rules in me', async () => {
    const result = await server.anonymous.request(LOGIN, { username: 'agent', password: TEST_PASSWORD });
    expect(result.errors).toBeUndefined();
    const login = result.data!.login;
    expect(login.staff.username).toBe('agent');
    expect(login.token.length).toBeGreaterThanOrEqual(22);
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    const cookie = result.headers.get('set-cookie')!;
    expect(cookie).toMatch(/insuredesk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await new GqlClient(server.url, login.token).ok(ME);
    expect(me.me.roles).toEqual(['agent']);
    expect(JSON.stringify(me.me.permissions)).toContain('Customer');
  });

  it('accepts the session cookie as well as the bearer token', async () => {
    const result = await server.anonymous.request(LOGIN, { username: 'manager', password: TEST_PASSWORD });
    const cookie = result.headers.get('set-cookie')!.split(';')[0];
    const me = await new GqlClient(server.url, null, cookie).ok(ME);
    expect(me.me.username).toBe('manager');
  });

  it('stores only a hash of the session token', async () => {
    const client = await server.signIn('agent');
    const rows: { token_hash: string }[] = await server.db.query('SELECT token_hash FROM staff_session');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(client.token);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await server.anonymous.request(LOGIN, { username: 'inspector', password: 'not-the-password' });
    const unknown = await server.anonymous.request(LOGIN, { username: 'nobody-here', password: 'not-the-password' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('signs out: the token stops working', async () => {
    const client = await server.signIn('compliance');
    await client.ok('mutation { logout }');
    expect(await client.errorCode(ME)).toBe('UNAUTHENTICATED');
  });

  it('ends a session idle for longer than 30 minutes, but not an active one', async () => {
    const client = await server.signIn('agent');
    advanceClock(20 * MINUTE);
    await client.ok(ME);
    advanceClock(20 * MINUTE);
    await client.ok(ME);
    advanceClock(31 * MINUTE);
    const result = await client.request(ME);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].extensions?.reason).toBe('SESSION_EXPIRED');
  });

  it('ends every session 12 hours after sign-in, however active', async () => {
    const client = await server.signIn('agent');
    for (let i = 0; i < 25; i++) {
      advanceClock(29 * MINUTE);
      if (i < 24) await client.ok(ME);
    }
    expect(await client.errorCode(ME)).toBe('UNAUTHENTICATED');
  });

  it('locks an account after 5 failed sign-ins, for 15 minutes, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await server.anonymous.errorCode(LOGIN, { username: 'agent2', password: `wrong-${i}` })).toBe('UNAUTHENTICATED');
    }
    const locked = await server.anonymous.request(LOGIN, { username: 'agent2', password: TEST_PASSWORD });
    expect(locked.errors?.[0].extensions?.reason).toBe('ACCOUNT_LOCKED');
    advanceClock(14 * MINUTE);
    expect((await server.anonymous.request(LOGIN, { username: 'agent2', password: TEST_PASSWORD })).errors?.[0].extensions?.reason).toBe('ACCOUNT_LOCKED');
    advanceClock(2 * MINUTE);
    const after = await server.anonymous.request(LOGIN, { username: 'agent2', password: TEST_PASSWORD });
    expect(after.errors).toBeUndefined();
    expect(after.data!.login.staff.username).toBe('agent2');
  }, 60_000);

  it('hashes a password made under earlier scrypt settings again at the next sign-in, and it still works', async () => {
    const [{ password_hash: current }]: { password_hash: string }[] = await server.db.query("SELECT password_hash FROM staff WHERE username = 'manager'");
    const earlier = await new PasswordHasher(13, 2, 1).hash(TEST_PASSWORD);
    await server.db.query("UPDATE staff SET password_hash = ? WHERE username = 'manager'", [earlier]);
    await server.signIn('manager');
    const [{ password_hash: after }]: { password_hash: string }[] = await server.db.query("SELECT password_hash FROM staff WHERE username = 'manager'");
    expect(after).not.toBe(earlier);
    expect(after.split('$').slice(0, 4)).toEqual(current.split('$').slice(0, 4));
    const audit: { changes: string }[] = await server.db.query("SELECT changes FROM audit_entry WHERE action = 'auth.login' AND changes LIKE '%passwordRehashed%'");
    expect(audit).toHaveLength(1);
    // Signed in again with the same password: nothing more to redo.
    await server.signIn('manager');
    expect(await server.db.query("SELECT changes FROM audit_entry WHERE action = 'auth.login' AND changes LIKE '%passwordRehashed%'")).toHaveLength(1);
  });

  it('records failed and successful sign-ins in the audit trail', async () => {
    const rows: { action: string; outcome: string }[] = await server.db.query("SELECT action, outcome FROM audit_entry WHERE action = 'auth.login'");
    expect(rows.some((r) => r.outcome === 'failed')).toBe(true);
    expect(rows.some((r) => r.outcome === 'success')).toBe(true);
  });

  it('stops an existing session of a disabled account on its next request', async () => {
    const client = await server.signIn('inspector');
    await client.ok(ME);
    await server.db.getRepository(Staff).update({ username: 'inspector' }, { status: StaffStatus.disabled });
    expect(await client.errorCode(ME)).toBe('UNAUTHENTICATED');
    expect(await server.anonymous.errorCode(LOGIN, { username: 'inspector', password: TEST_PASSWORD })).toBe('UNAUTHENTICATED');
  });

  it('applies a changed role on the next request of an existing session', async () => {
    const client = await server.signIn('manager');
    expect((await client.request('{ _allCustomersMeta { count } }')).errors).toBeUndefined();
    await server.db.query("UPDATE role_grant SET status = 'revoked' WHERE staff_id = (SELECT id FROM staff WHERE username = 'manager')");
    expect(await client.errorCode('{ _allCustomersMeta { count } }')).toBe('FORBIDDEN');
  });
});
