import { Customer } from '../../server/src/modules/customers/customer.entity';
import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, codeOf, CREATE_GRANT, REVOKE_GRANT, roleIdOf, staffIdOf } from './rights-helpers';

// The who-can answer must match what the API does: for each question, the staff it names are exactly
// the demo users whose request of that kind succeeds.
const DEMO = ['agent', 'agent2', 'manager', 'inspector', 'compliance', 'admin'] as const;
const WHO_CAN = `query W($action: String!, $subject: String!, $field: String, $id: ID) {
  whoCan(action: $action, subject: $subject, field: $field, id: $id) { staff { username } roles grantIds grants { id roleId } }
}`;

interface Probe {
  question: { action: string; subject: string; field?: string };
  /** The request that needs exactly that permission; `n` makes each request unique where it creates something. */
  attempt: (client: GqlClient, n: number) => Promise<GqlResult>;
  /** What the built-in roles say, so an answer that is empty on both sides cannot pass. */
  expected: string[];
}

describe('who can: the answer matches what the API allows', () => {
  let server: TestServer;
  let clients: Record<string, GqlClient>;
  let bjCustomer: Customer;
  let shCustomer: Customer;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 16, policies: 8 } });
    clients = {};
    for (const name of DEMO) clients[name] = await server.signIn(name);
    bjCustomer = (await server.db.getRepository(Customer).findOneByOrFail({ branchId: await branchIdOf(server, 'BJ') }))!;
    shCustomer = (await server.db.getRepository(Customer).findOneByOrFail({ branchId: await branchIdOf(server, 'SH') }))!;
  });
  afterAll(() => server.stop());

  const ask = async (question: Record<string, unknown>, as = 'compliance') =>
    ((await clients[as].ok(WHO_CAN, question)).whoCan as Array<{ staff: { username: string }; roles: string[]; grantIds: string[] }>);
  const names = (entries: Array<{ staff: { username: string } }>) => entries.map((e) => e.staff.username).sort();
  const reveal = (client: GqlClient, id: number) => client.request(`mutation { reveal(type: "Customer", id: "${id}", field: "idNumber", reason: "核实客户身份") }`);

  it('who can reveal Customer.idNumber: exactly the managers, and only they can', async () => {
    const answer = await ask({ action: 'reveal', subject: 'Customer', field: 'idNumber' });
    expect(names(answer)).toEqual(['manager']);
    expect(answer[0].roles).toEqual(['manager']);
    const grant: { id: number }[] = await server.db.query("SELECT g.id FROM role_grant g JOIN staff s ON s.id = g.staff_id WHERE s.username = 'manager'");
    expect(answer[0].grantIds).toEqual([String(grant[0].id)]);
    const allowed: string[] = [];
    for (const name of DEMO) if (!(await reveal(clients[name], bjCustomer.id)).errors) allowed.push(name);
    expect(allowed.sort()).toEqual(names(answer));
  });

  it('for one record, the answer follows the row conditions: the BJ manager for a BJ customer, nobody for a SH one', async () => {
    expect(names(await ask({ action: 'reveal', subject: 'Customer', field: 'idNumber', id: String(bjCustomer.id) }))).toEqual(['manager']);
    expect(await ask({ action: 'reveal', subject: 'Customer', field: 'idNumber', id: String(shCustomer.id) })).toEqual([]);
    for (const name of DEMO) expect((await reveal(clients[name], shCustomer.id)).errors).toBeDefined();
    // Asking about a record needs the right to read it: an administrator never sees customers.
    expect(codeOf(await clients.admin.request(WHO_CAN, { action: 'reveal', subject: 'Customer', id: String(bjCustomer.id) }))).toBe('NOT_FOUND');
  });

  const probes: Probe[] = [
    { question: { action: 'read', subject: 'Customer' }, attempt: (c) => c.request('{ _allCustomersMeta { count } }'), expected: ['agent', 'agent2', 'compliance', 'inspector', 'manager'] },
    { question: { action: 'export', subject: 'Customer' }, attempt: (c) => c.request('mutation { exportCustomers(filter: { ids: ["0"] }) { rows } }'), expected: ['compliance', 'manager'] },
    { question: { action: 'delete', subject: 'Policy' }, attempt: (c) => c.request('mutation { deletePolicy(id: "999999") { id } }'), expected: ['manager'] },
    { question: { action: 'read', subject: 'AuditEntry' }, attempt: (c) => c.request('{ _allAuditEntriesMeta { count } }'), expected: ['compliance'] },
    { question: { action: 'export', subject: 'AuditEntry' }, attempt: (c) => c.request('mutation { exportAuditEntries(filter: { ids: ["0"] }) { rows } }'), expected: ['compliance'] },
    { question: { action: 'create', subject: 'Staff' }, attempt: (c, n) => c.request(`mutation { createStaff(username: "probe${n}", displayName: "探针") { temporaryPassword } }`), expected: ['admin'] },
    { question: { action: 'read', subject: 'RoleGrant' }, attempt: (c) => c.request('{ _allRoleGrantsMeta { count } }'), expected: ['admin', 'compliance'] },
    { question: { action: 'read', subject: 'DutyConflictRule' }, attempt: (c) => c.request('{ _allDutyConflictRulesMeta { count } }'), expected: ['admin', 'compliance'] },
    { question: { action: 'read', subject: 'Branch' }, attempt: (c) => c.request('{ _allBranchesMeta { count } }'), expected: [...DEMO].sort() },
    { question: { action: 'read', subject: 'AccessReviewItem' }, attempt: (c) => c.request('{ _allAccessReviewItemsMeta { count } }'), expected: ['admin', 'compliance', 'manager'] },
  ];

  /** Refused by permission (FORBIDDEN) means "cannot"; anything else (data, NOT_FOUND for a missing record) means the operation was allowed. */
  const allowedBy = async (probe: Probe, n: number) => {
    const allowed: string[] = [];
    for (const name of DEMO) {
      const result = await probe.attempt(clients[name], n * 10 + DEMO.indexOf(name));
      if (codeOf(result) !== 'FORBIDDEN') allowed.push(name);
    }
    return allowed.sort();
  };

  it.each(probes.map((p, i) => [`${p.question.action} ${p.question.subject}`, p, i] as const))('%s: the same staff in the answer as in the API', async (_label, probe, i) => {
    const answer = names(await ask(probe.question));
    expect(answer).toEqual(probe.expected);
    expect(await allowedBy(probe, i)).toEqual(answer);
  });

  it('follows a change of grants on the next question, as the API does on the next request', async () => {
    const inspectorId = await staffIdOf(server, 'inspector');
    const given = (await clients.admin.ok(CREATE_GRANT, { staffId: String(inspectorId), roleId: String(await roleIdOf(server, 'compliance')), reason: '协助审计' })).createRoleGrant;
    const answer = await ask({ action: 'read', subject: 'AuditEntry' });
    expect(names(answer)).toEqual(['compliance', 'inspector']);
    expect(answer.find((e) => e.staff.username === 'inspector')!.grantIds).toEqual([given.id]);
    expect((await clients.inspector.request('{ _allAuditEntriesMeta { count } }')).errors).toBeUndefined();
    await clients.admin.ok(REVOKE_GRANT, { id: given.id, reason: '审计结束' });
    expect(names(await ask({ action: 'read', subject: 'AuditEntry' }))).toEqual(['compliance']);
    expect(codeOf(await clients.inspector.request('{ _allAuditEntriesMeta { count } }'))).toBe('FORBIDDEN');
  });

  it('leaves out what separation of duties withdraws, as the API does', async () => {
    await server.db.query(
      `INSERT INTO role_grant (staff_id, role_id, status, reason, created_at) SELECT s.id, r.id, 'active', 'slipped through', '2026-01-01 00:00:00.000' FROM staff s, role r WHERE s.username = 'manager' AND r.name = 'admin'`,
    );
    expect(await ask({ action: 'reveal', subject: 'Customer', field: 'idNumber' })).toEqual([]);
    expect((await reveal(clients.manager, bjCustomer.id)).errors).toBeDefined();
    const view = (await clients.admin.ok(`{ effectivePermissions(staffId: "${await staffIdOf(server, 'manager')}") { withdrawn { action subject inverted reason } conflicts } }`)).effectivePermissions;
    expect(view.withdrawn).toEqual([{ action: ['reveal'], subject: ['Customer'], inverted: true, reason: 'separation of duties: revealing customer data together with staff or role administration' }]);
    expect(view.conflicts).toEqual(['reveal-vs-access-administration: revealing customer data together with staff or role administration']);
    expect(codeOf(await clients.agent.request(WHO_CAN, { action: 'read', subject: 'Customer' }))).toBe('FORBIDDEN');
    expect(codeOf(await clients.admin.request(WHO_CAN, { action: 'fly', subject: 'Customer' }))).toBe('BAD_USER_INPUT');
  });
});
