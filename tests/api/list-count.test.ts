// The registers' capped count (`countUpTo`): exact below the limit, "more" above it, under each role's row rules.
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { countRows, refusal, signInAll, type Fixture, type RoleName } from './access-helpers';

interface Counts { count: number; below: { count: number; more: boolean }; at: { count: number; more: boolean }; wide: { count: number; more: boolean } }

/** One register's exact count beside three capped counts: one under the total, one at it, one far above. */
const COUNTS = (meta: string, filterType: string) => `query Counts($filter: ${filterType}, $below: Int!, $at: Int!) {
  meta: ${meta}(filter: $filter) {
    count
    below: countUpTo(limit: $below) { count more }
    at: countUpTo(limit: $at) { count more }
    wide: countUpTo(limit: 1000000) { count more }
  }
}`;

describe('capped counts of the registers', () => {
  let server: TestServer;
  let f: Fixture;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 60, policies: 80 } });
    f = await signInAll(server);
  });
  afterAll(() => server.stop());

  /** Asks twice: once for the exact count, then capped just under and exactly at it. */
  async function capped(role: RoleName, meta: string, filterType: string, filter: Record<string, unknown> = {}) {
    const probe = await f.clients[role].ok<{ meta: Counts }>(COUNTS(meta, filterType), { filter, below: 1, at: 1 });
    const total = probe.meta.count;
    const { meta: counts } = await f.clients[role].ok<{ meta: Counts }>(COUNTS(meta, filterType), { filter, below: Math.max(total - 1, 1), at: Math.max(total, 1) });
    return { total, counts };
  }

  function expectCapped(total: number, counts: Counts) {
    expect(total).toBeGreaterThan(2);
    expect(counts.count).toBe(total);
    expect(counts.below).toEqual({ count: total - 1, more: true });
    expect(counts.at).toEqual({ count: total, more: false });
    expect(counts.wide).toEqual({ count: total, more: false });
  }

  it.each([
    ['agent', 'SELECT COUNT(*) AS n FROM customer WHERE branch_id = ?', 'BJ'],
    ['manager', 'SELECT COUNT(*) AS n FROM customer WHERE branch_id = ?', 'BJ'],
    ['agent2', 'SELECT COUNT(*) AS n FROM customer WHERE branch_id = ?', 'SH'],
    ['compliance', 'SELECT COUNT(*) AS n FROM customer', undefined],
  ] as const)('customers as %s: the rows the role may read, counted in the database', async (role, sql, branch) => {
    const { total, counts } = await capped(role, '_allCustomersMeta', 'CustomerFilter');
    expect(total).toBe(await countRows(server, sql, branch ? [f.branch[branch]] : []));
    expectCapped(total, counts);
  });

  it('policies filtered by a holder-name prefix (a subquery with its own parameters) count the same rows capped as exactly', async () => {
    const [{ name }]: { name: string }[] = await server.db.query('SELECT name FROM customer c WHERE EXISTS (SELECT 1 FROM policy p WHERE p.holder_id = c.id) ORDER BY id LIMIT 1');
    const prefix = name.slice(0, 1);
    const { total, counts } = await capped('compliance', '_allPoliciesMeta', 'PolicyFilter', { q: prefix });
    const expected = await countRows(server, 'SELECT COUNT(*) AS n FROM policy p JOIN customer c ON c.id = p.holder_id WHERE c.name LIKE ?', [`${prefix}%`]);
    expect(total).toBe(expected);
    if (total > 2) expectCapped(total, counts);
    else expect(counts.wide).toEqual({ count: total, more: false });
  });

  it.each([
    ['manager', '_allComplaintsMeta', 'ComplaintFilter'],
    ['compliance', '_allComplaintsMeta', 'ComplaintFilter'],
    ['compliance', '_allAuditEntriesMeta', 'AuditEntryFilter'],
    ['manager', '_allPoliciesMeta', 'PolicyFilter'],
  ] as const)('%s: %s capped just under its total says there are more', async (role, meta, filterType) => {
    const { total, counts } = await capped(role, meta, filterType);
    expectCapped(total, counts);
  });

  it('counts policy reminders (their window read from the settings first) capped as exactly', async () => {
    const { total, counts } = await capped('compliance', '_allPolicyRemindersMeta', 'PolicyReminderFilter', { withinDays: 90 });
    expectCapped(total, counts);
  });

  it('answers a small list (roles) from its exact count', async () => {
    const { total, counts } = await capped('admin', '_allRolesMeta', 'RoleFilter');
    expect(total).toBe(await countRows(server, 'SELECT COUNT(*) AS n FROM role'));
    expectCapped(total, counts);
  });

  it('answers a screen from a recent count past its limit, while the exact count and other limits count afresh', async () => {
    const [{ prefix }]: { prefix: string }[] = await server.db.query(
      'SELECT SUBSTR(name, 1, 1) AS prefix FROM customer GROUP BY SUBSTR(name, 1, 1) HAVING COUNT(*) >= 3 ORDER BY COUNT(*) DESC LIMIT 1',
    );
    const query = 'query($f: CustomerFilter, $l: Int!) { m: _allCustomersMeta(filter: $f) { count countUpTo(limit: $l) { count more } } }';
    const ask = (limit: number) => f.clients.compliance.ok<{ m: { count: number; countUpTo: { count: number; more: boolean } } }>(query, { f: { name: prefix }, l: limit });
    const before = (await ask(1)).m.count;
    const limit = before - 1;
    expect((await ask(limit)).m.countUpTo).toEqual({ count: limit, more: true });
    const [{ id }]: { id: number }[] = await server.db.query('SELECT id FROM customer WHERE name LIKE ? ORDER BY id LIMIT 1', [`${prefix}%`]);
    const [{ name }]: { name: string }[] = await server.db.query('SELECT name FROM customer WHERE id = ?', [id]);
    await server.db.query('UPDATE customer SET name = ? WHERE id = ?', [`~${name}`, id]);
    try {
      const after = await ask(limit);
      expect(after.m.count).toBe(limit);
      // Still "more" for a few seconds: the same statement found more than `limit` a moment ago.
      expect(after.m.countUpTo).toEqual({ count: limit, more: true });
      // Another limit is another statement, counted now.
      expect((await ask(before)).m.countUpTo).toEqual({ count: limit, more: false });
    } finally {
      await server.db.query('UPDATE customer SET name = ? WHERE id = ?', [name, id]);
    }
  });

  it('answers a screen from a recent exact count of 1,000 rows or more; a smaller count is always current', async () => {
    const policies = server.db.getRepository(Policy);
    const { id: _id, ...source } = await policies.findOneByOrFail({});
    const copies = Array.from({ length: 1_000 }, (_, i) => ({ ...source, policyNumber: `REUSE${String(i).padStart(4, '0')}` }));
    for (let i = 0; i < copies.length; i += 500) await policies.insert(copies.slice(i, i + 500));
    const query = 'query($f: PolicyFilter) { m: _allPoliciesMeta(filter: $f) { count countUpTo(limit: 10000) { count more } } }';
    const ask = async (q: string) => (await f.clients.compliance.ok<{ m: { count: number; countUpTo: { count: number; more: boolean } } }>(query, { f: { q } })).m;
    expect(await ask('REUSE')).toEqual({ count: 1_000, countUpTo: { count: 1_000, more: false } });
    expect(await ask('REUSE00')).toEqual({ count: 100, countUpTo: { count: 100, more: false } });
    await server.db.query("DELETE FROM policy WHERE policy_number IN ('REUSE0000', 'REUSE0999')");
    expect(await ask('REUSE')).toEqual({ count: 998, countUpTo: { count: 1_000, more: false } });
    expect(await ask('REUSE00')).toEqual({ count: 99, countUpTo: { count: 99, more: false } });
    await server.db.query("DELETE FROM policy WHERE policy_number LIKE 'REUSE%'");
  });

  it('refuses a limit under 1, naming the argument', async () => {
    const result = await f.clients.compliance.request('{ _allCustomersMeta { countUpTo(limit: 0) { count more } } }');
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { limit: 'must be at least 1' } });
  });
});
