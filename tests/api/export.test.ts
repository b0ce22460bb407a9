import { Branch } from '../../server/src/modules/branches/branch.entity';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { startTestServer, type TestServer } from '../support/test-server';

const EXPORT_CUSTOMERS = `mutation Export($filter: CustomerFilter, $locale: String) {
  exportCustomers(filter: $filter, sortField: "id", sortOrder: ASC, locale: $locale) { filename csv rows }
}`;

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
});
