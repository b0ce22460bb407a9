import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { auditOf, codeOf, countRows, CREATE_GRANT, detailsOf, reasonOf, roleIdOf, staffIdOf } from './rights-helpers';

const ROLE = 'id name label description rules builtIn highRisk requiresMfa version holderCount';
const CREATE_ROLE = `mutation C($name: String!, $label: String, $rules: JSON, $highRisk: Boolean) {
  createRole(name: $name, label: $label, rules: $rules, highRisk: $highRisk) { ${ROLE} }
}`;
const UPDATE_ROLE = `mutation U($id: ID!, $version: Int!, $rules: JSON, $label: String) { updateRole(id: $id, version: $version, rules: $rules, label: $label) { ${ROLE} } }`;

describe('roles', () => {
  let server: TestServer;
  let admin: GqlClient;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 6, policies: 6 } });
    admin = await server.signIn('admin');
  });
  afterAll(() => server.stop());

  it('lists the built-in roles with their risk and multi-factor marks', async () => {
    const roles = (await admin.ok(`{ allRoles(perPage: 50) { ${ROLE} } _allRolesMeta { count } }`));
    const byName = Object.fromEntries(roles.allRoles.map((r: { name: string }) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['admin', 'agent', 'compliance', 'inspector', 'manager']);
    expect(roles._allRolesMeta.count).toBe(5);
    expect(byName.admin).toMatchObject({ builtIn: true, highRisk: true, requiresMfa: true, holderCount: 1 });
    expect(byName.compliance).toMatchObject({ highRisk: false, requiresMfa: true });
    expect(byName.agent.holderCount).toBe(2);
  });

  it('offers the rule editor its catalogue: actions, subjects with their fields, masked fields', async () => {
    const catalog = (await admin.ok('{ accessCatalog { actions placeholders subjects { name fields sensitiveFields } } }')).accessCatalog;
    expect(catalog.actions).toEqual(expect.arrayContaining(['read', 'reveal', 'grant', 'approve', 'review']));
    expect(catalog.placeholders).toEqual(['${staff.id}', '${staff.branchId}']);
    const customer = catalog.subjects.find((s: { name: string }) => s.name === 'Customer');
    expect(customer.fields).toEqual(expect.arrayContaining(['name', 'idNumber', 'branchId']));
    expect(customer.sensitiveFields).toEqual(['idNumber', 'phone', 'email', 'address']);
    expect(catalog.subjects.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['AccessReviewItem', 'DutyConflictRule', 'RoleGrant']));
  });

  it('validates rules before saving, naming each problem, and saves nothing', async () => {
    const before = await countRows(server, 'SELECT COUNT(*) AS n FROM role');
    const bad = [
      [{ action: 'fly', subject: 'Customer' }, 'rule 1: unknown action "fly"'],
      [{ action: 'read', subject: 'Customer', fields: ['nmae'] }, 'rule 1: Customer has no field "nmae"'],
      [{ action: 'read', subject: 'Customer', conditions: { branchId: '${staff.branch}' } }, 'unknown placeholder "${staff.branch}"'],
      [{ action: 'read', subject: 'Customer', conditions: { name: { $regex: 'x' } } }, 'operator "$regex" on "name" is not supported'],
    ] as const;
    for (const [rule, message] of bad) {
      const result = await admin.request(CREATE_ROLE, { name: 'broken', label: '坏角色', rules: [rule] });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields!.rules).toContain(message);
    }
    const both = await admin.request(CREATE_ROLE, { name: 'both', label: '两者', rules: [{ action: 'reveal', subject: 'Customer' }, { action: 'update', subject: 'Role' }] });
    expect(both.errors![0].extensions!.fields!.rules).toContain('reveal-vs-access-administration');
    expect(await countRows(server, 'SELECT COUNT(*) AS n FROM role')).toBe(before);
  });

  it('gives each rule problem as a code with its particulars, beside the English text, for the console to word', async () => {
    const result = await admin.request(CREATE_ROLE, { name: 'broken', label: '坏角色', rules: [{ action: 'fly', subject: 'Customer' }, { action: 'read', subject: 'Staff', fields: ['nmae'], conditions: { id: '${staff.userId}' } }] });
    const failure = result.errors![0];
    expect(failure.message).toContain('rule 1: unknown action "fly"');
    // The shape is checked first: with a shape problem the field and placeholder checks wait for the next save.
    expect(detailsOf(result)).toEqual([{ code: 'RULE_UNKNOWN_ACTION', params: { rule: 1, action: 'fly' }, message: 'rule 1: unknown action "fly"', field: 'rules' }]);
    const second = await admin.request(CREATE_ROLE, { name: 'broken', label: '坏角色', rules: [{ action: 'read', subject: 'Staff', fields: ['nmae'], conditions: { id: '${staff.userId}' } }] });
    expect(detailsOf(second).map((d) => [d.code, d.params])).toEqual([
      ['RULE_UNKNOWN_FIELD', { rule: 1, subject: 'Staff', fields: 'nmae' }],
      ['RULE_UNKNOWN_PLACEHOLDER', { rule: 1, placeholder: '${staff.userId}' }],
    ]);
    const both = await admin.request(CREATE_ROLE, { name: 'both', label: '两者', rules: [{ action: 'reveal', subject: 'Customer' }, { action: 'update', subject: 'Role' }] });
    expect(detailsOf(both)).toEqual([expect.objectContaining({ code: 'DUTY_CONFLICT_IN_ROLE', params: { pair: 'reveal-vs-access-administration', description: 'revealing customer data together with staff or role administration' } })]);
  });

  it('creates, edits with its version and clones a role; every change is audited', async () => {
    const rules = [{ action: 'read', subject: 'Branch' }, { action: 'read', subject: 'Policy', conditions: { branchId: '${staff.branchId}' } }];
    const created = (await admin.ok(CREATE_ROLE, { name: 'policy-reader', label: '保单查询', rules })).createRole;
    expect(created).toMatchObject({ name: 'policy-reader', builtIn: false, highRisk: false, version: 1, rules });
    const edited = (await admin.ok(UPDATE_ROLE, { id: created.id, version: 1, label: '保单查询员' })).updateRole;
    expect(edited).toMatchObject({ label: '保单查询员', version: 2 });
    expect(reasonOf(await admin.request(UPDATE_ROLE, { id: created.id, version: 1, label: 'stale' }))).toBe('STALE_VERSION');
    const clone = (await admin.ok(`mutation { cloneRole(id: "${await roleIdOf(server, 'manager')}", name: "manager-sh", label: "上海客服主管") { ${ROLE} } }`)).cloneRole;
    const manager = (await admin.ok(`{ Role(id: "${await roleIdOf(server, 'manager')}") { rules highRisk requiresMfa } }`)).Role;
    expect(clone).toMatchObject({ name: 'manager-sh', builtIn: false, rules: manager.rules, highRisk: manager.highRisk });
    expect((await auditOf(server, 'role.create')).length).toBe(1);
    expect((await auditOf(server, 'role.update')).length).toBe(1);
    expect(JSON.parse((await auditOf(server, 'role.clone'))[0].changes!).clonedFrom).toBe('manager');
  });

  it('never deletes a built-in role, nor one that was granted; deletes an unused one', async () => {
    expect(reasonOf(await admin.request(`mutation { deleteRole(id: "${await roleIdOf(server, 'agent')}") { id } }`))).toBe('ROLE_BUILT_IN');
    const used = (await admin.ok(CREATE_ROLE, { name: 'used-role', label: '已授权', rules: [{ action: 'read', subject: 'Branch' }] })).createRole;
    await admin.ok(CREATE_GRANT, { staffId: String(await staffIdOf(server, 'inspector')), roleId: used.id, reason: '测试授权' });
    expect(reasonOf(await admin.request(`mutation { deleteRole(id: "${used.id}") { id } }`))).toBe('IN_USE');
    const unused = (await admin.ok(CREATE_ROLE, { name: 'unused-role', label: '未使用', rules: [] })).createRole;
    expect((await admin.ok(`mutation { deleteRole(id: "${unused.id}") { name } }`)).deleteRole.name).toBe('unused-role');
    expect(await countRows(server, "SELECT COUNT(*) AS n FROM role WHERE name = 'unused-role'")).toBe(0);
    expect((await auditOf(server, 'role.delete')).length).toBe(1);
  });

  it('refuses an edit that would make a holder break a separation-of-duties pair', async () => {
    const helper = (await admin.ok(CREATE_ROLE, { name: 'helper', label: '助手', rules: [{ action: 'read', subject: 'Branch' }] })).createRole;
    await admin.ok(CREATE_GRANT, { staffId: String(await staffIdOf(server, 'manager')), roleId: helper.id, reason: '协助管理' });
    const result = await admin.request(UPDATE_ROLE, { id: helper.id, version: 1, rules: [{ action: ['read', 'update'], subject: 'Staff' }] });
    expect(reasonOf(result)).toBe('DUTY_CONFLICT');
    expect(detailsOf(result)).toEqual([expect.objectContaining({ code: 'DUTY_CONFLICT_HOLDER', params: expect.objectContaining({ pair: 'reveal-vs-access-administration', username: expect.any(String) }) })]);
    expect(result.errors![0].message).toContain('manager');
    expect(result.errors![0].message).toContain('reveal-vs-access-administration');
    expect((await admin.ok(`{ Role(id: "${helper.id}") { version rules } }`)).Role).toEqual({ version: 1, rules: [{ action: 'read', subject: 'Branch' }] });
  });

  it('is for administrators: others may not create or edit roles', async () => {
    const compliance = await server.signIn('compliance');
    expect((await compliance.ok('{ _allRolesMeta { count } }'))._allRolesMeta.count).toBeGreaterThan(5);
    expect(codeOf(await compliance.request(CREATE_ROLE, { name: 'mine', label: 'x', rules: [] }))).toBe('FORBIDDEN');
    const agent = await server.signIn('agent');
    expect(codeOf(await agent.request('{ allRoles { id } }'))).toBe('FORBIDDEN');
  });
});
