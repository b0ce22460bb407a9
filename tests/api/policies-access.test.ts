// What each built-in role can read of policies: rows, totals, filters, sorting, and the holder and
// insured nested in them, which pass the customer guards.
import { mask } from '../../server/src/access/mask';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { countRows, MASKED_ID, refusal, signInAll, type Fixture, type RoleName } from './access-helpers';

const LIST = `query List($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: PolicyFilter) {
  allPolicies(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    id policyNumber branchId premiumFen holderId insuredId
    holder { id name idNumber phone }
    insured { id name }
  }
  _allPoliciesMeta(page: $page, perPage: $perPage, filter: $filter) { count }
}`;
const ONE = 'query One($id: ID!) { Policy(id: $id) { id policyNumber branchId holder { id name idNumber phone } insured { name } } }';

interface Person { id: string; name: string | null; idNumber?: string | null; phone?: string | null }
interface Row { id: string; policyNumber: string; branchId: string; premiumFen: number; holderId: string; insuredId: string; holder: Person | null; insured: Person | null }

describe('policies: what each role can read', () => {
  let server: TestServer;
  let f: Fixture;
  let customers: Map<number, Customer>;
  let bjPolicies: Policy[];
  let shPolicies: Policy[];
  let total: number;
  const list = (role: RoleName, vars: Record<string, unknown> = {}) =>
    f.clients[role].ok<{ allPolicies: Row[]; _allPoliciesMeta: { count: number } }>(LIST, vars);
  const policiesOf = (branchId: number) => server.db.getRepository(Policy).find({ where: { branchId }, order: { id: 'ASC' } });

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 60, policies: 100 } });
    f = await signInAll(server);
    customers = new Map((await server.db.getRepository(Customer).find()).map((c) => [c.id, c]));
    bjPolicies = await policiesOf(f.branch.BJ);
    shPolicies = await policiesOf(f.branch.SH);
    total = await countRows(server, 'SELECT COUNT(*) AS n FROM policy');
    expect(bjPolicies.length).toBeGreaterThan(10);
    expect(shPolicies.length).toBeGreaterThan(10);
  });
  afterAll(() => server.stop());

  it.each([
    ['agent', 'BJ'],
    ['agent2', 'SH'],
    ['manager', 'BJ'],
  ] as const)('%s lists only the policies of branch %s, with an honest total and full pages', async (role, code) => {
    const branchId = f.branch[code];
    const expected = await countRows(server, 'SELECT COUNT(*) AS n FROM policy WHERE branch_id = ?', [branchId]);
    const page = await list(role, { perPage: 10 });
    expect(page._allPoliciesMeta.count).toBe(expected);
    expect(page.allPolicies).toHaveLength(10);
    const all = await list(role, { perPage: 1000 });
    expect(all.allPolicies).toHaveLength(expected);
    expect(new Set(all.allPolicies.map((p) => Number(p.branchId)))).toEqual(new Set([branchId]));
  });

  it('lets the inspector and compliance list every branch', async () => {
    for (const role of ['inspector', 'compliance'] as const) {
      const all = await list(role, { perPage: 1000 });
      expect(all._allPoliciesMeta.count).toBe(total);
      expect(all.allPolicies).toHaveLength(total);
      expect(new Set(all.allPolicies.map((p) => Number(p.branchId))).size).toBe(4);
    }
  });

  it('refuses the administrator every policy read', async () => {
    for (const query of [LIST, '{ _allPoliciesMeta { count } }']) expect(refusal(await f.clients.admin.request(query)).code).toBe('FORBIDDEN');
    expect(refusal(await f.clients.admin.request(ONE, { id: bjPolicies[0].id })).code).toBe('FORBIDDEN');
  });

  it('answers a policy of another branch exactly like one that does not exist', async () => {
    const own = await f.clients.agent.ok(ONE, { id: bjPolicies[0].id });
    expect(own.Policy.policyNumber).toBe(bjPolicies[0].policyNumber);
    const missing = refusal(await f.clients.agent.request(ONE, { id: '999999' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(refusal(await f.clients.agent.request(ONE, { id: shPolicies[0].id }))).toEqual(missing);
    expect(refusal(await f.clients.manager.request(ONE, { id: shPolicies[0].id }))).toEqual(missing);
    expect(refusal(await f.clients.agent2.request(ONE, { id: bjPolicies[0].id }))).toEqual(missing);
  });

  it('filters within the caller\'s rows: status, line, branch, holder, policy number, expiry range and q', async () => {
    const sample = bjPolicies[0];
    const byStatus = await list('agent', { perPage: 1000, filter: { status: sample.status, line: sample.line } });
    const expected = bjPolicies.filter((p) => p.status === sample.status && p.line === sample.line).map((p) => String(p.id));
    expect(byStatus.allPolicies.map((p) => p.id).sort()).toEqual(expected.sort());
    expect(byStatus._allPoliciesMeta.count).toBe(expected.length);

    const byHolder = await list('agent', { perPage: 1000, filter: { holderId: String(sample.holderId) } });
    expect(byHolder.allPolicies.map((p) => p.id).sort()).toEqual(bjPolicies.filter((p) => p.holderId === sample.holderId).map((p) => String(p.id)).sort());
    const byNumber = await list('agent', { filter: { policyNumber: sample.policyNumber } });
    expect(byNumber.allPolicies.map((p) => p.id)).toEqual([String(sample.id)]);
    const byPrefix = await list('agent', { perPage: 1000, filter: { q: sample.policyNumber.slice(0, -2) } });
    expect(byPrefix.allPolicies.map((p) => p.id)).toContain(String(sample.id));

    const from = sample.expiryDate;
    const inRange = await list('manager', { perPage: 1000, filter: { expiryDate_gte: from, expiryDate_lte: from } });
    expect(inRange.allPolicies.map((p) => p.id).sort()).toEqual(bjPolicies.filter((p) => p.expiryDate === from).map((p) => String(p.id)).sort());

    // Another branch's policies stay invisible whichever filter names them.
    const other = shPolicies[0];
    for (const filter of [{ branchId: String(f.branch.SH) }, { holderId: String(other.holderId) }, { policyNumber: other.policyNumber }, { ids: [String(other.id)] }, { q: other.policyNumber }]) {
      const result = await list('agent', { filter });
      expect(result.allPolicies).toEqual([]);
      expect(result._allPoliciesMeta.count).toBe(0);
    }
    expect((await list('compliance', { filter: { policyNumber: other.policyNumber } })).allPolicies.map((p) => p.id)).toEqual([String(other.id)]);
  });

  it('sorts on the server over the caller\'s rows', async () => {
    const expected: { id: number }[] = await server.db.query('SELECT id FROM policy WHERE branch_id = ? ORDER BY premium_fen ASC, id ASC', [f.branch.SH]);
    const sorted = await list('agent2', { perPage: 1000, sortField: 'premiumFen', sortOrder: 'ASC' });
    expect(sorted.allPolicies.map((p) => Number(p.id))).toEqual(expected.map((r) => Number(r.id)));
    const premiums = sorted.allPolicies.map((p) => p.premiumFen);
    expect(premiums).toEqual([...premiums].sort((a, b) => a - b));
    expect(refusal(await f.clients.agent2.request(LIST, { sortField: 'holderName' })).code).toBe('BAD_USER_INPUT');
  });

  it('shows agents, managers and compliance the nested holder masked and the insured by name', async () => {
    for (const role of ['agent', 'manager', 'compliance'] as const) {
      const { allPolicies } = await list(role, { perPage: 1000 });
      for (const p of allPolicies) {
        const holder = customers.get(Number(p.holderId))!;
        expect(p.holder).toEqual({ id: String(holder.id), name: holder.name, idNumber: mask('idNumber', holder.idNumber), phone: mask('phone', holder.phone) });
        expect(p.insured!.name).toBe(customers.get(Number(p.insuredId))!.name);
      }
      const individual = allPolicies.find((p) => customers.get(Number(p.holderId))!.idType === 'resident_id')!;
      expect(individual.holder!.idNumber).toMatch(MASKED_ID);
    }
  });

  it('shows the inspector holder and insured names but no ID number or phone', async () => {
    const { allPolicies } = await list('inspector', { perPage: 1000 });
    for (const p of allPolicies) {
      const holder = customers.get(Number(p.holderId))!;
      expect(p.holder).toEqual({ id: String(holder.id), name: holder.name, idNumber: null, phone: null });
      expect(p.insured!.name).toBe(customers.get(Number(p.insuredId))!.name);
    }
    const one = (await f.clients.inspector.ok(ONE, { id: shPolicies[0].id })).Policy;
    expect(one.holder).toMatchObject({ idNumber: null, phone: null, name: customers.get(shPolicies[0].holderId)!.name });
  });

  it('hides a nested holder the caller may not read, even on a policy they may', async () => {
    // A policy of the agent's branch whose holder belongs to another branch.
    const policy = bjPolicies[1];
    const stranger = [...customers.values()].find((c) => c.branchId === f.branch.SH)!;
    await server.db.getRepository(Policy).update({ id: policy.id }, { holderId: stranger.id });
    const seen = (await f.clients.agent.ok(ONE, { id: policy.id })).Policy;
    expect(seen.policyNumber).toBe(policy.policyNumber);
    expect(seen.holder).toBeNull();
    const listed = (await list('agent', { filter: { ids: [String(policy.id)] } })).allPolicies;
    expect(listed).toHaveLength(1);
    expect(listed[0].holder).toBeNull();
    expect(JSON.stringify(listed)).not.toContain(stranger.name);
    // Nor does q find the policy by the hidden holder's name: that would tell the agent who holds it.
    const byHolderName = await list('agent', { perPage: 1000, filter: { q: stranger.name } });
    expect(byHolderName.allPolicies.map((p) => p.id)).not.toContain(String(policy.id));
    expect((await list('compliance', { perPage: 1000, filter: { q: stranger.name } })).allPolicies.map((p) => p.id)).toContain(String(policy.id));
    // Compliance reads every branch and sees the holder, masked.
    expect((await f.clients.compliance.ok(ONE, { id: policy.id })).Policy.holder.idNumber).toBe(mask('idNumber', stranger.idNumber));
  });
});
