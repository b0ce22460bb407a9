// Red team, reading: each role tries to learn what it may not read through filters, sorts and counts,
// through nested relations and mutation payloads, and by telling a forbidden record from a missing one.
import { Complaint } from '../../server/src/modules/complaints/complaint.entity';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { MASKED_ID, MASKED_MOBILE, ROLES, signInAll, type Fixture, type RoleName } from '../api/access-helpers';
import type { GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';

const SENSITIVE = ['idNumber', 'phone', 'email', 'address'];
const HIDDEN_FROM_INSPECTOR = [...SENSITIVE, 'birthDate', 'occupation', 'idType', 'marketingConsent', 'sharingConsent'];
const CUSTOMER_FIELDS = 'id name idNumber phone email address birthDate occupation branchId';

const errorOf = (r: GqlResult) => r.errors?.[0];
/** Refused, with nothing in the data. */
function expectRefused(r: GqlResult, codes = ['FORBIDDEN', 'BAD_USER_INPUT']) {
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(codes).toContain(errorOf(r)?.extensions?.code);
  expect(Object.values(r.data ?? {}).filter((v) => v !== null)).toEqual([]);
}

describe('red team: oracles on reading', () => {
  let server: TestServer;
  let f: Fixture;
  let bjCustomer: Customer;
  let shCustomer: Customer;
  let shPolicy: Policy;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 24, policies: 24 } });
    f = await signInAll(server);
    const customers = server.db.getRepository(Customer);
    bjCustomer = await customers.findOneOrFail({ where: { branchId: f.branch.BJ, kind: 'individual' as never }, order: { id: 'ASC' } });
    shCustomer = await customers.findOneOrFail({ where: { branchId: f.branch.SH, kind: 'individual' as never }, order: { id: 'ASC' } });
    shPolicy = await server.db.getRepository(Policy).findOneOrFail({ where: { branchId: f.branch.SH }, order: { id: 'ASC' } });
  });
  afterAll(() => server.stop());

  describe('filter, sort and count on fields the role cannot read', () => {
    it('refuses the inspector a filter on any hidden customer field, in the list and in the count alike', async () => {
      const inspector = f.clients.inspector;
      for (const [key, value] of [['idNumber', bjCustomer.idNumber], ['phone', bjCustomer.phone]] as const) {
        for (const op of ['allCustomers(filter: $filter) { id }', '_allCustomersMeta(filter: $filter) { count }']) {
          const r = await inspector.request(`query Q($filter: CustomerFilter) { ${op} }`, { filter: { [key]: value } });
          expectRefused(r);
          expect(errorOf(r)!.extensions!.fields).toEqual({ [`filter.${key}`]: 'not readable for your role' });
        }
      }
    });

    it('gives the inspector no ID-number or phone oracle through the free-text search q', async () => {
      const inspector = f.clients.inspector;
      const count = async (q: string) => (await inspector.ok(`query Q($q: String) { _allCustomersMeta(filter: { q: $q }) { count } }`, { q }))._allCustomersMeta.count;
      // The exact ID number and phone of a customer the inspector can list: q matches names only, so neither finds them.
      expect(await count(bjCustomer.idNumber)).toBe(0);
      expect(await count(bjCustomer.phone!)).toBe(0);
      expect(await count(bjCustomer.name)).toBeGreaterThanOrEqual(1);
    });

    it('refuses the inspector a complaint filter on the complainant phone (list and count)', async () => {
      const [complaint] = await server.db.getRepository(Complaint).find({ order: { id: 'ASC' }, take: 1 });
      for (const op of ['allComplaints(filter: $filter) { id }', '_allComplaintsMeta(filter: $filter) { count }']) {
        expectRefused(await f.clients.inspector.request(`query Q($filter: ComplaintFilter) { ${op} }`, { filter: { complainantPhone: complaint.complainantPhone } }));
      }
    });

    it('refuses every role a sort on a sensitive or unreadable field, so no order leaks', async () => {
      const attempts: Array<[RoleName, string]> = [];
      for (const role of ['agent', 'manager', 'compliance'] as const) for (const field of SENSITIVE) attempts.push([role, field]);
      for (const field of HIDDEN_FROM_INSPECTOR) attempts.push(['inspector', field]);
      for (const [role, sortField] of attempts) {
        for (const op of ['allCustomers(sortField: $s, perPage: 1000) { id }', '_allCustomersMeta(sortField: $s) { count }']) {
          const r = await f.clients[role].request(`query Q($s: String) { ${op} }`, { s: sortField });
          if (op.startsWith('_all') && !r.errors) continue; // a count has no order to leak
          expectRefused(r);
        }
      }
      for (const sortField of ['complainantPhone', 'complainantEmail', 'complainantAddress']) {
        for (const role of ['agent', 'manager', 'inspector', 'compliance'] as const) {
          expectRefused(await f.clients[role].request('query Q($s: String) { allComplaints(sortField: $s) { id } }', { s: sortField }));
        }
      }
    });

    it('counts exactly the rows each role may read, whatever the filter asks for', async () => {
      const customers = server.db.getRepository(Customer);
      const expected: Record<RoleName, number> = {
        agent: await customers.countBy({ branchId: f.branch.BJ }),
        agent2: await customers.countBy({ branchId: f.branch.SH }),
        manager: await customers.countBy({ branchId: f.branch.BJ }),
        inspector: await customers.count(),
        compliance: await customers.count(),
        admin: 0,
      };
      for (const role of ROLES) {
        const meta = await f.clients[role].request('{ _allCustomersMeta { count } }');
        if (role === 'admin') {
          expectRefused(meta);
          continue;
        }
        expect([role, meta.data!._allCustomersMeta.count]).toEqual([role, expected[role]]);
        // Another branch's rows by filter, by ids, by a page far away: none of them.
        const other = role === 'agent2' ? f.branch.BJ : f.branch.SH;
        const scoped = ['agent', 'agent2', 'manager'].includes(role);
        const byBranch = await f.clients[role].ok('query Q($b: ID) { _allCustomersMeta(filter: { branchId: $b }) { count } }', { b: String(other) });
        expect(byBranch._allCustomersMeta.count).toBe(scoped ? 0 : await customers.countBy({ branchId: other }));
        const foreign = role === 'agent2' ? bjCustomer : shCustomer;
        const byIds = await f.clients[role].ok('query Q($ids: [ID!]) { allCustomers(filter: { ids: $ids }) { id } _allCustomersMeta(filter: { ids: $ids }) { count } }', { ids: [String(foreign.id)] });
        expect(byIds.allCustomers.length).toBe(scoped ? 0 : 1);
        expect(byIds._allCustomersMeta.count).toBe(scoped ? 0 : 1);
      }
    });
  });

  describe('forbidden fields through nested relations and payloads', () => {
    it('gives the inspector nothing of the holder but what it may read, on every policy', async () => {
      const { allPolicies } = await f.clients.inspector.ok(`{ allPolicies(perPage: 1000) { id holder { ${CUSTOMER_FIELDS} } insured { ${CUSTOMER_FIELDS} } } }`);
      expect(allPolicies.length).toBe(await server.db.getRepository(Policy).count());
      for (const p of allPolicies) {
        for (const party of [p.holder, p.insured]) {
          expect(party.name).toEqual(expect.any(String));
          for (const field of ['idNumber', 'phone', 'email', 'address', 'birthDate', 'occupation']) expect([p.id, field, party[field]]).toEqual([p.id, field, null]);
        }
      }
    });

    it('gives the inspector no complainant contact, directly or through the complainant customer or the policy holder', async () => {
      const { allComplaints } = await f.clients.inspector.ok(
        `{ allComplaints(perPage: 1000) { id complainantPhone complainantEmail complainantAddress complainantCustomer { ${CUSTOMER_FIELDS} } policy { holder { ${CUSTOMER_FIELDS} } } } }`,
      );
      expect(allComplaints.length).toBeGreaterThan(0);
      for (const c of allComplaints) {
        expect([c.complainantPhone, c.complainantEmail, c.complainantAddress]).toEqual([null, null, null]);
        for (const party of [c.complainantCustomer, c.policy?.holder].filter(Boolean)) {
          for (const field of HIDDEN_FROM_INSPECTOR.filter((x) => x in party)) expect([c.id, field, party[field]]).toEqual([c.id, field, null]);
        }
      }
    });

    it('shows an agent nothing of another branch through a complaint in their own queue', async () => {
      // A Shanghai complaint about a Shanghai customer and policy, put in the Beijing agent's queue.
      const complaint = await server.db.getRepository(Complaint).findOneOrFail({ where: { branchId: f.branch.SH }, order: { id: 'ASC' } });
      await server.db.getRepository(Complaint).update({ id: complaint.id }, { assigneeId: f.staffId.agent, complainantCustomerId: shCustomer.id, policyId: shPolicy.id });
      const { Complaint: seen } = await f.clients.agent.ok(
        `query Q($id: ID!) { Complaint(id: $id) { id complainantPhone complainantCustomer { ${CUSTOMER_FIELDS} } policy { id policyNumber holderId holder { ${CUSTOMER_FIELDS} } } } }`,
        { id: String(complaint.id) },
      );
      // The complaint is theirs to work (contact masked); the customer and policy of SH stay closed.
      if (seen.complainantPhone !== null) expect(seen.complainantPhone).toMatch(MASKED_MOBILE);
      for (const party of [seen.complainantCustomer, seen.policy?.holder].filter(Boolean)) {
        for (const field of ['name', ...SENSITIVE, 'birthDate', 'occupation']) expect([field, party[field]]).toEqual([field, null]);
      }
      if (seen.policy) expect([seen.policy.policyNumber, seen.policy.holderId]).toEqual([null, null]);
    });

    it('returns mutation payloads through the same guards: masked for the agent, nested customers included', async () => {
      const updated = await f.clients.agent.ok(
        `mutation U($id: ID!, $v: Int!) { updateCustomer(id: $id, version: $v, occupation: "工程师") { ${CUSTOMER_FIELDS} policies { holder { idNumber phone } } } }`,
        { id: String(bjCustomer.id), v: bjCustomer.version },
      );
      expect(updated.updateCustomer.idNumber).toMatch(MASKED_ID);
      expect(updated.updateCustomer.phone).toMatch(MASKED_MOBILE);
      for (const p of updated.updateCustomer.policies) expect(p.holder.idNumber ?? '').not.toContain(bjCustomer.idNumber.slice(3, -4));
      const registered = await f.clients.agent.ok(
        `mutation C($cid: ID!) { createComplaint(channel: hotline, branchId: "${f.branch.BJ}", category: claims, summary: "红队", complainantName: "测试", complainantPhone: "13900001111", complainantCustomerId: $cid) {
          complainantPhone complainantCustomer { idNumber phone } } }`,
        { cid: String(bjCustomer.id) },
      );
      expect(registered.createComplaint.complainantPhone).toBe('139****1111');
      expect(registered.createComplaint.complainantCustomer.idNumber).toMatch(MASKED_ID);
      expect(JSON.stringify(registered)).not.toContain(bjCustomer.idNumber);
    });
  });

  describe('writes aimed outside the rules', () => {
    const complaintsIn = (branchId: number) => server.db.getRepository(Complaint).countBy({ branchId });

    it('refuses a complaint or a policy that points at a record of another branch, as if it did not exist', async () => {
      const before = await complaintsIn(f.branch.BJ);
      const register = (extra: string) =>
        f.clients.agent.request(`mutation { createComplaint(channel: hotline, branchId: "${f.branch.BJ}", category: claims, summary: "红队", complainantName: "测试", ${extra}) { id } }`);
      const foreign = await register(`complainantCustomerId: "${shCustomer.id}"`);
      const missing = await register('complainantCustomerId: "99999999"');
      expectRefused(foreign);
      expect(errorOf(foreign)!.extensions).toEqual(errorOf(missing)!.extensions);
      expect(errorOf(foreign)!.message).toBe(errorOf(missing)!.message);
      const foreignPolicy = await register(`policyId: "${shPolicy.id}"`);
      expect(errorOf(foreignPolicy)!.extensions).toEqual(errorOf(await register('policyId: "99999999"'))!.extensions);
      expect(await complaintsIn(f.branch.BJ)).toBe(before);
      const policies = await server.db.getRepository(Policy).count();
      const policy = await f.clients.manager.request(
        `mutation { createPolicy(policyNumber: "RT-0001", productCode: "LF2001", productName: "红队", line: life, holderId: "${shCustomer.id}", insuredId: "${shCustomer.id}",
          branchId: "${f.branch.BJ}", effectiveDate: "2026-01-01", expiryDate: "2046-12-31", sumInsuredFen: 100000, premiumFen: 1000, paymentFrequency: annual, salesChannel: agency) { id } }`,
      );
      expectRefused(policy);
      expect(await server.db.getRepository(Policy).count()).toBe(policies);
    });

    it('refuses input fields outside the role’s write rules, naming them, and writes nothing', async () => {
      const fresh = await server.db.getRepository(Customer).findOneByOrFail({ id: bjCustomer.id });
      const attempts = [
        `idNumber: "11010519491231002X"`,
        `branchId: "${f.branch.SH}"`,
        `status: restricted`,
        `birthDate: "1950-01-01"`,
      ];
      for (const attempt of attempts) {
        const r = await f.clients.agent.request(`mutation { updateCustomer(id: "${fresh.id}", version: ${fresh.version}, ${attempt}) { id } }`);
        expectRefused(r);
        expect(errorOf(r)!.extensions!.code).toBe('FORBIDDEN');
        expect(Object.keys(errorOf(r)!.extensions!.fields ?? {})).toEqual([attempt.split(':')[0]]);
      }
      const after = await server.db.getRepository(Customer).findOneByOrFail({ id: bjCustomer.id });
      expect([after.idNumber, after.branchId, after.status, after.birthDate, after.version]).toEqual([fresh.idNumber, fresh.branchId, fresh.status, fresh.birthDate, fresh.version]);
      // A customer created for another branch, by the agent of this one.
      const customers = await server.db.getRepository(Customer).count();
      expectRefused(await f.clients.agent.request(`mutation { createCustomer(kind: individual, name: "红队", idType: resident_id, idNumber: "11010519491231002X", branchId: "${f.branch.SH}", source: customer) { id } }`));
      expect(await server.db.getRepository(Customer).count()).toBe(customers);
    });
  });

  describe('a forbidden record and a missing one look the same', () => {
    const ops: Array<[string, string]> = [
      ['Customer', 'query Q($id: ID!) { Customer(id: $id) { id name } }'],
      ['Policy', 'query Q($id: ID!) { Policy(id: $id) { id } }'],
      ['Complaint', 'query Q($id: ID!) { Complaint(id: $id) { id } }'],
      ['updateCustomer', 'mutation Q($id: ID!) { updateCustomer(id: $id, version: 1, occupation: "x") { id } }'],
      ['revealCustomer', 'mutation Q($id: ID!) { reveal(type: "Customer", id: $id, field: "idNumber", reason: "red team") }'],
      ['exportCustomerData', 'mutation Q($id: ID!) { exportCustomerData(customerId: $id, channel: counter, note: "red team") { content } }'],
    ];

    it('by code, reason and message, for every role scoped to a branch', async () => {
      const forbiddenId: Record<string, string> = {};
      forbiddenId.Customer = String(shCustomer.id);
      forbiddenId.Policy = String(shPolicy.id);
      forbiddenId.Complaint = String((await server.db.getRepository(Complaint).findOneOrFail({ where: { branchId: f.branch.SH }, order: { id: 'DESC' } })).id);
      for (const role of ['agent', 'manager'] as const) {
        for (const [name, doc] of ops) {
          const key = name.startsWith('Po') ? 'Policy' : name.startsWith('Com') ? 'Complaint' : 'Customer';
          const forbidden = await f.clients[role].request(doc, { id: forbiddenId[key] });
          const missing = await f.clients[role].request(doc, { id: '99999999' });
          expect(forbidden.errors).toBeDefined();
          const shape = (r: GqlResult) => ({ code: errorOf(r)!.extensions?.code, reason: errorOf(r)!.extensions?.reason, message: errorOf(r)!.message, status: r.status });
          expect([role, name, shape(forbidden)]).toEqual([role, name, shape(missing)]);
        }
      }
    });

    it('by timing: the median answers for a forbidden and a missing id are close', async () => {
      const doc = 'query Q($id: ID!) { Customer(id: $id) { id name } }';
      const time = async (id: string) => {
        const started = performance.now();
        await f.clients.agent.request(doc, { id });
        return performance.now() - started;
      };
      const forbidden: number[] = [];
      const missing: number[] = [];
      for (let i = 0; i < 25; i++) {
        forbidden.push(await time(String(shCustomer.id)));
        missing.push(await time('99999999'));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // Both are one indexed query that finds nothing; a gap of a few milliseconds on a shared machine is noise.
      expect(Math.abs(median(forbidden) - median(missing))).toBeLessThan(Math.max(5, 0.5 * median(missing)));
    });
  });
});
