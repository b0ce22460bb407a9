import { advanceClock, now } from '../../server/src/clock';
import { base32Decode, totp } from '../../server/src/modules/auth/totp';
import { GqlClient } from '../support/client';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { auditOf, codeOf, login, reasonOf, signInWith, staffIdOf } from './rights-helpers';

const BEGIN = 'mutation B($password: String!) { beginMfaEnrolment(password: $password) { secret otpauthUri issuer accountName expiresAt } }';
const CONFIRM = 'mutation C($code: String!) { confirmMfaEnrolment(code: $code) { recoveryCodes enabledAt } }';
const REGENERATE = 'mutation R($code: String!) { regenerateRecoveryCodes(code: $code) { recoveryCodes } }';
const MFA = '{ me { mfa { enrolled required enrolmentRequired recoveryCodesLeft } } }';
const STEP_MS = 30_000;

/** The code an authenticator app holding this key shows right now (the server runs in this process, on the same clock). */
const codeNow = (secret: string) => totp(base32Decode(secret), now());

describe('multi-factor sign-in (TOTP)', () => {
  let server: TestServer;
  let secret: string;
  let recoveryCodes: string[];
  let enrolmentCode: string;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 6, policies: 6 } });
  });
  afterAll(() => server.stop());

  it('tells a compliance officer without a second factor to set one up, and lets them in to do it', async () => {
    const result = await login(server, 'compliance');
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.mfaEnrolmentRequired).toBe(true);
    const client = new GqlClient(server.url, result.data!.login.token);
    expect((await client.ok(MFA)).me.mfa).toEqual({ enrolled: false, required: true, enrolmentRequired: true, recoveryCodesLeft: 0 });
    expect((await login(server, 'agent')).data!.login.mfaEnrolmentRequired).toBe(false);
    const entries = await auditOf(server, 'auth.login');
    expect(entries.some((e) => e.changes?.includes('required_but_not_enrolled'))).toBe(true);
  });

  it('enrols: the password again, an otpauth URI, and a first code that proves the app holds the key', async () => {
    const client = await signInWith(server, 'compliance');
    expect(codeOf(await client.request(BEGIN, { password: 'wrong password!' }))).toBe('BAD_USER_INPUT');
    const started = (await client.ok(BEGIN, { password: TEST_PASSWORD })).beginMfaEnrolment;
    secret = started.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauthUri).toBe(`otpauth://totp/InsureDesk:compliance?secret=${secret}&issuer=InsureDesk&algorithm=SHA1&digits=6&period=30`);
    const wrong = await client.request(CONFIRM, { code: codeNow(secret) === '000000' ? '111111' : '000000' });
    expect(wrong.errors![0].extensions!.fields!.code).toMatch(/4 tries left/);
    enrolmentCode = codeNow(secret);
    const confirmed = (await client.ok(CONFIRM, { code: enrolmentCode })).confirmMfaEnrolment;
    recoveryCodes = confirmed.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    const stored: { code_hash: string }[] = await server.db.query('SELECT code_hash FROM staff_recovery_code WHERE staff_id = ?', [await staffIdOf(server, 'compliance')]);
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    const rows: { mfa_secret_enc: string }[] = await server.db.query("SELECT mfa_secret_enc FROM staff WHERE username = 'compliance'");
    expect(rows[0].mfa_secret_enc).not.toContain(secret);
    expect((await client.ok(MFA)).me.mfa).toEqual({ enrolled: true, required: true, enrolmentRequired: false, recoveryCodesLeft: 10 });
    expect(reasonOf(await client.request(BEGIN, { password: TEST_PASSWORD }))).toBe('MFA_ALREADY_ENROLLED');
  });

  it('asks for the code at sign-in and refuses the code that was already used (replay)', async () => {
    expect(reasonOf(await login(server, 'compliance'))).toBe('MFA_CODE_REQUIRED');
    // The code that confirmed the enrolment belongs to a time step already used.
    expect(reasonOf(await login(server, 'compliance', TEST_PASSWORD, enrolmentCode))).toBe('MFA_CODE_INVALID');
    advanceClock(STEP_MS);
    const code = codeNow(secret);
    expect((await login(server, 'compliance', TEST_PASSWORD, code)).errors).toBeUndefined();
    const replay = await login(server, 'compliance', TEST_PASSWORD, code);
    expect(reasonOf(replay)).toBe('MFA_CODE_INVALID');
    const failures = (await auditOf(server, 'auth.login')).filter((e) => e.outcome === 'failed').map((e) => e.reason);
    expect(failures).toContain('one-time code already used');
    expect(reasonOf(await login(server, 'compliance', 'wrong password', codeNow(secret)))).toBe('SIGN_IN_FAILED');
  });

  it('accepts each recovery code once, in place of the app', async () => {
    advanceClock(STEP_MS);
    const client = await signInWith(server, 'compliance', TEST_PASSWORD, recoveryCodes[0].toLowerCase());
    expect((await client.ok(MFA)).me.mfa.recoveryCodesLeft).toBe(9);
    expect(reasonOf(await login(server, 'compliance', TEST_PASSWORD, recoveryCodes[0]))).toBe('MFA_CODE_INVALID');
    const used: { n: number | string }[] = await server.db.query('SELECT COUNT(*) AS n FROM staff_recovery_code WHERE used_at IS NOT NULL');
    expect(Number(used[0].n)).toBe(1);
  });

  it('replaces the recovery codes against a current code from the app', async () => {
    advanceClock(STEP_MS);
    const client = await signInWith(server, 'compliance', TEST_PASSWORD, codeNow(secret));
    expect(codeOf(await client.request(REGENERATE, { code: recoveryCodes[1] }))).toBe('BAD_USER_INPUT');
    advanceClock(STEP_MS);
    const fresh = (await client.ok(REGENERATE, { code: codeNow(secret) })).regenerateRecoveryCodes.recoveryCodes;
    expect(fresh).toHaveLength(10);
    advanceClock(STEP_MS);
    expect(reasonOf(await login(server, 'compliance', TEST_PASSWORD, recoveryCodes[1]))).toBe('MFA_CODE_INVALID');
    recoveryCodes = fresh;
  });

  it('limits attempts: wrong codes lock the account like wrong passwords', async () => {
    await server.db.query("UPDATE staff SET failed_login_count = 0, locked_until = NULL WHERE username = 'compliance'");
    for (let i = 0; i < 5; i++) expect(reasonOf(await login(server, 'compliance', TEST_PASSWORD, String(100000 + i)))).toBe('MFA_CODE_INVALID');
    advanceClock(STEP_MS);
    expect(reasonOf(await login(server, 'compliance', TEST_PASSWORD, codeNow(secret)))).toBe('ACCOUNT_LOCKED');
    advanceClock(16 * 60_000);
    expect((await login(server, 'compliance', TEST_PASSWORD, codeNow(secret))).errors).toBeUndefined();
  }, 30_000);

  it('an administrator resets a lost authenticator: sessions end and the set-up starts again', async () => {
    advanceClock(STEP_MS);
    const compliance = await signInWith(server, 'compliance', TEST_PASSWORD, codeNow(secret));
    const admin = await server.signIn('admin');
    const id = String(await staffIdOf(server, 'compliance'));
    const reset = (await admin.ok(`mutation { resetStaffMfa(id: "${id}", reason: "手机丢失") { mfaEnrolled } }`)).resetStaffMfa;
    expect(reset.mfaEnrolled).toBe(false);
    expect(codeOf(await compliance.request(MFA))).toBe('UNAUTHENTICATED');
    const again = await login(server, 'compliance');
    expect(again.data!.login.mfaEnrolmentRequired).toBe(true);
    expect(await server.db.query('SELECT id FROM staff_recovery_code WHERE staff_id = ?', [Number(id)])).toEqual([]);
    expect((await auditOf(server, 'staff.reset_mfa')).map((e) => e.reason)).toEqual(['手机丢失']);
  });

  it('asks anyone who enrolled for the code, whether or not a role requires it', async () => {
    const agent = await server.signIn('agent');
    const key = (await agent.ok(BEGIN, { password: TEST_PASSWORD })).beginMfaEnrolment.secret;
    await agent.ok(CONFIRM, { code: codeNow(key) });
    expect((await agent.ok(MFA)).me.mfa).toMatchObject({ enrolled: true, required: false });
    advanceClock(STEP_MS);
    expect(reasonOf(await login(server, 'agent'))).toBe('MFA_CODE_REQUIRED');
    expect((await login(server, 'agent', TEST_PASSWORD, codeNow(key))).errors).toBeUndefined();
  });

  it('discards a set-up after five wrong first codes', async () => {
    const inspector = await server.signIn('inspector');
    await inspector.ok(BEGIN, { password: TEST_PASSWORD });
    for (let i = 0; i < 4; i++) expect(codeOf(await inspector.request(CONFIRM, { code: 'abcdef' }))).toBe('BAD_USER_INPUT');
    expect(reasonOf(await inspector.request(CONFIRM, { code: 'abcdef' }))).toBe('MFA_ENROLMENT_NOT_STARTED');
    expect(reasonOf(await inspector.request(CONFIRM, { code: '123456' }))).toBe('MFA_ENROLMENT_NOT_STARTED');
  });
});
