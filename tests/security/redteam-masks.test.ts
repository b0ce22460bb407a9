// Red team, masks: the same value seen on every screen and in every file (list, show, nested records,
// CSV export, the audit trail, a complaint, the inquiry desk) carries the one mask, so no two views combine
// into more than one of them shows; and the mask plus what a role can read plus an exact-value search is
// no way to the clear value either.
import { mask, type SensitiveKind } from '../../server/src/access/mask';
import { LOOKUP_BUDGET } from '../../server/src/access/sensitive-lookups';
import { advanceClock } from '../../server/src/clock';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { signInAll, type Fixture, type RoleName } from '../api/access-helpers';
import { policiesOf, RESET, setQueryPassword, STAFF_INQUIRY } from '../api/inquiry-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { csvRecords } from './support/csv';

const KINDS: Record<string, SensitiveKind> = { idNumber: 'idNumber', phone: 'phone', email: 'email', address: 'address' };
const HEADINGS: Record<string, string> = { idNumber: 'ID number', phone: 'Phone', email: 'E-mail', address: 'Address' };
const FIELDS = 'idNumber phone email address';

describe('red team: masks combined across screens and files', () => {
  let server: TestServer;
  let f: Fixture;
  let target: Customer;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 24, policies: 24 } });
    f = await signInAll(server);
    const holders = await server.db.getRepository(Policy).find({ where: { branchId: f.branch.BJ }, order: { id: 'ASC' } });
    target = await server.db.getRepository(Customer).findOneByOrFail({ id: holders[0].holderId });
    // Fill every sensitive field, so each has a mask to compare.
    await server.db.getRepository(Customer).update({ id: target.id }, { email: 'zhang.wei.1987@example.cn', address: '北京市朝阳区建国路88号院3号楼1201' } as never);
    target = await server.db.getRepository(Customer).findOneByOrFail({ id: target.id });
  });
  afterAll(() => server.stop());

  /** Every view of the target's sensitive fields a role gets, by where it came from. */
  async function views(role: RoleName): Promise<Array<{ where: string; field: string; value: unknown }>> {
    const client = f.clients[role];
    const out: Array<{ where: string; field: string; value: unknown }> = [];
    const add = (where: string, record: Record<string, unknown> | null | undefined) => {
      for (const field of Object.keys(KINDS)) if (record && field in record) out.push({ where, field, value: record[field] });
    };
    const id = String(target.id);
    add('list', (await client.ok(`query Q($ids: [ID!]) { allCustomers(filter: { ids: $ids }) { ${FIELDS} } }`, { ids: [id] })).allCustomers[0]);
    add('show', (await client.ok(`query Q($id: ID!) { Customer(id: $id) { ${FIELDS} } }`, { id })).Customer);
    const { allPolicies } = await client.ok(`query Q($h: ID) { allPolicies(filter: { holderId: $h }) { holder { ${FIELDS} } } }`, { h: id });
    add('policy → holder', allPolicies[0]?.holder);
    const exported = await client.request('mutation E($ids: [ID!]) { exportCustomers(filter: { ids: $ids }, locale: "en") { csv } }', { ids: [id] });
    if (exported.data) {
      const [row] = csvRecords(exported.data.exportCustomers.csv);
      add('CSV export', Object.fromEntries(Object.entries(HEADINGS).map(([field, heading]) => [field, row[heading]])));
    }
    return out;
  }

  it('shows each sensitive value with the one mask everywhere, for every role that reads it', async () => {
    for (const role of ['agent', 'manager', 'compliance'] as const) {
      const seen = await views(role);
      expect(new Set(seen.map((s) => s.where))).toEqual(new Set(['list', 'show', 'policy → holder', ...(role === 'agent' ? [] : ['CSV export'])]));
      for (const { where, field, value } of seen) {
        const expected = mask(KINDS[field], (target as unknown as Record<string, string>)[field]);
        expect([role, where, field, value]).toEqual([role, where, field, expected]);
      }
    }
  });

  it('masks an old value in the change history and a complainant phone the same way as the record', async () => {
    const before = target.phone!;
    await f.clients.manager.ok(`mutation { updateCustomer(id: "${target.id}", version: ${target.version}, phone: "13700001234") { id } }`);
    const { customerChangeHistory } = await f.clients.compliance.ok(`query Q($id: ID!) { customerChangeHistory(customerId: $id) { fieldChanges { field from to } } }`, { id: String(target.id) });
    const phoneChange = customerChangeHistory.flatMap((e: { fieldChanges: Array<{ field: string; from: unknown; to: unknown }> | null }) => e.fieldChanges ?? []).find((c: { field: string }) => c.field === 'phone');
    expect(phoneChange).toEqual({ field: 'phone', from: mask('phone', before), to: mask('phone', '13700001234') });
    const { createComplaint } = await f.clients.manager.ok(
      `mutation { createComplaint(channel: hotline, branchId: "${f.branch.BJ}", category: claims, summary: "理赔问题", complainantName: "${target.name}", complainantPhone: "${before}", complainantCustomerId: "${target.id}") { complainantPhone } }`,
    );
    expect(createComplaint.complainantPhone).toBe(mask('phone', before));
  });

  it('keeps the ID number and phone an export was filtered by masked in the trail, and the chain whole with a date filter', async () => {
    const filter = { idNumber: target.idNumber, createdAt_lte: '2099-12-31T23:59:59.000Z' };
    await f.clients.manager.ok('mutation E($filter: CustomerFilter) { exportCustomers(filter: $filter) { rows } }', { filter });
    await f.clients.manager.ok('mutation E($filter: CustomerFilter) { exportCustomers(filter: $filter) { rows } }', { filter: { q: target.idNumber } });
    const { allAuditEntries } = await f.clients.compliance.ok(`{ allAuditEntries(filter: { action: "export" }, perPage: 10, sortField: "seq", sortOrder: DESC) { changes } }`);
    const [byQ, byId] = allAuditEntries.map((e: { changes: { filter: Record<string, unknown> } }) => e.changes.filter);
    expect(byId.idNumber).toBe(mask('idNumber', target.idNumber));
    expect(byQ.q).toBe(mask('idNumber', target.idNumber));
    expect(JSON.stringify(allAuditEntries)).not.toContain(target.idNumber.slice(3, -4));
    expect((await f.clients.compliance.ok('{ verifyAuditChain { ok problem } }')).verifyAuditChain).toEqual({ ok: true, problem: null });
  });

  it('tells the inquiry desk nothing personal: no ID number, no phone, masked or clear', async () => {
    const [policy] = await policiesOf(server, 'BJ', 1);
    await setQueryPassword(f.clients.manager, policy, '581736');
    const result = await f.clients.agent.ok(STAFF_INQUIRY, { channel: 'counter', policyNumber: policy.policyNumber, idNumber: policy.holderIdNumber, queryPassword: '581736' });
    const text = JSON.stringify(result);
    expect(text).not.toContain(policy.holderIdNumber.slice(-4));
    expect(text).not.toContain('*');
  });

  it('gives the agent no way to the clear ID number from the mask, the birth date and the exact-number search', async () => {
    // The agent sees 110***********123X and the birth date; the hidden part is three area digits and the
    // birth date, so at most a thousand numbers fit, and the check digit leaves about ninety.
    const { Customer: seen } = await f.clients.agent.ok(`{ Customer(id: "${target.id}") { idNumber birthDate } }`);
    const [head, tail] = [seen.idNumber.slice(0, 3), seen.idNumber.slice(-4)];
    const born = seen.birthDate.replace(/-/g, '');
    const candidates: string[] = [];
    for (let area = 0; area < 1000; area++) {
      const first17 = `${head}${String(area).padStart(3, '0')}${born}${tail.slice(0, 3)}`;
      if (residentIdCheckDigit(first17) === tail[3]) candidates.push(first17 + tail[3]);
    }
    expect(candidates).toContain(target.idNumber);
    // The attacker cannot choose the order; the test puts the right number late, where a budget should have stopped them.
    candidates.sort((a, b) => Number(a === target.idNumber) - Number(b === target.idNumber));
    let recovered: string | null = null;
    const refusals = new Set<string>();
    for (let i = 0; i < candidates.length && !recovered; i += 10) {
      const batch = candidates.slice(i, i + 10);
      // Both counts the API offers: the exact one and the console's capped one.
      const doc = `{ ${batch.map((c, j) => `c${j}: _allCustomersMeta(filter: { idNumber: "${c}" }) { count countUpTo(limit: 1) { count } }`).join(' ')} }`;
      const result = await f.clients.agent.request(doc);
      for (const e of result.errors ?? []) refusals.add(String(e.extensions?.code));
      batch.forEach((c, j) => {
        if (result.data?.[`c${j}`]?.count === 1 || result.data?.[`c${j}`]?.countUpTo.count === 1) recovered = c;
      });
    }
    expect(recovered).toBeNull();
    expect([...refusals]).toEqual(['RATE_LIMITED']);
    // The attempt is on the trail for compliance.
    const trail: { n: number | string }[] = await server.db.query("SELECT COUNT(*) AS n FROM audit_entry WHERE staff_id = ? AND outcome = 'denied' AND action = 'security.lookup_limited'", [f.staffId.agent]);
    expect(Number(trail[0].n)).toBeGreaterThanOrEqual(1);
  });

  it('never limits searches that find the customer: a busy counter is not an attack', async () => {
    const shanghai = await server.db.getRepository(Customer).find({ where: { branchId: f.branch.SH }, order: { id: 'ASC' } });
    for (let i = 0; i < 40; i++) {
      const c = shanghai[i % shanghai.length];
      const { _allCustomersMeta } = await f.clients.agent2.ok('query Q($n: String) { _allCustomersMeta(filter: { idNumber: $n }) { count } }', { n: c.idNumber });
      expect(_allCustomersMeta.count).toBe(1);
    }
  });

  it('gives no ID-number oracle through the query-password reset either, and the budget returns with time', async () => {
    advanceClock(LOOKUP_BUDGET.windowMs + 1000);
    const [policy] = await policiesOf(server, 'BJ', 1);
    const reset = (idNumber: string) => f.clients.agent.request(RESET, { policyId: policy.id, idNumber, identityCheck: 'id_document_at_counter', newPassword: '730514' });
    const codes: string[] = [];
    for (let i = 0; i < LOOKUP_BUDGET.misses + 5; i++) codes.push(String((await reset(`11010119800101${String(1000 + i).slice(1)}X`)).errors?.[0]?.extensions?.code));
    expect(codes.slice(0, LOOKUP_BUDGET.misses).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
    expect(new Set(codes.slice(LOOKUP_BUDGET.misses))).toEqual(new Set(['RATE_LIMITED']));
    // Even the right number waits now; after the window it works again.
    expect((await reset(policy.holderIdNumber)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    advanceClock(LOOKUP_BUDGET.windowMs + 1000);
    expect((await reset(policy.holderIdNumber)).errors).toBeUndefined();
  });
});
