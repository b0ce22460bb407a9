// The SQL each benchmarked operation issues, counted with 1 row and with 25: the number must not grow
// with the rows (no N+1: nested fields are batched, lists are one query plus a count). The operations
// are the benchmark's own (bench/run/scenarios.ts); SHOW_QUERIES=1 prints each request's statements.
// Sign-in and rights cost one statement per request (session, staff row and access version together;
// the built ability is reused while that version holds: server/src/modules/auth/access-cache.ts).
import { In, Not } from 'typeorm';
import { INQUIRY, SCENARIOS, type RawParams } from '../../bench/run/scenarios';
import { Complaint } from '../../server/src/modules/complaints/complaint.entity';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { addDays, todayIn } from '../../server/src/time/local-date';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { signInAll, type Fixture } from './access-helpers';
import { policiesOf, setQueryPassword } from './inquiry-helpers';

const [customerList, renewals, customerPage, overdue] = SCENARIOS;

describe('SQL queries per request do not grow with the rows', () => {
  let server: TestServer;
  let f: Fixture;
  let manager: GqlClient;
  let bj: number;
  const statements: string[] = [];
  let counting = false;
  let cloned = 0;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 120, policies: 200 } });
    f = await signInAll(server);
    manager = f.clients.manager;
    bj = f.branch.BJ;
    const logger = server.db.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (counting) statements.push(query);
      return logQuery(query, parameters, runner);
    };
  });
  afterAll(() => server.stop());

  const params = (): RawParams => {
    const today = todayIn(server.config.defaultTimezone);
    return { branchId: bj, namePrefix: '', customerId: 0, today, in30days: addDays(today, 30), now: '', inquiry: { policyNumber: '' } };
  };

  /** Runs the operation as the manager and returns how many SQL statements it issued, with the data. */
  async function counted(query: string, variables: Record<string, unknown>, client = manager): Promise<{ queries: number; data: any }> {
    statements.length = 0;
    counting = true;
    try {
      const data = await client.ok(query, variables);
      if (process.env.SHOW_QUERIES) console.log(statements.join('\n---\n'));
      return { queries: statements.length, data };
    } finally {
      counting = false;
    }
  }

  const customers = () => server.db.getRepository(Customer);
  const policies = () => server.db.getRepository(Policy);
  const complaints = () => server.db.getRepository(Complaint);

  /** Copies of a complaint of the branch (new numbers), so a branch or a customer has as many as a test needs. */
  async function cloneComplaints(count: number, changes: Partial<Complaint>): Promise<void> {
    const source = await complaints().findOneByOrFail({ branchId: bj });
    const { id: _id, ...rest } = source;
    for (let i = 0; i < count; i++) await complaints().insert({ ...rest, number: `TS2099${String(++cloned).padStart(8, '0')}`, ...changes });
  }

  it('customer list: one query for the page and one for the count, 1 row or 25', async () => {
    const inBranch = await customers().find({ where: { branchId: bj }, order: { id: 'ASC' }, take: 27 });
    expect(inBranch).toHaveLength(27);
    await customers().update({ id: inBranch[0].id }, { name: '独一份' });
    await customers().update({ id: In(inBranch.slice(1).map((c) => c.id)) }, { name: '多多' });
    const one = await counted(customerList.query, customerList.variables({ ...params(), namePrefix: '独一' }));
    const many = await counted(customerList.query, customerList.variables({ ...params(), namePrefix: '多' }));
    expect(one.data.items).toHaveLength(1);
    expect(many.data.items).toHaveLength(25);
    expect(many.data.total.countUpTo).toEqual({ count: 26, more: false });
    expect(many.queries).toBe(one.queries);
    expect(one.queries).toBeLessThanOrEqual(3);
  });

  it("renewals with the holder's name: the holders come in one batched query, 1 row or 25", async () => {
    const today = todayIn(server.config.defaultTimezone);
    await policies().update({ branchId: Not(-1) }, { expiryDate: addDays(today, 400) });
    const ours = await policies().find({ where: { branchId: bj }, order: { id: 'ASC' }, take: 26 });
    expect(ours).toHaveLength(26);
    // Each renewal held by a different customer, so batching (not a cache hit) is what keeps the count flat.
    const holders = await customers().find({ where: { branchId: bj }, order: { id: 'ASC' }, take: 26 });
    for (const [i, p] of ours.entries()) await policies().update({ id: p.id }, { holderId: holders[i].id, status: p.status, expiryDate: addDays(today, 400) });
    await policies().update({ id: ours[0].id }, { status: 'in_force' as Policy['status'], expiryDate: addDays(today, 10) });
    const one = await counted(renewals.query, renewals.variables(params()));
    await policies().update({ id: In(ours.map((p) => p.id)) }, { status: 'in_force' as Policy['status'], expiryDate: addDays(today, 12) });
    const many = await counted(renewals.query, renewals.variables(params()));
    expect(one.data.items).toHaveLength(1);
    expect(many.data.items).toHaveLength(25);
    expect(new Set(many.data.items.map((p: { holder: { id: string } }) => p.holder.id)).size).toBe(25);
    expect(many.queries).toBe(one.queries);
    expect(one.queries).toBeLessThanOrEqual(4);
  });

  it('customer page: the same queries with 1 policy and 1 complaint as with 25 of each', async () => {
    const [few, lots, other] = await customers().find({ where: { branchId: bj }, order: { id: 'DESC' }, take: 3 });
    // Their own policies and complaints go to another customer first, so each has exactly the rows given below.
    await policies().update({ holderId: In([few.id, lots.id]) }, { holderId: other.id });
    await policies().update({ insuredId: In([few.id, lots.id]) }, { insuredId: other.id });
    await complaints().update({ complainantCustomerId: In([few.id, lots.id]) }, { complainantCustomerId: null });
    const bjPolicies = await policies().find({ where: { branchId: bj }, order: { id: 'ASC' }, take: 26 });
    await policies().update({ id: bjPolicies[0].id }, { holderId: few.id });
    await policies().update({ id: In(bjPolicies.slice(1).map((p) => p.id)) }, { holderId: lots.id });
    await cloneComplaints(1, { complainantCustomerId: few.id });
    await cloneComplaints(25, { complainantCustomerId: lots.id });
    const one = await counted(customerPage.query, customerPage.variables({ ...params(), customerId: few.id }));
    const many = await counted(customerPage.query, customerPage.variables({ ...params(), customerId: lots.id }));
    expect(one.data.Customer.policies).toHaveLength(1);
    expect(one.data.complaints).toHaveLength(1);
    expect(many.data.Customer.policies).toHaveLength(25);
    expect(many.data.complaints).toHaveLength(25);
    expect(many.queries).toBe(one.queries);
    expect(one.queries).toBeLessThanOrEqual(5);
  });

  it('overdue complaints of the branch with their handlers: 1 row or 25, the same queries', async () => {
    await complaints().update({ branchId: Not(-1) }, { nextDueAt: null });
    const past = new Date(Date.now() - 3600_000);
    await cloneComplaints(26, { nextDueAt: null, assigneeId: f.staffId.manager });
    const ours = await complaints().find({ where: { branchId: bj }, order: { id: 'DESC' }, take: 26 });
    await complaints().update({ id: ours[0].id }, { nextDueAt: past });
    const one = await counted(overdue.query, overdue.variables(params()));
    await complaints().update({ id: In(ours.map((c) => c.id)) }, { nextDueAt: past });
    const many = await counted(overdue.query, overdue.variables(params()));
    expect(one.data.items).toHaveLength(1);
    expect(many.data.items).toHaveLength(25);
    expect(many.data.items.every((c: { assignee: { id: string } | null }) => c.assignee?.id === String(f.staffId.manager))).toBe(true);
    expect(many.queries).toBe(one.queries);
    expect(one.queries).toBeLessThanOrEqual(4);
  });

  it('a verified policy inquiry issues the same bounded set of queries every time', async () => {
    const [policy] = await policiesOf(server, 'BJ', 1);
    await setQueryPassword(manager, policy, '739146');
    const vars = { n: policy.policyNumber, i: policy.holderIdNumber, q: '739146' };
    const first = await counted(INQUIRY.query, vars);
    const second = await counted(INQUIRY.query, vars);
    expect(first.data.assistedPolicyInquiry.policyNumber).toBe(policy.policyNumber);
    expect(second.queries).toBe(first.queries);
    expect(first.queries).toBeLessThanOrEqual(10);
  });
});
