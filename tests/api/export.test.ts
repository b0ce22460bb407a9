import { Branch } from '../../server/src/modules/branches/branch.entity';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { startTestServer, type TestServer } from '../support/test-server';

const EXPORT_CUSTOMERS = `mutation Export($filter: CustomerFilter, $locale: String) {
  exportCustomers(filter: $filter, sortField: "id", sortOrder: ASC, locale: $locale) { filename csv rows }
}`;

const EXPORT_POLICIES = `mutation Export($filter: PolicyFilter) { exportPolicies(filter: $filter, sortField: "id", sortOrder: ASC) { rows } }`;

function parse(csv: string): string[][] {
  return csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
}

describe('CSV export', () => {
  let server: TestServer;
  let bj: Branch;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 40, policies: 40 } });
    bj = (await server.db.getRepository(Branch).findOneBy({ code: 'BJ' }))!;
  });
  afterAll(() => server.stop());

  it('gives a manager their branch only, masked like the screen, and audits it', async () => {
    const manager = await server.signIn('manager');
    const { exportCustomers } = await manager.ok(EXPORT_CUSTOMERS, {});
    const expected = await server.db.getRepository(Customer).find({ where: { branchId: bj.id }, order: { id: 'ASC' } });
    expect(exportCustomers.rows).toBe(expected.length);
    const [header, ...rows] = parse(exportCustomers.csv);
    expect(header).toContain('证件号码');
    const idColumn = header.indexOf('证件号码');
    const branchColumn = header.indexOf('所属机构');
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      expect(row[branchColumn]).toBe(String(bj.id));
      expect(row[idColumn]).toMatch(/^\w{3}\*+\w{4}$/);
      expect(exportCustomers.csv).not.toContain(expected[i].idNumber);
    });
    const audit: { changes: string; outcome: string }[] = await server.db.query("SELECT changes, outcome FROM audit_entry WHERE action = 'export'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].changes).rows).toBe(expected.length);
  });

  it('uses English headings on request', async () => {
    const compliance = await server.signIn('compliance');
    const { exportCustomers } = await compliance.ok(EXPORT_CUSTOMERS, { locale: 'en', filter: { kind: 'individual' } });
    expect(parse(exportCustomers.csv)[0]).toContain('ID number');
    expect(exportCustomers.rows).toBe(await server.db.getRepository(Customer).count({ where: { kind: 'individual' as never } }));
  });

  it('refuses roles without the export right, and records the refusal', async () => {
    for (const username of ['agent', 'inspector', 'admin']) {
      const client = await server.signIn(username);
      expect(await client.errorCode(EXPORT_CUSTOMERS, {})).toBe('FORBIDDEN');
    }
    const denied: unknown[] = await server.db.query("SELECT id FROM audit_entry WHERE action = 'mutation.exportCustomers' AND outcome = 'denied'");
    expect(denied).toHaveLength(3);
  });

  it('refuses an export past 10,000 rows, naming the filter, exporting and auditing nothing; a narrower filter goes through', async () => {
    const policies = server.db.getRepository(Policy);
    const { id: _id, ...source } = await policies.findOneByOrFail({ branchId: bj.id });
    const copies = Array.from({ length: 10_001 }, (_, i) => ({ ...source, policyNumber: `EXPORTCAP${String(i).padStart(6, '0')}` }));
    for (let i = 0; i < copies.length; i += 500) await policies.insert(copies.slice(i, i + 500));
    const exports = async () => ((await server.db.query("SELECT id FROM audit_entry WHERE action = 'export'")) as unknown[]).length;
    const before = await exports();
    const manager = await server.signIn('manager');
    const refused = await manager.request(EXPORT_POLICIES, {});
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.fields).toEqual({ filter: 'matches more than 10000 rows; an export holds at most 10000: narrow the filter' });
    expect(await exports()).toBe(before);
    const { exportPolicies } = await manager.ok(EXPORT_POLICIES, { filter: { q: 'EXPORTCAP00' } });
    expect(exportPolicies.rows).toBe(10_000);
    expect(await exports()).toBe(before + 1);
  });
});
