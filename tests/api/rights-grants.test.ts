import { advanceClock, now } from '../../server/src/clock';
import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { addStaff, APPROVE_GRANT, auditOf, codeOf, countRows, CREATE_GRANT, detailsOf, REJECT_GRANT, reasonOf, REVOKE_GRANT, roleIdOf, staffIdOf } from './rights-helpers';

const MINUTE = 60_000;
const COUNT = '{ _allCustomersMeta { count } }';
const later = (ms: number) => new Date(now().getTime() + ms).toISOString();

describe('role grants', () => {
  let server: TestServer;
  let admin: GqlClient;
  let admin2: GqlClient;
  let grant: (staff: string, role: string, extra?: Record<string, unknown>, by?: GqlClient) => Promise<GqlResult>;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 24, policies: 10 } });
    await addStaff(server, 'admin2', ['admin']);
    await addStaff(server, 'admin3', ['admin']);
    admin = await server.signIn('admin');
    admin2 = await server.signIn('admin2');
    grant = async (staff, role, extra = {}, by = admin) =>
      by.request(CREATE_GRANT, { staffId: String(await staffIdOf(server, staff)), roleId: String(await roleIdOf(server, role)), reason: '工作需要', ...extra });
  });
  afterAll(() => server.stop());

  it('refuses a grant to oneself, and records the attempt', async () => {
    const result = await grant('admin', 'inspector');
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(reasonOf(result)).toBe('SELF_GRANT');
    const denied = await auditOf(server, 'mutation.createRoleGrant');
    expect(denied.map((e) => [e.outcome, e.staff_id])).toEqual([['denied', await staffIdOf(server, 'admin')]]);
  });

  it('asks for a reason and a sensible period, and refuses a role already held', async () => {
    expect(codeOf(await grant('agent2', 'inspector', { reason: ' ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await grant('agent2', 'inspector', { validUntil: later(-MINUTE) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await grant('agent2', 'inspector', { validFrom: later(10 * MINUTE), validUntil: later(5 * MINUTE) }))).toBe('BAD_USER_INPUT');
    expect(reasonOf(await grant('agent2', 'agent'))).toBe('DUPLICATE');
  });

  it('takes effect on the next request of an existing session, and a revoke ends it there too', async () => {
    const agent2 = await server.signIn('agent2');
    const own = (await agent2.ok(COUNT))._allCustomersMeta.count;
    const given = (await grant('agent2', 'inspector')).data!.createRoleGrant;
    expect(given).toMatchObject({ status: 'active', inEffect: true, reason: '工作需要', grantedById: String(await staffIdOf(server, 'admin')) });
    const wider = (await agent2.ok(COUNT))._allCustomersMeta.count;
    expect(wider).toBeGreaterThan(own);
    await admin.ok(REVOKE_GRANT, { id: given.id, reason: '项目结束' });
    expect((await agent2.ok(COUNT))._allCustomersMeta.count).toBe(own);
    expect((await admin.ok(`{ RoleGrant(id: "${given.id}") { status revokeReason revokedBy { username } inEffect } }`)).RoleGrant).toEqual({ status: 'revoked', revokeReason: '项目结束', revokedBy: { username: 'admin' }, inEffect: false });
    expect(reasonOf(await admin.request(REVOKE_GRANT, { id: given.id, reason: 'again' }))).toBe('GRANT_WRONG_STATUS');
    expect((await auditOf(server, 'grant.revoke')).map((e) => e.reason)).toEqual(['项目结束']);
  });

  it('stops an expired grant by itself, without a restart, and starts a future one on time', async () => {
    const agent2 = await server.signIn('agent2');
    const own = (await agent2.ok(COUNT))._allCustomersMeta.count;
    await grant('agent2', 'inspector', { validUntil: later(10 * MINUTE) });
    expect((await agent2.ok(COUNT))._allCustomersMeta.count).toBeGreaterThan(own);
    advanceClock(11 * MINUTE);
    expect((await agent2.ok(COUNT))._allCustomersMeta.count).toBe(own);

    const future = (await grant('agent2', 'inspector', { validFrom: later(5 * MINUTE) })).data!.createRoleGrant;
    expect(future.inEffect).toBe(false);
    expect((await agent2.ok(COUNT))._allCustomersMeta.count).toBe(own);
    advanceClock(6 * MINUTE);
    expect((await agent2.ok(COUNT))._allCustomersMeta.count).toBeGreaterThan(own);
    await admin.ok(REVOKE_GRANT, { id: future.id, reason: '测试结束' });
  });

  it('holds a high-risk grant until a second administrator, neither granter nor grantee, approves it', async () => {
    const inspector = await server.signIn('inspector');
    const pending = (await grant('inspector', 'admin')).data!.createRoleGrant;
    expect(pending).toMatchObject({ status: 'pending_approval', inEffect: false });
    expect(codeOf(await inspector.request('{ _allRolesMeta { count } }'))).toBe('FORBIDDEN');
    expect(reasonOf(await admin.request(APPROVE_GRANT, { id: pending.id }))).toBe('FOUR_EYES');
    const notes = (await admin2.ok('{ myNotifications { kind title } }')).myNotifications;
    expect(notes.map((n: { kind: string }) => n.kind)).toContain('grant_approval');
    const approved = (await admin2.ok(APPROVE_GRANT, { id: pending.id, reason: '已核实' })).approveRoleGrant;
    expect(approved).toMatchObject({ status: 'active', inEffect: true, approvedById: String(await staffIdOf(server, 'admin2')) });
    expect((await inspector.ok('{ _allRolesMeta { count } }'))._allRolesMeta.count).toBeGreaterThan(0);
    expect(reasonOf(await admin2.request(APPROVE_GRANT, { id: pending.id }))).toBe('GRANT_WRONG_STATUS');
    expect((await auditOf(server, 'grant.approve')).map((e) => e.staff_id)).toEqual([await staffIdOf(server, 'admin2')]);
  });

  it('does not let the grantee approve their own high-risk grant, and a rejected one never takes effect', async () => {
    const high = (await admin.ok(`mutation { cloneRole(id: "${await roleIdOf(server, 'compliance')}", name: "compliance-hr", label: "合规（高风险）") { id } }`)).cloneRole;
    await admin.ok(`mutation { updateRole(id: "${high.id}", version: 1, highRisk: true) { highRisk } }`);
    const pending = (await admin.request(CREATE_GRANT, { staffId: String(await staffIdOf(server, 'admin2')), roleId: high.id, reason: '兼任合规' })).data!.createRoleGrant;
    expect(reasonOf(await admin2.request(APPROVE_GRANT, { id: pending.id }))).toBe('FOUR_EYES');
    expect(reasonOf(await admin2.request(REJECT_GRANT, { id: pending.id, reason: 'no' }))).toBe('FOUR_EYES');
    const admin3 = await server.signIn('admin3');
    expect(codeOf(await admin3.request(REJECT_GRANT, { id: pending.id }))).toBe('BAD_USER_INPUT');
    const rejected = (await admin3.ok(REJECT_GRANT, { id: pending.id, reason: '职责冲突风险' })).rejectRoleGrant;
    expect(rejected).toMatchObject({ status: 'rejected', inEffect: false, revokeReason: '职责冲突风险' });
    expect((await admin2.ok('{ me { roles } }')).me.roles).toEqual(['admin']);
  });

  it('refuses a grant that breaks a separation-of-duties pair, naming it, and creates nothing', async () => {
    const before = await countRows(server, 'SELECT COUNT(*) AS n FROM role_grant');
    const toAdmin = await grant('admin2', 'manager');
    expect(reasonOf(toAdmin)).toBe('DUTY_CONFLICT');
    expect(toAdmin.errors![0].message).toContain('reveal-vs-access-administration');
    expect(detailsOf(toAdmin)).toEqual([
      {
        code: 'DUTY_CONFLICT_GRANT',
        params: { pair: 'reveal-vs-access-administration', description: 'revealing customer data together with staff or role administration', staff: 'admin2', username: 'admin2', role: 'manager', roleLabel: '客服主管' },
        message: toAdmin.errors![0].message,
      },
    ]);
    const toManager = await grant('manager', 'admin');
    expect(reasonOf(toManager)).toBe('DUTY_CONFLICT');
    expect(toManager.errors![0].message).toContain('revealing customer data together with staff or role administration');
    expect(await countRows(server, 'SELECT COUNT(*) AS n FROM role_grant')).toBe(before);
    expect((await auditOf(server, 'mutation.createRoleGrant')).filter((e) => e.reason?.includes('separation of duties')).length).toBe(2);
  });

  it('takes separation-of-duties pairs from data: a new pair refuses, disabling it allows, and the report finds what meets', async () => {
    const PAIR = `mutation P($withdrawn: JSON, $other: JSON) { createDutyConflictRule(name: "policy-delete-vs-audit", description: "deleting policies together with reading the audit trail", withdrawn: $withdrawn, other: $other) { id version enabled } }`;
    expect(codeOf(await admin.request(PAIR, { withdrawn: [{ action: 'delete', subject: 'Spaceship' }], other: [] }))).toBe('BAD_USER_INPUT');
    const pair = (await admin.ok(PAIR, { withdrawn: [{ action: 'delete', subject: 'Policy' }], other: [{ action: 'read', subject: 'AuditEntry' }] })).createDutyConflictRule;
    const refused = await grant('manager', 'compliance');
    expect(reasonOf(refused)).toBe('DUTY_CONFLICT');
    expect(refused.errors![0].message).toContain('policy-delete-vs-audit');

    await admin.ok(`mutation { updateDutyConflictRule(id: "${pair.id}", version: ${pair.version}, enabled: false) { enabled } }`);
    const allowed = (await grant('manager', 'compliance')).data!.createRoleGrant;
    expect(allowed.status).toBe('active');
    await admin.ok(`mutation { updateDutyConflictRule(id: "${pair.id}", version: ${pair.version + 1}, enabled: true) { enabled } }`);

    const report = (await admin.ok('{ dutyConflictViolations { rule { name } staff { username } withdrawnGrants { roleId } otherGrants { roleId } } }')).dutyConflictViolations;
    expect(report).toEqual([
      {
        rule: { name: 'policy-delete-vs-audit' },
        staff: { username: 'manager' },
        withdrawnGrants: [{ roleId: String(await roleIdOf(server, 'manager')) }],
        otherGrants: [{ roleId: String(await roleIdOf(server, 'compliance')) }],
      },
    ]);
    // Where a pair meets anyway, the first side is withdrawn from the person on their next request.
    const manager = await server.signIn('manager');
    expect((await manager.ok('{ me { dutyConflicts } }')).me.dutyConflicts).toEqual(['deleting policies together with reading the audit trail']);
    const policy: { id: number }[] = await server.db.query('SELECT p.id FROM policy p JOIN branch b ON b.id = p.branch_id WHERE b.code = ? LIMIT 1', ['BJ']);
    expect(codeOf(await manager.request(`mutation { deletePolicy(id: "${policy[0].id}") { id } }`))).toBe('FORBIDDEN');
    expect(reasonOf(await admin.request(`mutation { deleteDutyConflictRule(id: "1") { id } }`))).toBe('IN_USE');
    await admin.ok(REVOKE_GRANT, { id: allowed.id, reason: '测试结束' });
  });

  it('shows a staff member\'s effective permissions: merged rules, which grant gives what, what is withdrawn', async () => {
    const id = await staffIdOf(server, 'manager');
    const view = (await admin.ok(`{ effectivePermissions(staffId: "${id}") { rules { grantId roleName action subject fields conditions } withdrawn { action subject inverted } conflicts grantsInEffect { id } permissions } }`)).effectivePermissions;
    const grants: { id: number; role: string }[] = await server.db.query("SELECT g.id, r.name AS role FROM role_grant g JOIN role r ON r.id = g.role_id WHERE g.staff_id = ? AND g.status = 'active'", [id]);
    expect(new Set(view.rules.map((r: { grantId: string }) => r.grantId))).toEqual(new Set(grants.map((g) => String(g.id))));
    const reveal = view.rules.find((r: { action: string[]; conditions: unknown }) => r.action.includes('reveal') && r.conditions);
    expect(reveal).toMatchObject({ roleName: 'manager', subject: ['Customer'], conditions: { branchId: expect.any(Number) } });
    expect(view.withdrawn).toEqual([]);
    expect(view.conflicts).toEqual([]);
    const agent = await server.signIn('agent');
    expect(codeOf(await agent.request(`{ effectivePermissions(staffId: "${id}") { conflicts } }`))).toBe('FORBIDDEN');
  });
});
