import { runAnonymisation } from '../../server/src/jobs/anonymisation';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, countOf } from './complaints-helpers';
import { createCustomer, createPolicy, person, REQUEST_DELETION, REVEAL } from './data-rights-helpers';

// A deletion request restricts the customer at once: kept, not processed, hidden from every list but
// compliance's. The hiding is done by the roles' row rules (an inverted rule on the status), so every
// list, count, lookup, search, export and write of the access layer follows without per-resolver code.
// The retention end is computed from the customer's policies.

const LIST = `query L($filter: CustomerFilter) { allCustomers(filter: $filter, perPage: 500) { id name status } _allCustomersMeta(filter: $filter) { count } }`;
const GET = 'query G($id: ID!) { Customer(id: $id) { id name status } }';

describe('customer data rights: deletion requests restrict the customer', () => {
  let server: TestServer;
  let manager: GqlClient;
  let agent: GqlClient;
  let inspector: GqlClient;
  let compliance: GqlClient;
  let bj: string;
  const p = person(2, '司马嘉懿');
  let customerId: string;
  let policyId: string;
  let requestId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 } });
    [manager, agent, inspector, compliance] = [await server.signIn('manager'), await server.signIn('agent'), await server.signIn('inspector'), await server.signIn('compliance')];
    bj = await branchIdOf(server, 'BJ');
    customerId = (await createCustomer(manager, bj, p)).id;
    // A one-year policy (kept 5 years after it ends) and a ten-year one (kept 10 years): the later end wins.
    await createPolicy(manager, bj, customerId, 'PBJ2025RS0001', '2025-01-01', '2025-12-31');
    policyId = (await createPolicy(manager, bj, customerId, 'PBJ2020RS0002', '2020-01-01', '2029-12-31')).id;
  });
  afterAll(() => server.stop());

  const visible = async (client: GqlClient) => {
    const byId = await client.ok(LIST, { filter: { ids: [customerId] } });
    const byName = await client.ok(LIST, { filter: { q: p.name } });
    return byId._allCustomersMeta.count + byName._allCustomersMeta.count;
  };
  const branchTotal = async (client: GqlClient) => (await client.ok(LIST, { filter: { branchId: bj } }))._allCustomersMeta.count;

  it('restricts the customer at once and computes when retention ends', async () => {
    for (const client of [agent, manager, inspector, compliance]) expect(await visible(client)).toBe(2);
    const before = { agent: await branchTotal(agent), manager: await branchTotal(manager), compliance: await branchTotal(compliance) };
    const { requestCustomerDeletion } = await compliance.ok(REQUEST_DELETION, { customerId, channel: 'counter', note: '客户本人书面申请删除个人信息' });
    requestId = requestCustomerDeletion.id;
    expect(requestCustomerDeletion).toMatchObject({ kind: 'deletion', status: 'restricted', customerId, retentionUntil: '2039-12-31' });
    expect(await branchTotal(agent)).toBe(before.agent - 1);
    expect(await branchTotal(manager)).toBe(before.manager - 1);
    expect(await branchTotal(compliance)).toBe(before.compliance);
    const audit: { changes: string }[] = await server.db.query("SELECT changes FROM audit_entry WHERE action = 'customer.restrict' AND subject_id = ?", [customerId]);
    expect(audit).toHaveLength(1);
  });

  it('hides the customer from agents, managers and inspectors: lists, counts, search, lookup', async () => {
    for (const client of [agent, manager, inspector]) {
      expect(await visible(client)).toBe(0);
      expect(await client.errorCode(GET, { id: customerId })).toBe('NOT_FOUND');
    }
    // The policy stays (statistics), but its holder is out of reach.
    const { Policy } = await manager.ok('query P($id: ID!) { Policy(id: $id) { id holder { id } } }', { id: policyId });
    expect(Policy.holder).toBeNull();
  });

  it('keeps the customer from being processed: no edit, no reveal, no export', async () => {
    expect(await manager.errorCode('mutation U($id: ID!) { updateCustomer(id: $id, version: 1, occupation: "律师") { id } }', { id: customerId })).toBe('NOT_FOUND');
    expect(await manager.errorCode(REVEAL, { id: customerId, field: 'phone' })).toBe('NOT_FOUND');
    const { exportCustomers } = await manager.ok('mutation { exportCustomers { csv rows } }');
    expect(exportCustomers.csv).not.toContain(p.name);
    const { exportCustomers: all } = await compliance.ok('mutation { exportCustomers { csv } }');
    expect(all.csv).toContain(p.name);
  });

  it("shows the customer to compliance, who handles the request", async () => {
    expect(await visible(compliance)).toBe(2);
    const { allCustomers } = await compliance.ok(LIST, { filter: { status: 'restricted' } });
    expect(allCustomers.map((c: { id: string }) => c.id)).toContain(customerId);
    const { allDataRightsRequests } = await compliance.ok('{ allDataRightsRequests(filter: { kind: deletion, status: restricted }) { id retentionUntil } }');
    expect(allDataRightsRequests).toEqual([{ id: requestId, retentionUntil: '2039-12-31' }]);
  });

  it('refuses a second request, and deletion requests from anyone but compliance', async () => {
    const again = await compliance.request(REQUEST_DELETION, { customerId, channel: 'app' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CUSTOMER_RESTRICTED' });
    const [other]: { id: number }[] = await server.db.query("SELECT id FROM customer WHERE status = 'active' AND branch_id = ? LIMIT 1", [Number(bj)]);
    for (const client of [agent, manager]) expect(await client.errorCode(REQUEST_DELETION, { customerId: String(other.id), channel: 'counter' })).toBe('FORBIDDEN');
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM customer WHERE status = 'restricted'")).toBe(1);
  });

  it('moves the retention end when a policy of the customer ends later (the job recomputes it on every run)', async () => {
    const existing = await server.db.getRepository(Policy).findOneByOrFail({ id: Number(policyId) });
    const { id: _id, ...copy } = existing;
    await server.db.getRepository(Policy).save({ ...copy, policyNumber: 'PBJ2021RS0003', effectiveDate: '2021-06-01', expiryDate: '2031-05-31' });
    const run = await runAnonymisation(server.db, server.config);
    expect(run).toMatchObject({ checked: 1, anonymised: [], rescheduled: 1, nextDue: '2041-05-31' });
    const { DataRightsRequest } = await compliance.ok('query R($id: ID!) { DataRightsRequest(id: $id) { retentionUntil status } }', { id: requestId });
    expect(DataRightsRequest).toEqual({ retentionUntil: '2041-05-31', status: 'restricted' });
  });

  it('lifts the restriction when the customer withdraws the request', async () => {
    const reason = '客户来电撤回删除申请';
    const { withdrawCustomerDeletion } = await compliance.ok('mutation W($id: ID!, $reason: String!) { withdrawCustomerDeletion(id: $id, reason: $reason) { id status } }', { id: requestId, reason });
    expect(withdrawCustomerDeletion.status).toBe('withdrawn');
    for (const client of [agent, manager, inspector]) expect(await visible(client)).toBe(2);
    expect(await compliance.errorCode('mutation W($id: ID!) { withdrawCustomerDeletion(id: $id, reason: "再次撤回") { id } }', { id: requestId })).toBe('CONFLICT');
  });
});
