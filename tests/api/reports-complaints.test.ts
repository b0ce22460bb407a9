import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildAbility } from '../../server/src/access/ability';
import { sqlTime } from '../../server/src/db/columns';
import { loadClockContext } from '../../server/src/modules/complaints/complaint-deadlines';
import { CHUNK, periodFigures } from '../../server/src/modules/reports/complaint-statistics';
import { periodBounds, resolvePeriod } from '../../server/src/modules/reports/report-period';
import { BUILT_IN_ROLES } from '../../server/src/seed/built-in-roles';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, countOf, setClock } from './complaints-helpers';
import { pdfText } from '../support/pdf-text';

// Report 1, complaint statistics, against a register built by hand (fixture below) whose every figure
// was worked out on paper: 2026 Q3 (1 July – 30 September, Beijing time), the previous quarter and
// 2025 Q3, judged on 22 November 2026. Calendar facts used: 中秋 25–27 Sep 2026, 国庆 1–7 Oct 2026
// with make-up working days Sun 20 Sep and Sat 10 Oct. Default policy: first response 48 h, materials
// notice 5 working days, resolution target 7 working days, regulatory 15 calendar days, head office 24 h.
jest.setTimeout(120_000);

const GENERATE = `mutation Gen($period: ReportPeriodInput!, $branchId: ID) {
  generateComplaintReport(period: $period, branchId: $branchId) { id status progress reportId error }
}`;
const JOB = `query Job($id: ID!) { reportJob(id: $id) { id status progress reportId error } }`;
const REPORT = `query R($id: ID!) { ComplianceReport(id: $id) { id kind periodKind periodFrom periodTo periodLabel branchId scopeName
  contentHash hashVerified generatedByName generatedAt content } }`;
const LIST = `query L($filter: ComplianceReportFilter) { allComplianceReports(perPage: 100, filter: $filter) { id branchId periodLabel contentHash generatedByName }
  _allComplianceReportsMeta(filter: $filter) { count } }`;
const Q3 = { kind: 'quarter', year: 2026, index: 3 };

interface Row {
  branch: 'BJ' | 'SH';
  channel: string;
  category: string;
  severity?: string;
  state: string;
  receivedAt: string;
  [step: string]: unknown;
}

// Beijing times; the comments give each complaint's hand-computed outcome.
const FIXTURE: Record<string, Row> = {
  // Handled in 5 working days; every clock met; satisfaction 5.
  C1: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'closed', receivedAt: '2026-07-06T10:00', first_response_at: '2026-07-06T11:00', accepted_at: '2026-07-07T10:00', communicated_at: '2026-07-10T15:00', closed_at: '2026-07-13T10:00', satisfaction: 5 },
  // 13 working days; first response (72 h), materials (due 27 Jul), target (29 Jul), regulatory (4 Aug) all breached; satisfaction 2.
  C2: { branch: 'BJ', channel: 'wechat', category: 'sales', state: 'closed', receivedAt: '2026-07-20T09:00', first_response_at: '2026-07-23T09:00', accepted_at: '2026-07-28T09:00', communicated_at: '2026-08-05T10:00', closed_at: '2026-08-06T10:00', satisfaction: 2 },
  // Regulator-transferred, major: head-office report breached (3 h late), regulator report met; 6 working days; satisfaction 4.
  C3: { branch: 'SH', channel: 'regulator', category: 'claims', severity: 'major', state: 'closed', receivedAt: '2026-08-03T09:00', major_since: '2026-08-03T09:00', regulator_reference: 'JG-2026-001', regulator_due_at: '2026-08-13T18:00', regulator_reported_at: '2026-08-12T10:00', head_office_reported_at: '2026-08-04T12:00', first_response_at: '2026-08-03T15:00', accepted_at: '2026-08-04T09:00', communicated_at: '2026-08-10T10:00', closed_at: '2026-08-11T10:00', satisfaction: 4 },
  // Across the holidays: target due 12 Oct (counting Sat 10 Oct) met; regulatory due 9 Oct breached; closed in Q4 (open at Q3 end).
  C4: { branch: 'SH', channel: 'hotline', category: 'service_manner', state: 'closed', receivedAt: '2026-09-24T10:00', first_response_at: '2026-09-24T12:00', accepted_at: '2026-09-29T10:00', communicated_at: '2026-10-12T10:00', closed_at: '2026-10-13T10:00', satisfaction: 3 },
  // Not accepted the next day: both early clocks met, no resolution clocks.
  C5: { branch: 'BJ', channel: 'letter', category: 'product', state: 'not_accepted', receivedAt: '2026-09-28T10:00', first_response_at: '2026-09-28T11:00', not_accepted_at: '2026-09-29T10:00' },
  // Never answered: four clocks breached by 22 Nov; open at the end.
  C6: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'registered', receivedAt: '2026-09-29T10:00' },
  // Withdrawn the next day: first response met, the other clocks end with it.
  C7: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'withdrawn', receivedAt: '2026-08-10T10:00', first_response_at: '2026-08-10T11:00', withdrawn_at: '2026-08-11T10:00' },
  // Received in Q2, closed 2 Jul: 5 working days, satisfaction 1 count in Q3; clocks all met (Q2's cohort).
  C8: { branch: 'SH', channel: 'email', category: 'claims', state: 'closed', receivedAt: '2026-06-25T10:00', first_response_at: '2026-06-25T11:00', accepted_at: '2026-06-26T10:00', communicated_at: '2026-07-01T10:00', closed_at: '2026-07-02T10:00', satisfaction: 1 },
  // A year earlier: 4 working days, satisfaction 4, all met.
  C9: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'closed', receivedAt: '2025-08-04T10:00', first_response_at: '2025-08-04T11:00', accepted_at: '2025-08-05T10:00', communicated_at: '2025-08-07T10:00', closed_at: '2025-08-08T10:00', satisfaction: 4 },
  // A year earlier, never resolved: target and regulatory breached; open at the end of every later period.
  C10: { branch: 'SH', channel: 'hotline', category: 'sales', state: 'accepted', receivedAt: '2025-09-10T10:00', first_response_at: '2025-09-10T11:00', accepted_at: '2025-09-11T10:00' },
};

// Timeline escalations: Q3 has C2's warning and breach and C3's compliance escalation; C6's falls in Q4, C8's in Q2.
const ESCALATIONS: Array<[string, string, string]> = [
  ['C2', 'escalation_warning', '2026-07-21T18:00'],
  ['C2', 'escalation_breach', '2026-07-22T09:00'],
  ['C3', 'escalation_compliance', '2026-08-05T10:00'],
  ['C6', 'escalation_breach', '2026-10-01T10:00'],
  ['C8', 'escalation_warning', '2026-06-26T10:00'],
];

const bj = (local: string) => sqlTime(new Date(`${local}:00+08:00`));

const zeroCounts = (keys: string[], set: Record<string, number>) => keys.map((key) => ({ key, count: set[key] ?? 0 }));
const CATEGORIES = ['product', 'sales', 'underwriting', 'policy_service', 'claims', 'service_manner', 'information_security', 'other'];
const CHANNELS = ['hotline', 'fax', 'letter', 'counter', 'email', 'website', 'app', 'wechat', 'regulator', 'media'];
const clock = (name: string, met: number, breached: number, metRate: number | null, breachedRate: number | null) => ({ clock: name, met, breached, running: 0, metRate, breachedRate });
const ch = (current: number | null, previous: number | null, delta: number | null, ratio: number | null) => ({ current, previous, delta, ratio });

describe('complaint statistics report', () => {
  let server: TestServer;
  let compliance: GqlClient;
  let manager: GqlClient;
  let agent: GqlClient;
  const branch: Record<string, string> = {};
  const ids: Record<string, number> = {};

  async function insertComplaint(name: string, row: Row, seq: number) {
    const { branch: code, channel, category, severity, state, receivedAt, ...steps } = row;
    const columns: Record<string, unknown> = {
      number: `TS${receivedAt.slice(0, 10).replace(/-/g, '')}${String(seq).padStart(4, '0')}`,
      state,
      channel,
      complainant_name: `投诉人${name}`,
      branch_id: Number(branch[code]),
      category,
      severity: severity ?? 'general',
      major_reasons: JSON.stringify(severity === 'major' ? ['regulator_transferred'] : []),
      summary: `统计测试 ${name}`,
      received_at: bj(receivedAt),
      version: 1,
      created_at: bj(receivedAt),
      updated_at: bj(receivedAt),
    };
    for (const [key, value] of Object.entries(steps)) columns[key] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? bj(value) : value;
    const names = Object.keys(columns);
    await server.db.query(`INSERT INTO complaint (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, Object.values(columns));
    const rows: { id: number }[] = await server.db.query('SELECT id FROM complaint WHERE summary = ?', [`统计测试 ${name}`]);
    ids[name] = Number(rows[0].id);
  }

  async function waitForJob(client: GqlClient, id: string) {
    for (let i = 0; i < 600; i++) {
      const { reportJob } = await client.ok<{ reportJob: { status: string; progress: number; reportId: string | null; error: string | null } }>(JOB, { id });
      if (reportJob.status === 'done' || reportJob.status === 'failed') return reportJob;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the report job did not finish');
  }

  async function generate(client: GqlClient, period: Record<string, unknown>, branchId?: string) {
    const { generateComplaintReport: job } = await client.ok<{ generateComplaintReport: { id: string; status: string } }>(GENERATE, { period, branchId });
    expect(['queued', 'running', 'done']).toContain(job.status);
    const done = await waitForJob(client, job.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, error: null });
    const { ComplianceReport } = await client.ok<{ ComplianceReport: Record<string, any> }>(REPORT, { id: done.reportId });
    return ComplianceReport;
  }

  async function download(path: string, token: string | null) {
    return fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    // The demo register would blur the figures: start from an empty one.
    await server.db.query('DELETE FROM notification');
    await server.db.query('DELETE FROM complaint_event');
    await server.db.query('UPDATE complaint SET rectification_id = NULL');
    await server.db.query('DELETE FROM complaint');
    branch.BJ = await branchIdOf(server, 'BJ');
    branch.SH = await branchIdOf(server, 'SH');
    let seq = 0;
    for (const [name, row] of Object.entries(FIXTURE)) await insertComplaint(name, row, ++seq);
    for (const [name, kind, at] of ESCALATIONS) {
      await server.db.query('INSERT INTO complaint_event (complaint_id, at, kind, data) VALUES (?, ?, ?, ?)', [ids[name], bj(at), kind, JSON.stringify({ level: kind.slice(11) })]);
    }
    setClock('2026-11-22T12:00:00+08:00');
    [compliance, manager, agent] = [await server.signIn('compliance'), await server.signIn('manager'), await server.signIn('agent')];
  });
  afterAll(() => server.stop());

  it('computes every figure of the company-wide quarter, and the comparison with Q2 and 2025 Q3', async () => {
    const report = await generate(compliance, Q3);
    expect(report).toMatchObject({ kind: 'complaint_statistics', periodKind: 'quarter', periodFrom: '2026-07-01', periodTo: '2026-09-30', periodLabel: '2026-Q3', branchId: null, scopeName: '全公司', hashVerified: true });
    const c = report.content;
    expect(c.scope).toEqual({ branchId: null, name: '全公司' });
    expect(c.timezone).toBe('Asia/Shanghai');
    expect(c.current.totals).toEqual({
      received: 7, accepted: 4, notAccepted: 1, closed: 4, withdrawn: 1, openAtEnd: 3, regulatorTransferred: 1, major: 1,
      escalations: 3, deadlinesBreached: 10, handlingMean: 7.25, satisfactionMean: 3,
    });
    expect(c.current.byCategory).toEqual(zeroCounts(CATEGORIES, { claims: 4, sales: 1, service_manner: 1, product: 1 }));
    expect(c.current.byChannel).toEqual(zeroCounts(CHANNELS, { hotline: 4, wechat: 1, regulator: 1, letter: 1 }));
    expect(c.current.bySeverity).toEqual([{ key: 'general', count: 6 }, { key: 'major', count: 1 }]);
    expect(c.current.byBranch).toEqual(
      [
        { branchId: Number(branch.BJ), branchName: expect.any(String), received: 5, closed: 2, openAtEnd: 1 },
        { branchId: Number(branch.SH), branchName: expect.any(String), received: 2, closed: 2, openAtEnd: 2 },
      ].sort((a, b) => a.branchId - b.branchId),
    );
    // Closed in Q3: C8 5, C1 5, C3 6, C2 13 working days.
    expect(c.current.handling).toEqual({ count: 4, mean: 7.25, median: 5.5, p90: 13 });
    expect(c.current.deadlines).toEqual([
      clock('first_response', 5, 2, 0.71, 0.29),
      clock('materials_notice', 4, 2, 0.67, 0.33),
      clock('resolution_target', 3, 2, 0.6, 0.4),
      clock('resolution_regulatory', 2, 3, 0.4, 0.6),
      clock('head_office_report', 0, 1, 0, 1),
      clock('regulator_report', 1, 0, 1, 0),
    ]);
    expect(c.current.escalations).toEqual({ warning: 1, breach: 1, compliance: 1, total: 3, complaints: 2 });
    expect(c.current.satisfaction).toEqual({ responses: 4, mean: 3, distribution: { 1: 1, 2: 1, 3: 0, 4: 1, 5: 1 } });

    expect(c.previous.period).toMatchObject({ label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(c.previous.totals).toEqual({
      received: 1, accepted: 1, notAccepted: 0, closed: 0, withdrawn: 0, openAtEnd: 2, regulatorTransferred: 0, major: 0,
      escalations: 1, deadlinesBreached: 0, handlingMean: null, satisfactionMean: null,
    });
    expect(c.yearAgo.period).toMatchObject({ label: '2025-Q3', from: '2025-07-01', to: '2025-09-30' });
    expect(c.yearAgo.totals).toEqual({
      received: 2, accepted: 2, notAccepted: 0, closed: 1, withdrawn: 0, openAtEnd: 1, regulatorTransferred: 0, major: 0,
      escalations: 0, deadlinesBreached: 2, handlingMean: 4, satisfactionMean: 4,
    });
    expect(c.comparison).toEqual([
      { metric: 'received', previous: ch(7, 1, 6, 6), yearAgo: ch(7, 2, 5, 2.5) },
      { metric: 'accepted', previous: ch(4, 1, 3, 3), yearAgo: ch(4, 2, 2, 1) },
      { metric: 'closed', previous: ch(4, 0, 4, null), yearAgo: ch(4, 1, 3, 3) },
      { metric: 'openAtEnd', previous: ch(3, 2, 1, 0.5), yearAgo: ch(3, 1, 2, 2) },
      { metric: 'regulatorTransferred', previous: ch(1, 0, 1, null), yearAgo: ch(1, 0, 1, null) },
      { metric: 'major', previous: ch(1, 0, 1, null), yearAgo: ch(1, 0, 1, null) },
      { metric: 'escalations', previous: ch(3, 1, 2, 2), yearAgo: ch(3, 0, 3, null) },
      { metric: 'deadlinesBreached', previous: ch(10, 0, 10, null), yearAgo: ch(10, 2, 8, 4) },
      { metric: 'handlingMean', previous: ch(7.25, null, null, null), yearAgo: ch(7.25, 4, 3.25, 0.81) },
      { metric: 'satisfactionMean', previous: ch(3, null, null, null), yearAgo: ch(3, 4, -1, -0.25) },
    ]);
    // Generating is audited with the snapshot.
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'report.generate' AND subject_type = 'ComplianceReport' AND subject_id = ?", [report.id])).toBe(1);
  });

  it("gives a manager their own branch's figures only, and refuses the company and other branches", async () => {
    const report = await generate(manager, Q3, branch.BJ);
    const c = report.content;
    expect(report.branchId).toBe(branch.BJ);
    expect(c.current.totals).toEqual({
      received: 5, accepted: 2, notAccepted: 1, closed: 2, withdrawn: 1, openAtEnd: 1, regulatorTransferred: 0, major: 0,
      escalations: 2, deadlinesBreached: 8, handlingMean: 9, satisfactionMean: 3.5,
    });
    expect(c.current.byBranch).toEqual([{ branchId: Number(branch.BJ), branchName: expect.any(String), received: 5, closed: 2, openAtEnd: 1 }]);
    expect(c.current.handling).toEqual({ count: 2, mean: 9, median: 9, p90: 13 });
    expect(c.current.deadlines).toEqual([
      clock('first_response', 3, 2, 0.6, 0.4),
      clock('materials_notice', 2, 2, 0.5, 0.5),
      clock('resolution_target', 1, 2, 0.33, 0.67),
      clock('resolution_regulatory', 1, 2, 0.33, 0.67),
      clock('head_office_report', 0, 0, null, null),
      clock('regulator_report', 0, 0, null, null),
    ]);
    expect(c.current.escalations).toEqual({ warning: 1, breach: 1, compliance: 0, total: 2, complaints: 1 });
    expect(c.current.satisfaction).toEqual({ responses: 2, mean: 3.5, distribution: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 } });
    expect(c.previous.totals).toMatchObject({ received: 0, openAtEnd: 0, escalations: 0 });
    expect(c.yearAgo.totals).toMatchObject({ received: 1, closed: 1, openAtEnd: 0, handlingMean: 4, satisfactionMean: 4, deadlinesBreached: 0 });

    // The company, or another branch: refused, nothing queued.
    const jobs = await countOf(server, 'SELECT COUNT(*) AS n FROM report_job');
    expect(await manager.errorCode(GENERATE, { period: Q3 })).toBe('FORBIDDEN');
    expect(await manager.errorCode(GENERATE, { period: Q3, branchId: branch.SH })).toBe('FORBIDDEN');
    expect(await agent.errorCode(GENERATE, { period: Q3, branchId: branch.BJ })).toBe('FORBIDDEN');
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM report_job')).toBe(jobs);
  });

  it("compliance's branch report equals the branch's share, and the row rules hold for the snapshots", async () => {
    const sh = await generate(compliance, Q3, branch.SH);
    expect(sh.content.current.totals).toEqual({
      received: 2, accepted: 2, notAccepted: 0, closed: 2, withdrawn: 0, openAtEnd: 2, regulatorTransferred: 1, major: 1,
      escalations: 1, deadlinesBreached: 2, handlingMean: 5.5, satisfactionMean: 2.5,
    });
    // The manager lists only their branch's snapshots and cannot open another's.
    const managerList = await manager.ok<{ allComplianceReports: Array<{ branchId: string | null }>; _allComplianceReportsMeta: { count: number } }>(LIST, {});
    expect(managerList.allComplianceReports.length).toBeGreaterThan(0);
    expect(managerList.allComplianceReports.every((r) => r.branchId === branch.BJ)).toBe(true);
    expect(managerList._allComplianceReportsMeta.count).toBe(managerList.allComplianceReports.length);
    expect(await manager.errorCode(REPORT, { id: sh.id })).toBe('NOT_FOUND');
    const complianceList = await compliance.ok<{ _allComplianceReportsMeta: { count: number } }>(LIST, {});
    expect(complianceList._allComplianceReportsMeta.count).toBe(3);
    expect((await compliance.ok<{ _allComplianceReportsMeta: { count: number } }>(LIST, { filter: { q: '2026-Q' } }))._allComplianceReportsMeta.count).toBe(3);
    expect(await agent.errorCode(LIST, {})).toBe('FORBIDDEN');
    // Downloads follow the same rules.
    expect((await download(`/documents/compliance-reports/${sh.id}.xlsx`, manager.token)).status).toBe(404);
    expect((await download(`/documents/compliance-reports/${sh.id}.pdf`, manager.token)).status).toBe(404);
    expect((await download(`/documents/compliance-reports/${sh.id}.xlsx`, null)).status).toBe(401);
  });

  it('keeps snapshots immutable: no update or delete, a new generation is a new snapshot, the hash is of the stored content', async () => {
    const { __schema } = await compliance.ok<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>('{ __schema { mutationType { fields { name } } } }');
    const mutations = __schema.mutationType.fields.map((f) => f.name);
    expect(mutations).toContain('generateComplaintReport');
    expect(mutations.filter((n) => /compliancereport|reportjob|snapshot/i.test(n))).toEqual([]);

    const first = await generate(compliance, { kind: 'month', year: 2026, index: 8 });
    expect(first.content.current.totals).toMatchObject({ received: 2, closed: 2, accepted: 1 });
    expect(crypto.createHash('sha256').update(JSON.stringify(first.content), 'utf8').digest('hex')).toBe(first.contentHash);
    // The register changes; the snapshot does not. The next generation sees the change.
    await server.db.query("UPDATE complaint SET channel = 'media' WHERE id = ?", [ids.C7]);
    const second = await generate(compliance, { kind: 'month', year: 2026, index: 8 });
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
    const result = await compliance.request(GENERATE, { period: { kind: 'quarter', year: 2026, index: 5 } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'period.index': expect.any(String) } });
    expect(await compliance.errorCode(GENERATE, { period: { kind: 'month', year: 2026 } })).toBe('BAD_USER_INPUT');
    const custom = await compliance.request(GENERATE, { period: { kind: 'custom', from: '2026-09-30', to: '2026-09-01' } });
    expect(custom.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'period.to': expect.any(String) } });
    expect(await compliance.errorCode(GENERATE, { period: Q3, branchId: '999999' })).toBe('BAD_USER_INPUT');
  });

  it('computes a custom range the same way', async () => {
    // 1–31 July: C1 and C2 received, C1 and C8 closed; previous = 30 May–30 June (C8 received).
    const report = await generate(compliance, { kind: 'custom', from: '2026-07-01', to: '2026-07-31' });
    expect(report.periodLabel).toBe('2026-07-01~2026-07-31');
    expect(report.content.current.totals).toMatchObject({ received: 2, accepted: 2, closed: 2, openAtEnd: 2, handlingMean: 5, satisfactionMean: 3 });
    expect(report.content.previous.period).toMatchObject({ from: '2026-05-31', to: '2026-06-30' });
    expect(report.content.previous.totals).toMatchObject({ received: 1, openAtEnd: 2 });
  });

  it('exports XLSX and PDF (Chinese) that read back with the figures, each download audited', async () => {
    const report = await generate(compliance, Q3);
    const before = await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'document.download' AND subject_type = 'ComplianceReport'");

    const xlsx = await download(`/documents/compliance-reports/${report.id}.xlsx`, compliance.token);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    const sheet = (name: string) => {
      const s = book.getWorksheet(name);
      if (!s) throw new Error(`no sheet ${name}: ${book.worksheets.map((w) => w.name).join(', ')}`);
      const rows: unknown[][] = [];
      s.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(sheet('投诉统计报表').flat()).toEqual(expect.arrayContaining(['统计期间', '2026-Q3（2026-07-01 ~ 2026-09-30）', '全公司', report.contentHash]));
    expect(sheet('总体情况')).toEqual(expect.arrayContaining([['受理登记量（收到）', 7], ['受理', 4], ['办结', 4], ['期末未结', 3], ['监管转办', 1], ['平均办理工作日', 7.25], ['满意度均值', 3]]));
    expect(sheet('按投诉类别')).toEqual(expect.arrayContaining([['理赔', 4], ['销售', 1], ['服务态度', 1], ['产品', 1]]));
    expect(sheet('办理时长（工作日）')).toEqual([['办结件数', '平均值', '中位数', '90分位数'], [4, 7.25, 5.5, 13]]);
    expect(sheet('时限达成情况')).toEqual(expect.arrayContaining([['首次响应（48小时）', 5, 2, 0, '71%', '29%'], ['监管处理时限', 2, 3, 0, '40%', '60%']]));
    expect(sheet('回访满意度')).toEqual(expect.arrayContaining([['1', 1], ['5', 1], ['回访件数', 4]]));
    expect(sheet('升级提醒')).toEqual(expect.arrayContaining([['合计', 3], ['涉及投诉件数', 2]]));

    const en = await download(`/documents/compliance-reports/${report.id}.xlsx?locale=en`, compliance.token);
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load((await en.arrayBuffer()) as never);
    expect(enBook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Complaint statistics', 'Overview', 'By category', 'Deadlines']));

    const pdf = await download(`/documents/compliance-reports/${report.id}.pdf`, compliance.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    if (process.env.REPORT_PDF_OUT) fs.writeFileSync(process.env.REPORT_PDF_OUT, pdfBytes);
    const text = (await pdfText(pdfBytes)).replace(/[ \t]+/g, ' ');
    for (const expected of ['投诉统计报表', '全公司', '2026-Q3', '受理登记量（收到）', '按投诉类别', '理赔', '时限达成情况', '71%', '7.25', '5.5', '回访满意度', report.contentHash.slice(0, 16)]) {
      expect(text).toContain(expected);
    }
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'document.download' AND subject_type = 'ComplianceReport'")).toBe(before + 3);
  });

  it('reads a big period in chunks, reporting progress and giving the event loop a turn between chunks', async () => {
    // 2024 holds nothing else: 2.5 chunks of complaints, every one closed after 2 working days with score 4.
    const n = Math.floor(CHUNK * 2.5);
    for (let start = 0; start < n; start += 100) {
      const rows = Array.from({ length: Math.min(100, n - start) }, (_, i) => start + i);
      const values = rows.map(() => "(?, 'closed', 'hotline', '批量', ?, 'claims', 'general', '[]', '批量统计', ?, ?, ?, 4, 1, ?, ?)").join(', ');
      const params = rows.flatMap((i) => [`TS2024${String(i).padStart(8, '0')}`, Number(branch.BJ), bj('2024-03-04T10:00'), bj('2024-03-04T11:00'), bj('2024-03-06T10:00'), bj('2024-03-04T10:00'), bj('2024-03-04T10:00')]);
      await server.db.query(
        `INSERT INTO complaint (number, state, channel, complainant_name, branch_id, category, severity, major_reasons, summary, received_at, first_response_at, closed_at, satisfaction, version, created_at, updated_at) VALUES ${values}`,
        params,
      );
    }
    const period = resolvePeriod({ kind: 'year', year: 2024 });
    const rules = BUILT_IN_ROLES.find((r) => r.name === 'compliance')!.rules;
    const seen: number[] = [];
    // Counts the turns of the event loop: each turn is a chance for other requests to be served.
    let ticks = 0;
    const ticksAt: number[] = [];
    let turning = true;
    const turn = () => {
      ticks++;
      if (turning) setImmediate(turn);
    };
    setImmediate(turn);
    const figures = await periodFigures(
      { db: server.db, ability: buildAbility(rules, { id: 1, branchId: null }), branchId: null, scopeName: '全公司', cc: await loadClockContext(server.db.manager, 'Asia/Shanghai'), asOf: new Date() },
      period,
      periodBounds(period, 'Asia/Shanghai'),
      async (fraction) => {
        seen.push(fraction);
        ticksAt.push(ticks);
      },
    ).finally(() => (turning = false));
    expect(figures.totals).toMatchObject({ received: n, closed: n, openAtEnd: 0, handlingMean: 2, satisfactionMean: 4 });
    expect(figures.handling).toEqual({ count: n, mean: 2, median: 2, p90: 2 });
    expect(figures.deadlines[0]).toMatchObject({ clock: 'first_response', met: n, breached: 0 });
    // 0.3 after the aggregations, then once per chunk (3 chunks), then 1.
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.filter((f) => f > 0.3 && f < 1).length).toBeGreaterThanOrEqual(2);
    // Between one chunk and the next, the event loop ran.
    for (let i = 2; i < ticksAt.length; i++) expect(ticksAt[i]).toBeGreaterThan(ticksAt[i - 1]);
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
