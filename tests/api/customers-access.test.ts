// What each built-in role can read of customers: rows, totals, fields, masks, filters and sorting.
import { mask } from '../../server/src/access/mask';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { countRows, customersOf, MASKED_ID, MASKED_MOBILE, refusal, signInAll, type Fixture } from './access-helpers';

const LIST = `query List($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: CustomerFilter) {
  allCustomers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    id name branchId idNumber phone email address
  }
  _allCustomersMeta(page: $page, perPage: $perPage, filter: $filter) { count }
}`;
const ONE = 'query One($id: ID!) { Customer(id: $id) { id name branchId idNumber phone email address } }';

interface Row { id: string; name: string | null; branchId: string | null; idNumber: string | null; phone: string | null; email: string | null; address: string | null }

describe('customers: what each role can read', () => {
  let server: TestServer;
  let f: Fixture;
  let bj: Customer[];
  let sh: Customer[];
  let total: number;
  const list = (role: keyof Fixture['clients'], vars: Record<string, unknown> = {}) =>
    f.clients[role].ok<{ allCustomers: Row[]; _allCustomersMeta: { count: number } }>(LIST, vars);

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 60, policies: 80 } });
    f = await signInAll(server);
    bj = await customersOf(server, f.branch.BJ);
    sh = await customersOf(server, f.branch.SH);
    total = await countRows(server, 'SELECT COUNT(*) AS n FROM customer');
  });
  afterAll(() => server.stop());

  it('has data in several branches to tell the roles apart', () => {
    expect(bj.length).toBeGreaterThan(10);
    expect(sh.length).toBeGreaterThan(10);
    expect(total).toBeGreaterThan(bj.length + sh.length);
  });

  it.each([
    ['agent', 'BJ'],
    ['agent2', 'SH'],
    ['manager', 'BJ'],
  ] as const)('%s sees only branch %s, with a total counted in the database and full pages', async (role, code) => {
    const branchId = f.branch[code];
    const expected = await countRows(server, 'SELECT COUNT(*) AS n FROM customer WHERE branch_id = ?', [branchId]);
    const first = await list(role, { perPage: 10 });
    expect(first._allCustomersMeta.count).toBe(expected);
    expect(first.allCustomers).toHaveLength(10);
    const all = await list(role, { perPage: 1000 });
    expect(all.allCustomers).toHaveLength(expected);
    expect(new Set(all.allCustomers.map((c) => Number(c.branchId)))).toEqual(new Set([branchId]));
    const second = await list(role, { perPage: 10, page: 1 });
    expect(second.allCustomers).toHaveLength(Math.min(10, expected - 10));
    const ids = [...first.allCustomers, ...second.allCustomers].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows agents and managers every sensitive field masked, each mask that of the stored value', async () => {
    const stored = new Map(bj.map((c) => [String(c.id), c]));
    for (const role of ['agent', 'manager'] as const) {
      const { allCustomers } = await list(role, { perPage: 1000, filter: { kind: 'individual' } });
      expect(allCustomers.length).toBeGreaterThan(5);
      for (const row of allCustomers) {
        const real = stored.get(row.id)!;
        expect(row.idNumber).toMatch(MASKED_ID);
        expect(row.idNumber).toBe(mask('idNumber', real.idNumber));
        expect(row.phone).toMatch(MASKED_MOBILE);
        expect(row.phone).toBe(mask('phone', real.phone));
        expect(row.email).toBe(mask('email', real.email));
        expect(row.address).toBe(mask('address', real.address));
        expect(row.name).toBe(real.name);
      }
    }
  });

  it('stores ID numbers and phones encrypted: the ciphertext never contains the clear value', async () => {
    const raw: { id: number; id_number_enc: string; phone_enc: string | null; address_enc: string | null }[] = await server.db.query(
      'SELECT id, id_number_enc, phone_enc, address_enc FROM customer WHERE branch_id = ?',
      [f.branch.BJ],
    );
    const stored = new Map(bj.map((c) => [c.id, c]));
    for (const row of raw) {
      const real = stored.get(Number(row.id))!;
      expect(real.idNumber).toMatch(/^[0-9A-Z]{18}$/);
      expect(row.id_number_enc).not.toContain(real.idNumber);
      expect(row.id_number_enc).not.toContain(real.idNumber.slice(-8));
      if (real.phone) expect(row.phone_enc).not.toContain(real.phone.slice(-8));
      if (real.address) expect(row.address_enc).not.toContain(real.address.slice(0, 3));
    }
  });

  it('answers a customer of another branch exactly like one that does not exist', async () => {
    const mine = await f.clients.agent.ok(ONE, { id: bj[0].id });
    expect(mine.Customer.name).toBe(bj[0].name);
    const forbidden = refusal(await f.clients.agent.request(ONE, { id: sh[0].id }));
    const missing = refusal(await f.clients.agent.request(ONE, { id: '999999' }));
    expect(forbidden.code).toBe('NOT_FOUND');
    expect(forbidden).toEqual(missing);
    expect(refusal(await f.clients.agent2.request(ONE, { id: bj[0].id }))).toEqual(missing);
    expect(refusal(await f.clients.manager.request(ONE, { id: sh[0].id }))).toEqual(missing);
  });

  it('filters by name prefix, branch, exact ID number and exact phone within the caller\'s rows only', async () => {
    const target = bj.find((c) => c.kind === 'individual' && c.phone)!;
    const other = sh.find((c) => c.kind === 'individual' && c.phone)!;
    const byId = await list('agent', { filter: { idNumber: target.idNumber } });
    expect(byId.allCustomers.map((c) => c.id)).toEqual([String(target.id)]);
    expect(byId._allCustomersMeta.count).toBe(1);
    // Typed with spaces and a lower-case x, as people type it.
    const typed = `${target.idNumber.slice(0, 6)} ${target.idNumber.slice(6).toLowerCase()}`;
    expect((await list('agent', { filter: { idNumber: typed } })).allCustomers.map((c) => c.id)).toEqual([String(target.id)]);
    const byPhone = await list('agent', { filter: { phone: target.phone } });
    expect(byPhone.allCustomers.map((c) => c.id)).toContain(String(target.id));
    // Another branch's customer is not found by the agent, even by exact value, and is not counted.
    for (const filter of [{ idNumber: other.idNumber }, { phone: other.phone }, { branchId: String(f.branch.SH) }, { ids: [String(other.id)] }]) {
      const result = await list('agent', { filter });
      expect(result.allCustomers).toEqual([]);
      expect(result._allCustomersMeta.count).toBe(0);
    }
    expect((await list('compliance', { filter: { idNumber: other.idNumber } })).allCustomers.map((c) => c.id)).toEqual([String(other.id)]);

    const prefix = target.name.slice(0, 1);
    const byName = await list('agent', { perPage: 1000, filter: { name: prefix } });
    const expected = bj.filter((c) => c.name.startsWith(prefix));
    expect(byName.allCustomers.map((c) => c.id).sort()).toEqual(expected.map((c) => String(c.id)).sort());
    expect(byName._allCustomersMeta.count).toBe(expected.length);
    const ownBranch = await list('manager', { perPage: 1000, filter: { branchId: String(f.branch.BJ) } });
    expect(ownBranch._allCustomersMeta.count).toBe(bj.length);
  });

  it('matches q on a name prefix, an exact ID number or an exact phone, within the caller\'s rows', async () => {
    const target = bj.find((c) => c.kind === 'individual' && c.phone)!;
    expect((await list('agent', { filter: { q: target.idNumber } })).allCustomers.map((c) => c.id)).toEqual([String(target.id)]);
    expect((await list('agent', { filter: { q: target.phone } })).allCustomers.map((c) => c.id)).toContain(String(target.id));
    expect((await list('agent', { perPage: 1000, filter: { q: target.name } })).allCustomers.map((c) => c.id)).toContain(String(target.id));
    expect((await list('agent2', { filter: { q: target.idNumber } }))._allCustomersMeta.count).toBe(0);
  });

  it('sorts on the server, over the caller\'s rows only', async () => {
    const expected: { id: number }[] = await server.db.query('SELECT id FROM customer WHERE branch_id = ? ORDER BY name DESC, id DESC', [f.branch.BJ]);
    const sorted = await list('agent', { perPage: 1000, sortField: 'name', sortOrder: 'DESC' });
    expect(sorted.allCustomers.map((c) => Number(c.id))).toEqual(expected.map((r) => Number(r.id)));
    const byId = await list('manager', { perPage: 5, sortField: 'id', sortOrder: 'ASC' });
    expect(byId.allCustomers.map((c) => Number(c.id))).toEqual(bj.slice(0, 5).map((c) => c.id));
  });

  it('gives the inspector names in every branch but no identity or contact data', async () => {
    const all = await list('inspector', { perPage: 1000 });
    expect(all._allCustomersMeta.count).toBe(total);
    expect(all.allCustomers).toHaveLength(total);
    for (const row of all.allCustomers) {
      expect(row.name).toEqual(expect.any(String));
      expect(row.branchId).not.toBeNull();
      expect([row.idNumber, row.phone, row.email, row.address]).toEqual([null, null, null, null]);
    }
    const one = await f.clients.inspector.ok(ONE, { id: sh[0].id });
    expect(one.Customer).toMatchObject({ name: sh[0].name, idNumber: null, phone: null, email: null, address: null });
  });

  it('refuses the inspector filtering or sorting on ID number or phone, and q never matches an ID number for them', async () => {
    const target = bj.find((c) => c.kind === 'individual' && c.phone)!;
    for (const filter of [{ idNumber: target.idNumber }, { phone: target.phone }]) {
      const error = refusal(await f.clients.inspector.request(LIST, { filter }));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain(Object.keys(filter)[0]);
    }
    for (const sortField of ['idNumber', 'phone']) {
      expect(refusal(await f.clients.inspector.request(LIST, { sortField })).code).toBe('FORBIDDEN');
    }
    // A role that may read the ID number is told it is not sortable, not that it is forbidden.
    expect(refusal(await f.clients.manager.request(LIST, { sortField: 'idNumber' })).code).toBe('BAD_USER_INPUT');
    const byQ = await list('inspector', { filter: { q: target.idNumber } });
    expect(byQ.allCustomers).toEqual([]);
    expect(byQ._allCustomersMeta.count).toBe(0);
    expect((await list('inspector', { filter: { q: target.phone } }))._allCustomersMeta.count).toBe(0);
    expect((await list('inspector', { perPage: 1000, filter: { q: target.name } })).allCustomers.map((c) => c.id)).toContain(String(target.id));
    // The same filters work for a role that may read those fields.
    expect((await list('compliance', { filter: { idNumber: target.idNumber } }))._allCustomersMeta.count).toBe(1);
  });

  it('lets compliance read every branch, masked', async () => {
    const all = await list('compliance', { perPage: 1000 });
    expect(all._allCustomersMeta.count).toBe(total);
    expect(new Set(all.allCustomers.map((c) => Number(c.branchId)))).toEqual(new Set([f.branch.BJ, f.branch.SH, f.branch.GD, f.branch.SC]));
    const one = (await f.clients.compliance.ok(ONE, { id: sh[0].id })).Customer;
    expect(one.idNumber).toBe(mask('idNumber', sh[0].idNumber));
    expect(one.idNumber).not.toBe(sh[0].idNumber);
    expect(one.phone).toBe(mask('phone', sh[0].phone));
  });

  it('gives the administrator no customer data at all', async () => {
    for (const query of [LIST, '{ _allCustomersMeta { count } }']) {
      expect(refusal(await f.clients.admin.request(query)).code).toBe('FORBIDDEN');
    }
    expect(refusal(await f.clients.admin.request(ONE, { id: bj[0].id })).code).toBe('FORBIDDEN');
  });

  it('guards nested policies of a customer and their holders like any other read', async () => {
    const NESTED = 'query N($id: ID!) { Customer(id: $id) { id policies { id branchId holder { id name idNumber } } } }';
    const holderRow: { id: number }[] = await server.db.query('SELECT holder_id AS id FROM policy WHERE branch_id = ? ORDER BY id LIMIT 1', [f.branch.BJ]);
    const holder = bj.find((c) => c.id === Number(holderRow[0].id))!;
    const expectedPolicies = await countRows(server, 'SELECT COUNT(*) AS n FROM policy WHERE holder_id = ? OR insured_id = ?', [holder.id, holder.id]);
    for (const role of ['agent', 'manager', 'compliance'] as const) {
      const { policies } = (await f.clients[role].ok(NESTED, { id: holder.id })).Customer;
      expect(policies).toHaveLength(expectedPolicies);
      const held = policies.filter((p: { holder: { id: string } }) => p.holder.id === String(holder.id));
      expect(held.length).toBeGreaterThan(0);
      for (const p of held) expect(p.holder).toEqual({ id: String(holder.id), name: holder.name, idNumber: mask('idNumber', holder.idNumber) });
    }
    const inspected = (await f.clients.inspector.ok(NESTED, { id: holder.id })).Customer;
    expect(inspected.policies).toHaveLength(expectedPolicies);
    for (const p of inspected.policies) expect(p.holder.idNumber).toBeNull();
    expect(refusal(await f.clients.agent2.request(NESTED, { id: holder.id })).code).toBe('NOT_FOUND');
  });
});
