// What each built-in role can create, change and delete of policies; references to customers the
// caller cannot see are refused like missing ones; every refusal is audited and writes nothing.
import { mask } from '../../server/src/access/mask';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { countRows, customersOf, expectDeniedAndAudited, refusal, signInAll, type Fixture } from './access-helpers';

const FIELDS = 'id policyNumber branchId premiumFen version holder { id name idNumber phone } insured { id name idNumber }';
const CREATE = `mutation C($policyNumber: String, $holderId: ID, $insuredId: ID, $branchId: ID, $premiumFen: SafeInt) {
  createPolicy(policyNumber: $policyNumber, productCode: "LF1001", productName: "安康终身寿险", line: life, holderId: $holderId,
    insuredId: $insuredId, sumInsuredFen: 50000000, premiumFen: $premiumFen, paymentFrequency: annual, paymentStatus: current,
    effectiveDate: "2026-01-01", expiryDate: "2046-12-31", status: in_force, salesChannel: agency, branchId: $branchId) { ${FIELDS} }
}`;
const UPDATE = `mutation U($id: ID!, $version: Int!, $premiumFen: SafeInt, $holderId: ID, $insuredId: ID, $branchId: ID) {
  updatePolicy(id: $id, version: $version, premiumFen: $premiumFen, holderId: $holderId, insuredId: $insuredId, branchId: $branchId) { ${FIELDS} }
}`;
const DELETE = `mutation D($id: ID!) { deletePolicy(id: $id) { ${FIELDS} } }`;

let serial = 0;
const nextNumber = () => `TEST-${String(++serial).padStart(6, '0')}`;

describe('policies: what each role can write', () => {
  let server: TestServer;
  let f: Fixture;
  let bjCustomers: Customer[];
  let shCustomers: Customer[];
  let bjPolicies: Policy[];
  let shPolicies: Policy[];
  const rawRow = async (id: number) => (await server.db.query('SELECT * FROM policy WHERE id = ?', [id]))[0];
  const policyCount = () => countRows(server, 'SELECT COUNT(*) AS n FROM policy');
  const draft = (branch: string, holder: Customer, insured = holder) => ({
    policyNumber: nextNumber(),
    holderId: String(holder.id),
    insuredId: String(insured.id),
    branchId: String(f.branch[branch]),
    premiumFen: 1_200_000,
  });

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 40, policies: 40 } });
    f = await signInAll(server);
    bjCustomers = await customersOf(server, f.branch.BJ);
    shCustomers = await customersOf(server, f.branch.SH);
    const repo = server.db.getRepository(Policy);
    bjPolicies = await repo.find({ where: { branchId: f.branch.BJ }, order: { id: 'ASC' } });
    shPolicies = await repo.find({ where: { branchId: f.branch.SH }, order: { id: 'ASC' } });
    expect(bjPolicies.length).toBeGreaterThan(5);
  });
  afterAll(() => server.stop());

  it('lets a manager create a policy in their branch; the payload shows holder and insured masked', async () => {
    const [holder, insured] = bjCustomers;
    const input = draft('BJ', holder, insured);
    const { createPolicy: created } = await f.clients.manager.ok(CREATE, input);
    expect(created).toMatchObject({ policyNumber: input.policyNumber, branchId: String(f.branch.BJ), version: 1 });
    expect(created.holder).toEqual({ id: String(holder.id), name: holder.name, idNumber: mask('idNumber', holder.idNumber), phone: mask('phone', holder.phone) });
    expect(created.insured).toEqual({ id: String(insured.id), name: insured.name, idNumber: mask('idNumber', insured.idNumber) });
    const row = await rawRow(Number(created.id));
    expect([Number(row.holder_id), Number(row.insured_id)]).toEqual([holder.id, insured.id]);
  });

  it('refuses a holder or insured of another branch with BAD_USER_INPUT, worded like a missing customer, and writes nothing', async () => {
    const before = await policyCount();
    const holder = bjCustomers[0];
    const stranger = shCustomers[0];
    const hidden = refusal(await f.clients.manager.request(CREATE, draft('BJ', stranger, holder)));
    const missing = refusal(await f.clients.manager.request(CREATE, draft('BJ', { id: 999999 } as Customer, holder)));
    expect(hidden.code).toBe('BAD_USER_INPUT');
    expect(hidden.fields).toEqual({ holderId: missing.fields!.holderId });
    expect(hidden.message).toBe(missing.message);
    expect(hidden.message).not.toContain(stranger.name);
    const insured = refusal(await f.clients.manager.request(CREATE, draft('BJ', holder, stranger)));
    expect([insured.code, Object.keys(insured.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['insuredId']]);
    expect(await policyCount()).toBe(before);
  });

  it('refuses re-pointing an existing policy at a holder of another branch, and changes nothing', async () => {
    const policy = bjPolicies[0];
    const before = await rawRow(policy.id);
    const error = refusal(await f.clients.manager.request(UPDATE, { id: policy.id, version: policy.version, holderId: String(shCustomers[1].id) }));
    expect([error.code, Object.keys(error.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['holderId']]);
    expect(await rawRow(policy.id)).toEqual(before);
  });

  it('refuses a manager creating a policy in, or moving one to, another branch', async () => {
    const before = await policyCount();
    await expectDeniedAndAudited(server, f.staffId.manager, () => f.clients.manager.request(CREATE, draft('SH', shCustomers[0])));
    expect(await policyCount()).toBe(before);
    const policy = bjPolicies[1];
    const row = await rawRow(policy.id);
    await expectDeniedAndAudited(server, f.staffId.manager, () =>
      f.clients.manager.request(UPDATE, { id: policy.id, version: policy.version, branchId: String(f.branch.SH) }),
    );
    expect(await rawRow(policy.id)).toEqual(row);
  });

  it('lets a manager update and delete a policy of their branch, with masked payloads', async () => {
    const policy = bjPolicies[2];
    const { updatePolicy: updated } = await f.clients.manager.ok(UPDATE, { id: policy.id, version: policy.version, premiumFen: 345_600 });
    expect(updated).toMatchObject({ premiumFen: 345_600, version: policy.version + 1 });
    expect(updated.holder.idNumber).toBe(mask('idNumber', bjCustomers.find((c) => c.id === policy.holderId)!.idNumber));
    expect(Number((await rawRow(policy.id)).premium_fen)).toBe(345_600);

    const victim = bjPolicies[3];
    const { deletePolicy: deleted } = await f.clients.manager.ok(DELETE, { id: victim.id });
    expect(deleted).toMatchObject({ id: String(victim.id), policyNumber: victim.policyNumber });
    expect(deleted.holder.idNumber).toBe(mask('idNumber', bjCustomers.find((c) => c.id === victim.holderId)!.idNumber));
    expect(await rawRow(victim.id)).toBeUndefined();
    const audit = await countRows(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'policy.delete' AND subject_id = ? AND outcome = 'success'", [String(victim.id)]);
    expect(audit).toBe(1);
  });

  it('answers a manager touching a policy of another branch exactly like a missing one, audited, nothing changed', async () => {
    const other = shPolicies[0];
    const before = await rawRow(other.id);
    const update = await expectDeniedAndAudited(
      server,
      f.staffId.manager,
      () => f.clients.manager.request(UPDATE, { id: other.id, version: other.version, premiumFen: 1 }),
      'NOT_FOUND',
    );
    expect(update).toEqual(refusal(await f.clients.manager.request(UPDATE, { id: '999999', version: 1, premiumFen: 1 })));
    const remove = await expectDeniedAndAudited(server, f.staffId.manager, () => f.clients.manager.request(DELETE, { id: other.id }), 'NOT_FOUND');
    expect(remove).toEqual(refusal(await f.clients.manager.request(DELETE, { id: '999999' })));
    expect(await rawRow(other.id)).toEqual(before);
  });

  it.each(['agent', 'agent2', 'inspector', 'compliance', 'admin'] as const)('refuses %s every policy write, audited, and writes nothing', async (role) => {
    const policy = role === 'agent2' ? shPolicies[1] : bjPolicies[4];
    const before = await rawRow(policy.id);
    const total = await policyCount();
    const holder = role === 'agent2' ? shCustomers[2] : bjCustomers[2];
    await expectDeniedAndAudited(server, f.staffId[role], () => f.clients[role].request(CREATE, draft(role === 'agent2' ? 'SH' : 'BJ', holder)));
    await expectDeniedAndAudited(server, f.staffId[role], () => f.clients[role].request(UPDATE, { id: policy.id, version: policy.version, premiumFen: 1 }));
    await expectDeniedAndAudited(server, f.staffId[role], () => f.clients[role].request(DELETE, { id: policy.id }));
    expect(await rawRow(policy.id)).toEqual(before);
    expect(await policyCount()).toBe(total);
  });

  it('refuses to delete a customer who is still party to a policy, even for a manager', async () => {
    const holderId = bjPolicies[5].holderId;
    const error = refusal(await f.clients.manager.request('mutation D($id: ID!) { deleteCustomer(id: $id) { id } }', { id: holderId }));
    expect(error.code).toBe('CONFLICT');
    expect(await server.db.getRepository(Customer).existsBy({ id: holderId })).toBe(true);
  });
});
