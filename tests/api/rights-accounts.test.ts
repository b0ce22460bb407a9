import { advanceClock } from '../../server/src/clock';
import { GqlClient } from '../support/client';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { auditOf, branchIdOf, roleIdOf, CHANGE_PASSWORD, codeOf, countRows, CREATE_STAFF, login, reasonOf, signInWith, STAFF, staffIdOf } from './rights-helpers';

const STEP = (name: string) => `mutation Step($id: ID!, $reason: String!) { ${name}(id: $id, reason: $reason) { ${STAFF} } }`;
const ME = '{ me { username mustChangePassword } }';
const DAY = 24 * 3600_000;

describe('staff accounts', () => {
  let server: TestServer;
  let admin: GqlClient;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 10, policies: 10 } });
    admin = await server.signIn('admin');
  });
  afterAll(() => server.stop());

  const openSessions = async (username: string) =>
    countRows(server, 'SELECT COUNT(*) AS n FROM staff_session s JOIN staff t ON t.id = s.staff_id WHERE t.username = ? AND s.ended_at IS NULL', [username]);

  it('creates an account with a temporary password that must be replaced at the first sign-in', async () => {
    const bj = await branchIdOf(server, 'BJ');
    const created = (await admin.ok(CREATE_STAFF, { username: 'zhou.min', displayName: '周敏', branchId: String(bj) })).createStaff;
    expect(created.staff).toMatchObject({ username: 'zhou.min', displayName: '周敏', status: 'active', mustChangePassword: true, mfaEnrolled: false, roles: [] });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(await countRows(server, "SELECT COUNT(*) AS n FROM staff WHERE username = 'zhou.min' AND password_hash LIKE 'scrypt$%'")).toBe(1);
    expect((await auditOf(server, 'staff.create')).map((e) => e.subject_id)).toEqual([String(created.staff.id)]);

    const first = await login(server, 'zhou.min', created.temporaryPassword);
    expect(first.data!.login.mustChangePassword).toBe(true);
    const session = new GqlClient(server.url, first.data!.login.token);
    const other = await signInWith(server, 'zhou.min', created.temporaryPassword);
    expect((await session.ok(ME)).me.mustChangePassword).toBe(true);
    const refused = await session.request('{ allBranches { id } }');
    expect(reasonOf(refused)).toBe('PASSWORD_CHANGE_REQUIRED');

    // NIST SP 800-63B: length and a common-password list, no composition rules.
    const tries: Array<[string, RegExp]> = [
      ['short-one', /at least 12/],
      ['password1234', /most common/],
      ['zhou.min is my name', /username/],
      ['xyzxyzxyzxyz', /repeated/],
    ];
    for (const [newPassword, message] of tries) {
      const result = await session.request(CHANGE_PASSWORD, { currentPassword: created.temporaryPassword, newPassword });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields!.newPassword).toMatch(message);
    }
    expect(codeOf(await session.request(CHANGE_PASSWORD, { currentPassword: 'not it at all', newPassword: 'spring rain on the bund' }))).toBe('BAD_USER_INPUT');
    expect((await session.ok(CHANGE_PASSWORD, { currentPassword: created.temporaryPassword, newPassword: 'spring rain on the bund' })).changePassword).toBe(true);

    expect((await session.ok(ME)).me.mustChangePassword).toBe(false);
    expect(codeOf(await other.request(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(server, 'zhou.min', created.temporaryPassword))).toBe('UNAUTHENTICATED');
    expect((await login(server, 'zhou.min', 'spring rain on the bund')).data!.login.mustChangePassword).toBe(false);
    expect((await auditOf(server, 'auth.change_password')).map((e) => e.outcome)).toEqual(['failed', 'success']);
  });

  it('refuses a taken username and bad input, creating nothing', async () => {
    const before = await countRows(server, 'SELECT COUNT(*) AS n FROM staff');
    expect(reasonOf(await admin.request(CREATE_STAFF, { username: 'agent', displayName: '重名' }))).toBe('DUPLICATE');
    expect(codeOf(await admin.request(CREATE_STAFF, { username: 'A B', displayName: 'x' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.request(CREATE_STAFF, { username: 'nobranch', displayName: 'x', branchId: '99999' }))).toBe('BAD_USER_INPUT');
    expect(await countRows(server, 'SELECT COUNT(*) AS n FROM staff')).toBe(before);
  });

  it('edits name and branch with the version it started from', async () => {
    const id = await staffIdOf(server, 'agent2');
    const current = (await admin.ok(`query { Staff(id: "${id}") { ${STAFF} } }`)).Staff;
    const UPDATE = `mutation U($id: ID!, $version: Int!, $displayName: String) { updateStaff(id: $id, version: $version, displayName: $displayName) { ${STAFF} } }`;
    const updated = (await admin.ok(UPDATE, { id: String(id), version: current.version, displayName: '陈静（上海）' })).updateStaff;
    expect(updated).toMatchObject({ displayName: '陈静（上海）', version: current.version + 1, username: 'agent2' });
    expect(reasonOf(await admin.request(UPDATE, { id: String(id), version: current.version, displayName: 'stale' }))).toBe('STALE_VERSION');
  });

  it('suspends: the sessions end at once and sign-in is refused until reactivated', async () => {
    const inspector = await server.signIn('inspector');
    const id = String(await staffIdOf(server, 'inspector'));
    const suspended = (await admin.ok(STEP('suspendStaff'), { id, reason: '休假' })).suspendStaff;
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: '休假' });
    expect(await openSessions('inspector')).toBe(0);
    expect(codeOf(await inspector.request(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(server, 'inspector'))).toBe('UNAUTHENTICATED');
    expect(reasonOf(await admin.request(STEP('suspendStaff'), { id, reason: 'again' }))).toBe('STAFF_WRONG_STATUS');
    await admin.ok(STEP('reactivateStaff'), { id, reason: '休假结束' });
    expect((await login(server, 'inspector')).errors).toBeUndefined();
    expect((await auditOf(server, 'staff.suspend')).map((e) => e.reason)).toEqual(['休假']);
  });

  it('disables: every session of the account ends at once, not just on its next request', async () => {
    await server.signIn('agent2');
    await server.signIn('agent2');
    expect(await openSessions('agent2')).toBe(2);
    const id = String(await staffIdOf(server, 'agent2'));
    expect((await admin.ok(STEP('disableStaff'), { id, reason: '离职' })).disableStaff.status).toBe('disabled');
    expect(await openSessions('agent2')).toBe(0);
    const entry = (await auditOf(server, 'staff.disable'))[0];
    expect(JSON.parse(entry.changes!)).toMatchObject({ status: { from: 'active', to: 'disabled' }, sessionsEnded: 2 });
    await admin.ok(STEP('reactivateStaff'), { id, reason: '返聘' });
  });

  it('resets a password: sessions end and the staff member must choose a new one', async () => {
    const agent = await server.signIn('agent');
    const id = String(await staffIdOf(server, 'agent'));
    const reset = (await admin.ok(`mutation R($id: ID!, $reason: String!) { resetStaffPassword(id: $id, reason: $reason) { temporaryPassword staff { mustChangePassword } } }`, { id, reason: '忘记密码' })).resetStaffPassword;
    expect(reset.staff.mustChangePassword).toBe(true);
    expect(codeOf(await agent.request(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(server, 'agent'))).toBe('UNAUTHENTICATED');
    const session = await signInWith(server, 'agent', reset.temporaryPassword);
    expect(reasonOf(await session.request('{ _allCustomersMeta { count } }'))).toBe('PASSWORD_CHANGE_REQUIRED');
    await session.ok(CHANGE_PASSWORD, { currentPassword: reset.temporaryPassword, newPassword: TEST_PASSWORD + ' again' });
    expect((await session.ok('{ _allCustomersMeta { count } }'))._allCustomersMeta.count).toBeGreaterThan(0);
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    for (let i = 0; i < 5; i++) await login(server, 'compliance', `wrong-${i}`);
    expect(reasonOf(await login(server, 'compliance'))).toBe('ACCOUNT_LOCKED');
    const id = String(await staffIdOf(server, 'compliance'));
    expect((await admin.ok(`query { Staff(id: "${id}") { locked } }`)).Staff.locked).toBe(true);
    expect((await admin.ok(`mutation { unlockStaff(id: "${id}") { locked } }`)).unlockStaff.locked).toBe(false);
    expect((await login(server, 'compliance')).errors).toBeUndefined();
  }, 30_000);

  it('never lets an administrator take these steps on their own account, nor others than administrators', async () => {
    const self = String(await staffIdOf(server, 'admin'));
    expect(reasonOf(await admin.request(STEP('suspendStaff'), { id: self, reason: 'test' }))).toBe('OWN_ACCOUNT');
    expect(reasonOf(await admin.request(STEP('resetStaffPassword').replace(`{ ${STAFF} }`, '{ temporaryPassword }'), { id: self, reason: 'test' }))).toBe('OWN_ACCOUNT');
    const manager = await server.signIn('manager');
    expect(codeOf(await manager.request(CREATE_STAFF, { username: 'sneaky', displayName: 'x' }))).toBe('FORBIDDEN');
    expect(codeOf(await manager.request(STEP('suspendStaff'), { id: String(await staffIdOf(server, 'agent')), reason: 'x' }))).toBe('FORBIDDEN');
    const denied = await countRows(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'mutation.createStaff' AND outcome = 'denied'");
    expect(denied).toBe(1);
  });

  it('lists staff with filters, and the manager only their own branch', async () => {
    const all = (await admin.ok(`{ allStaff(perPage: 100) { username } _allStaffMeta { count } }`));
    expect(all._allStaffMeta.count).toBe(all.allStaff.length);
    const bj = String(await branchIdOf(server, 'BJ'));
    const managers = (await admin.ok(`{ allStaff(filter: { roleId: "${await roleIdOf(server, 'manager')}" }) { username } }`)).allStaff;
    expect(managers.map((s: { username: string }) => s.username)).toEqual(['manager']);
    const manager = await server.signIn('manager');
    const seen = (await manager.ok('{ allStaff(perPage: 100) { username branchId } }')).allStaff;
    expect(new Set(seen.map((s: { branchId: string }) => s.branchId))).toEqual(new Set([bj]));
    expect(codeOf(await manager.request('{ allStaff(filter: { mfaEnrolled: false }) { id } }'))).toBe('FORBIDDEN');
  });

  it('lists dormant accounts by the configured number of days and suspends them together', async () => {
    const policy = (await admin.ok('{ accessPolicy { version dormantAfterDays } }')).accessPolicy;
    expect(policy.dormantAfterDays).toBe(90);
    await admin.ok(`mutation { updateAccessPolicy(version: ${policy.version}, dormantAfterDays: 60) { dormantAfterDays } }`);
    advanceClock(61 * DAY);
    const fresh = await server.signIn('admin');
    await server.signIn('agent2');
    const report = (await fresh.ok(`{ dormantStaff { days staff { id username } } }`)).dormantStaff;
    expect(report.days).toBe(60);
    const names = report.staff.map((s: { username: string }) => s.username);
    expect(names).toEqual(expect.arrayContaining(['inspector', 'manager']));
    expect(names).not.toContain('admin');
    expect(names).not.toContain('agent2');
    const listed = (await fresh.ok('{ allStaff(filter: { dormantForDays: 60 }, perPage: 100) { username } }')).allStaff.map((s: { username: string }) => s.username);
    expect(listed.sort()).toEqual([...names].sort());

    const ids = [...report.staff.map((s: { id: string }) => s.id), String(await staffIdOf(server, 'agent2'))];
    const bulk = (await fresh.ok(`mutation S($ids: [ID!]!) { suspendDormantStaff(ids: $ids, reason: "长期未登录") { suspended { username status } skipped { id reason } } }`, { ids })).suspendDormantStaff;
    expect(bulk.suspended.map((s: { username: string }) => s.username).sort()).toEqual([...names].sort());
    expect(bulk.skipped).toEqual([{ id: String(await staffIdOf(server, 'agent2')), reason: 'not an active account without a sign-in for 60 days' }]);
    expect(codeOf(await login(server, 'inspector'))).toBe('UNAUTHENTICATED');
    expect((await auditOf(server, 'staff.suspend')).filter((e) => e.reason?.includes('dormant')).length).toBe(names.length);
  });
});
