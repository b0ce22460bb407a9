import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';

// Server start and seeding can take more than jest's 5 s default on a loaded machine (the api
// project's testTimeout in jest.config.js is not applied to hooks run under `projects`).
jest.setTimeout(60_000);

// Optimistic locking: every editable record carries a `version`; an update names the version it
// started from, and one made from a stale version fails with CONFLICT and changes nothing.

const CUSTOMER = `query C($id: ID!) { Customer(id: $id) { id name occupation version } }`;
const UPDATE_CUSTOMER = `mutation U($id: ID!, $version: Int!, $name: String, $occupation: String) {
  updateCustomer(id: $id, version: $version, name: $name, occupation: $occupation) { id name occupation version }
}`;
const CREATE_CUSTOMER = `mutation C($name: String, $idNumber: String, $branchId: ID) {
  createCustomer(kind: individual, name: $name, idType: resident_id, idNumber: $idNumber, branchId: $branchId, source: application) { id }
}`;
const CREATE_POLICY = `mutation P($policyNumber: String, $holderId: ID, $branchId: ID, $productName: String) {
  createPolicy(policyNumber: $policyNumber, productCode: "AC4001", productName: $productName, line: accident, holderId: $holderId,
    insuredId: $holderId, sumInsuredFen: 10000000, premiumFen: 20000, paymentFrequency: single, paymentStatus: paid_up,
    effectiveDate: "2026-03-01", expiryDate: "2027-02-28", status: in_force, salesChannel: online, branchId: $branchId) { id }
}`;
const POLICY = `query P($id: ID!) { Policy(id: $id) { id productName salesAgentName version } }`;
const UPDATE_POLICY = `mutation U($id: ID!, $version: Int!, $productName: String, $salesAgentName: String) {
  updatePolicy(id: $id, version: $version, productName: $productName, salesAgentName: $salesAgentName) { id productName salesAgentName version }
}`;

describe('concurrent updates with the same version', () => {
  let server: TestServer;
  let manager: GqlClient;
  let customerIds: string[];
  let policyIds: string[];

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 24, policies: 24 } });
    manager = await server.signIn('manager');
    const data = await manager.ok<{ allCustomers: { id: string }[]; allPolicies: { id: string }[] }>(
      '{ allCustomers(perPage: 10, sortField: "id") { id } allPolicies(perPage: 10, sortField: "id") { id } }',
    );
    customerIds = data.allCustomers.map((c) => c.id);
    policyIds = data.allPolicies.map((p) => p.id);
    expect(customerIds.length).toBeGreaterThanOrEqual(3);
    expect(policyIds.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(() => server.stop());

  async function auditCount(action: string, subjectId: string): Promise<number> {
    const rows: { n: number | string }[] = await server.db.query('SELECT COUNT(*) AS n FROM audit_entry WHERE action = ? AND subject_id = ?', [action, subjectId]);
    return Number(rows[0].n);
  }

  /** Splits concurrent results into the one that succeeded and those that failed, asserting the shape. */
  function oneWinner<T>(results: GqlResult<T>[]): { winner: number; losers: number[] } {
    const winners = results.map((r, i) => (r.errors ? -1 : i)).filter((i) => i >= 0);
    expect(winners).toHaveLength(1);
    const losers = results.map((_, i) => i).filter((i) => i !== winners[0]);
    for (const i of losers) {
      expect(results[i].errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(results[i].data).toBeNull();
    }
    return { winner: winners[0], losers };
  }

  it('lets exactly one of two customer updates from the same version through; the other gets CONFLICT', async () => {
    const id = customerIds[0];
    const before = (await manager.ok(CUSTOMER, { id })).Customer;
    const auditBefore = await auditCount('customer.update', id);
    const edits = [
      { name: '并发甲', occupation: '教师' },
      { name: '并发乙', occupation: '医生' },
    ];
    const results = await Promise.all(edits.map((edit) => manager.request(UPDATE_CUSTOMER, { id, version: before.version, ...edit })));
    const { winner } = oneWinner(results);
    expect(results[winner].data!.updateCustomer).toMatchObject({ ...edits[winner], version: before.version + 1 });

    // The stored row holds the winner's change only, at version + 1.
    const after = (await manager.ok(CUSTOMER, { id })).Customer;
    expect(after).toEqual({ id, ...edits[winner], version: before.version + 1 });
    const rows: { name: string; occupation: string; version: number }[] = await server.db.query('SELECT name, occupation, version FROM customer WHERE id = ?', [Number(id)]);
    expect(rows[0]).toEqual({ ...edits[winner], version: before.version + 1 });

    // One change, one audit entry, naming the winner's value.
    expect(await auditCount('customer.update', id)).toBe(auditBefore + 1);
    const audit: { changes: string }[] = await server.db.query("SELECT changes FROM audit_entry WHERE action = 'customer.update' AND subject_id = ? ORDER BY seq DESC", [id]);
    expect(JSON.parse(audit[0].changes).name).toEqual({ from: before.name, to: edits[winner].name });
  });

  it('lets exactly one of five simultaneous customer updates through', async () => {
    const id = customerIds[1];
    const before = (await manager.ok(CUSTOMER, { id })).Customer;
    const auditBefore = await auditCount('customer.update', id);
    const names = ['五人一', '五人二', '五人三', '五人四', '五人五'];
    const results = await Promise.all(names.map((name) => manager.request(UPDATE_CUSTOMER, { id, version: before.version, name })));
    const { winner, losers } = oneWinner(results);
    expect(losers).toHaveLength(4);
    const after = (await manager.ok(CUSTOMER, { id })).Customer;
    expect(after.name).toBe(names[winner]);
    expect(after.version).toBe(before.version + 1);
    expect(await auditCount('customer.update', id)).toBe(auditBefore + 1);
  });

  it('refuses a stale customer version sent later and changes nothing', async () => {
    const id = customerIds[2];
    const start = (await manager.ok(CUSTOMER, { id })).Customer;
    const first = await manager.ok(UPDATE_CUSTOMER, { id, version: start.version, name: '先来的' });
    expect(first.updateCustomer.version).toBe(start.version + 1);
    const auditBefore = await auditCount('customer.update', id);

    const stale = await manager.request(UPDATE_CUSTOMER, { id, version: start.version, name: '后到的', occupation: '司机' });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/reload/i);
    expect(stale.data).toBeNull();

    const after = (await manager.ok(CUSTOMER, { id })).Customer;
    expect(after).toEqual({ ...start, name: '先来的', version: start.version + 1 });
    expect(await auditCount('customer.update', id)).toBe(auditBefore);

    // A version from the future is no better than a stale one.
    expect(await manager.errorCode(UPDATE_CUSTOMER, { id, version: start.version + 5, name: '未来的' })).toBe('CONFLICT');
    expect((await manager.ok(CUSTOMER, { id })).Customer.name).toBe('先来的');
  });

  it('lets exactly one of two policy updates from the same version through; the other gets CONFLICT', async () => {
    const id = policyIds[0];
    const before = (await manager.ok(POLICY, { id })).Policy;
    const auditBefore = await auditCount('policy.update', id);
    const edits = [
      { productName: '并发保险甲', salesAgentName: '甲业务员' },
      { productName: '并发保险乙', salesAgentName: '乙业务员' },
    ];
    const results = await Promise.all(edits.map((edit) => manager.request(UPDATE_POLICY, { id, version: before.version, ...edit })));
    const { winner } = oneWinner(results);
    const after = (await manager.ok(POLICY, { id })).Policy;
    expect(after).toEqual({ id, ...edits[winner], version: before.version + 1 });
    const rows: { product_name: string; sales_agent_name: string; version: number }[] = await server.db.query(
      'SELECT product_name, sales_agent_name, version FROM policy WHERE id = ?',
      [Number(id)],
    );
    expect(rows[0]).toEqual({ product_name: edits[winner].productName, sales_agent_name: edits[winner].salesAgentName, version: before.version + 1 });
    expect(await auditCount('policy.update', id)).toBe(auditBefore + 1);
  });

  it('refuses a stale policy version sent later and changes nothing', async () => {
    const id = policyIds[1];
    const start = (await manager.ok(POLICY, { id })).Policy;
    await manager.ok(UPDATE_POLICY, { id, version: start.version, productName: '第一次修改' });
    const auditBefore = await auditCount('policy.update', id);
    const stale = await manager.request(UPDATE_POLICY, { id, version: start.version, productName: '过期修改', salesAgentName: '不该写入' });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const after = (await manager.ok(POLICY, { id })).Policy;
    expect(after).toEqual({ ...start, productName: '第一次修改', version: start.version + 1 });
    expect(await auditCount('policy.update', id)).toBe(auditBefore);
  });

  it('registers an ID number once when two creates race: the other gets CONFLICT, not an internal error', async () => {
    const first17 = '11010819880516273';
    const idNumber = first17 + residentIdCheckDigit(first17);
    const { branchId } = (await manager.ok(`{ Customer(id: ${customerIds[0]}) { branchId } }`)).Customer;
    const before: { n: number | string }[] = await server.db.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'customer.create'");
    const results = await Promise.all(['抢注甲', '抢注乙', '抢注丙'].map((name) => manager.request(CREATE_CUSTOMER, { name, idNumber, branchId })));
    const { winner } = oneWinner(results);
    for (const result of results) expect(JSON.stringify(result.errors ?? [])).not.toContain(idNumber);
    const rows: { name: string }[] = await server.db.query('SELECT name FROM customer WHERE id = ?', [Number(results[winner].data!.createCustomer.id)]);
    expect(rows[0].name).toBe(['抢注甲', '抢注乙', '抢注丙'][winner]);
    const after: { n: number | string }[] = await server.db.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'customer.create'");
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
  });

  it('issues a policy number once when two creates race: the other gets CONFLICT', async () => {
    const { branchId } = (await manager.ok(`{ Customer(id: ${customerIds[0]}) { branchId } }`)).Customer;
    const vars = (productName: string) => ({ policyNumber: 'BJ2026RACE0001', holderId: customerIds[0], branchId, productName });
    const results = await Promise.all([manager.request(CREATE_POLICY, vars('意外险甲')), manager.request(CREATE_POLICY, vars('意外险乙'))]);
    const { winner } = oneWinner(results);
    const rows: { product_name: string }[] = await server.db.query("SELECT product_name FROM policy WHERE policy_number = 'BJ2026RACE0001'");
    expect(rows).toEqual([{ product_name: ['意外险甲', '意外险乙'][winner] }]);
  });
});
