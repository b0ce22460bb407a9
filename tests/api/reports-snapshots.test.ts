import crypto from 'node:crypto';
import fs from 'node:fs';
import { buildAbility } from '../../server/src/access/ability';
import { backfillComplaintOutcomes } from '../../server/src/modules/complaints/complaint-outcomes.backfill';
import { periodFigures } from '../../server/src/modules/reports/complaint-statistics';
import { periodBounds, resolvePeriod } from '../../server/src/modules/reports/report-period';
import { BUILT_IN_ROLES } from '../../server/src/seed/built-in-roles';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { countOf, setClock } from './complaints-helpers';
import { bj, loadComplaintFixture, type ComplaintFixture } from './reports-complaints-fixture';
import { download, GENERATE, generate, JOB, pdfOf, REPORT, sheet as sheetOf, xlsxSheets } from './reports-helpers';

// What every report kind shares, shown on the complaint statistics over the hand-built register of
// reports-complaints-fixture.ts: generation through one mutation, immutable snapshots and their hash,
// period validation, the XLSX and PDF exports (parsed back) and their audit, progress in chunks, jobs.
jest.setTimeout(120_000);

const KIND = 'complaint_statistics';
const Q3 = { kind: 'quarter', year: 2026, index: 3 };

describe('report snapshots, exports and jobs', () => {
  let server: TestServer;
  let compliance: GqlClient;
  let manager: GqlClient;
  let branch: ComplaintFixture['branch'];
  let ids: ComplaintFixture['ids'];

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    ({ branch, ids } = await loadComplaintFixture(server));
    setClock('2026-11-22T12:00:00+08:00');
    [compliance, manager] = [await server.signIn('compliance'), await server.signIn('manager')];
  });
  afterAll(() => server.stop());

  it('keeps snapshots immutable: no update or delete, a new generation is a new snapshot, the hash is of the stored content', async () => {
    const { __schema } = await compliance.ok<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>('{ __schema { mutationType { fields { name } } } }');
    const mutations = __schema.mutationType.fields.map((f) => f.name);
    expect(mutations).toContain('generateReport');
    expect(mutations.filter((n) => /compliancereport|reportjob|snapshot/i.test(n))).toEqual([]);

    const first = await generate(compliance, KIND, { kind: 'month', year: 2026, index: 8 });
    expect(first.content.current.totals).toMatchObject({ received: 2, closed: 2, accepted: 1 });
    expect(crypto.createHash('sha256').update(JSON.stringify(first.content), 'utf8').digest('hex')).toBe(first.contentHash);
    // The register changes; the snapshot does not. The next generation sees the change.
    await server.db.query("UPDATE complaint SET channel = 'media' WHERE id = ?", [ids.C7]);
    const second = await generate(compliance, KIND, { kind: 'month', year: 2026, index: 8 });
    expect(second.id).not.toBe(first.id);
    expect(second.contentHash).not.toBe(first.contentHash);
    const again = (await compliance.ok<{ ComplianceReport: Record<string, any> }>(REPORT, { id: first.id })).ComplianceReport;
    expect(again.content).toEqual(first.content);
    expect(again.contentHash).toBe(first.contentHash);
    expect(again.hashVerified).toBe(true);
    await server.db.query("UPDATE complaint SET channel = 'hotline' WHERE id = ?", [ids.C7]);
    // Tampering with the stored content directly shows.
    await server.db.query("UPDATE compliance_report SET content = REPLACE(content, '\"received\":2', '\"received\":3') WHERE id = ?", [Number(first.id)]);
    expect((await compliance.ok<{ ComplianceReport: { hashVerified: boolean } }>(REPORT, { id: first.id })).ComplianceReport.hashVerified).toBe(false);
  });

  it('refuses bad periods with the field named', async () => {
    const result = await compliance.request(GENERATE, { kind: KIND, period: { kind: 'quarter', year: 2026, index: 5 } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'period.index': expect.any(String) } });
    expect(await compliance.errorCode(GENERATE, { kind: KIND, period: { kind: 'month', year: 2026 } })).toBe('BAD_USER_INPUT');
    const custom = await compliance.request(GENERATE, { kind: KIND, period: { kind: 'custom', from: '2026-09-30', to: '2026-09-01' } });
    expect(custom.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'period.to': expect.any(String) } });
    expect(await compliance.errorCode(GENERATE, { kind: KIND, period: Q3, branchId: '999999' })).toBe('BAD_USER_INPUT');
  });

  it('exports XLSX and PDF (Chinese) that read back with the figures, each download audited', async () => {
    const report = await generate(compliance, KIND, Q3);
    const before = await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'document.download' AND subject_type = 'ComplianceReport'");

    const sheets = await xlsxSheets(await download(server, `/documents/compliance-reports/${report.id}.xlsx`, compliance.token));
    const sheet = (name: string) => sheetOf(sheets, name);
    expect(sheet('投诉统计报表').flat()).toEqual(expect.arrayContaining(['统计期间', '2026-Q3（2026-07-01 ~ 2026-09-30）', '全公司', report.contentHash]));
    expect(sheet('总体情况')).toEqual(expect.arrayContaining([['受理登记量（收到）', 7], ['受理', 4], ['办结', 4], ['期末未结', 3], ['监管转办', 1], ['平均办理工作日', 7.25], ['满意度均值', 3]]));
    expect(sheet('按投诉类别')).toEqual(expect.arrayContaining([['理赔', 4], ['销售', 1], ['服务态度', 1], ['产品', 1]]));
    expect(sheet('办理时长（工作日）')).toEqual([['办结件数', '平均值', '中位数', '90分位数'], [4, 7.25, 5.5, 13]]);
    expect(sheet('时限达成情况')).toEqual(expect.arrayContaining([['首次响应（48小时）', 5, 2, 0, '71%', '29%'], ['监管处理时限', 2, 3, 0, '40%', '60%']]));
    expect(sheet('回访满意度')).toEqual(expect.arrayContaining([['1', 1], ['5', 1], ['回访件数', 4]]));
    expect(sheet('升级提醒')).toEqual(expect.arrayContaining([['合计', 3], ['涉及投诉件数', 2]]));

    // The console shows the same tables the XLSX holds, from the same rendering.
    for (const table of report.tables) expect(sheet(table.heading)).toEqual([table.columns, ...table.rows.map((r) => r.map((c) => c ?? '—'))]);

    const en = await xlsxSheets(await download(server, `/documents/compliance-reports/${report.id}.xlsx?locale=en`, compliance.token));
    expect([...en.keys()]).toEqual(expect.arrayContaining(['Complaint statistics', 'Overview', 'By category', 'Deadlines']));

    const { bytes, text } = await pdfOf(await download(server, `/documents/compliance-reports/${report.id}.pdf`, compliance.token));
    if (process.env.REPORT_PDF_OUT) fs.writeFileSync(process.env.REPORT_PDF_OUT, bytes);
    for (const expected of ['投诉统计报表', '全公司', '2026-Q3', '受理登记量（收到）', '按投诉类别', '理赔', '时限达成情况', '71%', '7.25', '5.5', '回访满意度', report.contentHash.slice(0, 16)]) {
      expect(text).toContain(expected);
    }
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'document.download' AND subject_type = 'ComplianceReport'")).toBe(before + 3);
  });

  it('computes a big period from the stored deadline outcomes, reporting progress as each statement finishes', async () => {
    // 2024 holds nothing else: 1,250 complaints, every one closed after 2 working days with score 4.
    const n = 1250;
    for (let start = 0; start < n; start += 100) {
      const rows = Array.from({ length: Math.min(100, n - start) }, (_, i) => start + i);
      const values = rows.map(() => "(?, 'closed', 'hotline', '批量', ?, 'claims', 'general', '[]', '批量统计', ?, ?, ?, 4, 1, ?, ?)").join(', ');
      const params = rows.flatMap((i) => [`TS2024${String(i).padStart(8, '0')}`, Number(branch.BJ), bj('2024-03-04T10:00'), bj('2024-03-04T11:00'), bj('2024-03-06T10:00'), bj('2024-03-04T10:00'), bj('2024-03-04T10:00')]);
      await server.db.query(
        `INSERT INTO complaint (number, state, channel, complainant_name, branch_id, category, severity, major_reasons, summary, received_at, first_response_at, closed_at, satisfaction, version, created_at, updated_at) VALUES ${values}`,
        params,
      );
    }
    // Inserted behind the service's back: their outcomes are stored as the migration does for old rows.
    await backfillComplaintOutcomes(server.db.manager, 'Asia/Shanghai');
    const period = resolvePeriod({ kind: 'year', year: 2024 });
    const rules = BUILT_IN_ROLES.find((r) => r.name === 'compliance')!.rules;
    const seen: number[] = [];
    const [figures] = await periodFigures(
      {
        db: server.db, ability: buildAbility(rules, { id: 1, branchId: null }), branchId: null, scopeName: '全公司', timezone: 'Asia/Shanghai', asOf: new Date(), period,
        bounds: periodBounds(period, 'Asia/Shanghai'),
      },
      [{ period, bounds: periodBounds(period, 'Asia/Shanghai') }],
      async (fraction) => {
        seen.push(fraction);
      },
    );
    expect(figures.totals).toMatchObject({ received: n, closed: n, openAtEnd: 0, handlingMean: 2, satisfactionMean: 4 });
    expect(figures.handling).toEqual({ count: n, mean: 2, median: 2, p90: 2 });
    expect(figures.deadlines[0]).toMatchObject({ clock: 'first_response', met: n, breached: 0 });
    // One step per statement as it finishes, the last at 1.
    expect(seen).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("shows a job only to whoever started it, and fails one whose server stopped mid-way", async () => {
    const [{ id: staffId }] = await server.db.query("SELECT id FROM staff WHERE username = 'compliance'");
    const stale = bj('2026-11-22T11:00');
    await server.db.query(
      "INSERT INTO report_job (kind, status, progress, parameters, requested_by_id, created_at, started_at, heartbeat_at) VALUES ('complaint_statistics', 'running', 40, '{}', ?, ?, ?, ?)",
      [staffId, stale, stale, stale],
    );
    const [{ id }] = await server.db.query('SELECT MAX(id) AS id FROM report_job');
    expect(await manager.errorCode(JOB, { id: String(id) })).toBe('NOT_FOUND');
    const { reportJob } = await compliance.ok<{ reportJob: { status: string; error: string } }>(JOB, { id: String(id) });
    expect(reportJob).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
  });
});
