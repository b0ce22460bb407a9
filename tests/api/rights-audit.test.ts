import { Customer } from '../../server/src/modules/customers/customer.entity';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { auditOf, branchIdOf, codeOf, CREATE_GRANT, roleIdOf, staffIdOf } from './rights-helpers';

const ENTRY = 'id seq at staffId staffUsername action subjectType subjectId outcome reason changes fieldChanges { field from to } staff { username }';

describe('the audit viewer for compliance', () => {
  let server: TestServer;
  let compliance: GqlClient;
  let customer: Customer;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    compliance = await server.signIn('compliance');
    customer = await server.db.getRepository(Customer).findOneByOrFail({ branchId: await branchIdOf(server, 'BJ') });
    const manager = await server.signIn('manager');
    const current = (await manager.ok(`{ Customer(id: "${customer.id}") { version } }`)).Customer;
    await manager.ok(`mutation { updateCustomer(id: "${customer.id}", version: ${current.version}, phone: "13911112222", occupation: "教师") { id } }`);
    const admin = await server.signIn('admin');
    await admin.ok(CREATE_GRANT, { staffId: String(await staffIdOf(server, 'agent2')), roleId: String(await roleIdOf(server, 'inspector')), reason: '质检支援' });
    await admin.request(CREATE_GRANT, { staffId: String(await staffIdOf(server, 'admin')), roleId: String(await roleIdOf(server, 'inspector')), reason: '自己' });
  });
  afterAll(() => server.stop());

  it('shows an entry with the before and after of each field, sensitive values masked', async () => {
    const list = (await compliance.ok(`{ allAuditEntries(filter: { action: "customer.update", subjectType: "Customer", subjectId: "${customer.id}" }) { id } }`)).allAuditEntries;
    expect(list).toHaveLength(1);
    const entry = (await compliance.ok(`{ AuditEntry(id: "${list[0].id}") { ${ENTRY} } }`)).AuditEntry;
    expect(entry).toMatchObject({ staffUsername: 'manager', staff: { username: 'manager' }, outcome: 'success' });
    const phone = entry.fieldChanges.find((c: { field: string }) => c.field === 'phone');
    expect(phone.to).toBe('139****2222');
    expect(phone.from).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(entry.fieldChanges.find((c: { field: string }) => c.field === 'occupation').to).toBe('教师');
    expect(JSON.stringify(entry)).not.toContain('13911112222');
  });

  it('filters by staff, action, type, record, outcome and time', async () => {
    const adminId = await staffIdOf(server, 'admin');
    const denied = (await compliance.ok(`{ allAuditEntries(filter: { staffId: "${adminId}", outcome: denied }) { action reason } }`)).allAuditEntries;
    expect(denied).toEqual([{ action: 'mutation.createRoleGrant', reason: 'Nobody grants a role to themselves: ask another administrator' }]);
    const grants = (await compliance.ok('{ allAuditEntries(filter: { action: "grant.create", subjectType: "RoleGrant" }) { staffId changes reason } }')).allAuditEntries;
    expect(grants).toEqual([{ staffId: String(adminId), changes: expect.objectContaining({ staff: 'agent2', role: 'inspector', status: 'active' }), reason: '质检支援' }]);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await compliance.ok(`{ _allAuditEntriesMeta(filter: { at_gte: "${future}" }) { count } }`))._allAuditEntriesMeta.count).toBe(0);
  });

  it('exports the filtered trail as CSV, and records the export', async () => {
    const exported = (await compliance.ok('mutation { exportAuditEntries(filter: { subjectType: "RoleGrant", outcome: success }, locale: "en") { filename csv rows } }')).exportAuditEntries;
    expect(exported.rows).toBe(1);
    expect(exported.filename).toMatch(/^auditentry-\d{14}\.csv$/);
    const [header, row] = exported.csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe('Seq,Time (UTC),Staff ID,Username,Action,Type,Record,Outcome,Reason,Changes (masked),Request ID,Hash');
    expect(row).toContain('grant.create');
    const entries = await auditOf(server, 'export');
    expect(entries.map((e) => [e.staff_id, JSON.parse(e.changes!).filter])).toEqual([[await staffIdOf(server, 'compliance'), { subjectType: 'RoleGrant', outcome: 'success' }]]);
    const rows: { subject_type: string }[] = await server.db.query("SELECT subject_type FROM audit_entry WHERE action = 'export'");
    expect(rows).toEqual([{ subject_type: 'AuditEntry' }]);
  });

  it('is compliance\'s: administrators and agents can neither read nor export it', async () => {
    for (const name of ['admin', 'agent', 'manager']) {
      const client = await server.signIn(name);
      expect(codeOf(await client.request('{ allAuditEntries { id } }'))).toBe('FORBIDDEN');
      expect(codeOf(await client.request('mutation { exportAuditEntries { rows } }'))).toBe('FORBIDDEN');
    }
  });

  it('keeps the chain whole through every access-rights change', async () => {
    const check = (await compliance.ok('{ verifyAuditChain { ok checked firstBrokenId } }')).verifyAuditChain;
    expect(check.ok).toBe(true);
    expect(check.checked).toBeGreaterThan(10);
  });
});
