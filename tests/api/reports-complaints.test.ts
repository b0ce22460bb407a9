import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { countOf, setClock } from './complaints-helpers';
import { loadComplaintFixture, type ComplaintFixture } from './reports-complaints-fixture';
import { download, GENERATE, generate, LIST, REPORT } from './reports-helpers';

// Report 1, complaint statistics, against a register built by hand (fixture below) whose every figure
// was worked out on paper: 2026 Q3 (1 July – 30 September, Beijing time), the previous quarter and
// 2025 Q3, judged on 22 November 2026. Calendar facts used: 中秋 25–27 Sep 2026, 国庆 1–7 Oct 2026
// with make-up working days Sun 20 Sep and Sat 10 Oct. Default policy: first response 48 h, materials
// notice 5 working days, resolution target 7 working days, regulatory 15 calendar days, head office 24 h.
// The fixture is in reports-complaints-fixture.ts; the module's generic behaviour (snapshots, exports,
// jobs) is checked in reports-snapshots.test.ts.
jest.setTimeout(120_000);

const KIND = 'complaint_statistics';
const Q3 = { kind: 'quarter', year: 2026, index: 3 };

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
  let branch: ComplaintFixture['branch'];

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    ({ branch } = await loadComplaintFixture(server));
    setClock('2026-11-22T12:00:00+08:00');
    [compliance, manager, agent] = [await server.signIn('compliance'), await server.signIn('manager'), await server.signIn('agent')];
  });
  afterAll(() => server.stop());

  it('computes every figure of the company-wide quarter, and the comparison with Q2 and 2025 Q3', async () => {
    const report = await generate(compliance, KIND, Q3);
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
    const report = await generate(manager, KIND, Q3, branch.BJ);
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
    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3 })).toBe('FORBIDDEN');
    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3, branchId: branch.SH })).toBe('FORBIDDEN');
    expect(await agent.errorCode(GENERATE, { kind: KIND, period: Q3, branchId: branch.BJ })).toBe('FORBIDDEN');
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM report_job')).toBe(jobs);
  });

  it("compliance's branch report equals the branch's share, and the row rules hold for the snapshots", async () => {
    const sh = await generate(compliance, KIND, Q3, branch.SH);
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
    expect((await download(server, `/documents/compliance-reports/${sh.id}.xlsx`, manager.token)).status).toBe(404);
    expect((await download(server, `/documents/compliance-reports/${sh.id}.pdf`, manager.token)).status).toBe(404);
    expect((await download(server, `/documents/compliance-reports/${sh.id}.xlsx`, null)).status).toBe(401);
  });

  it('computes a custom range the same way', async () => {
    // 1–31 July: C1 and C2 received, C1 and C8 closed; previous = 30 May–30 June (C8 received).
    const report = await generate(compliance, KIND, { kind: 'custom', from: '2026-07-01', to: '2026-07-31' });
    expect(report.periodLabel).toBe('2026-07-01~2026-07-31');
    expect(report.content.current.totals).toMatchObject({ received: 2, accepted: 2, closed: 2, openAtEnd: 2, handlingMean: 5, satisfactionMean: 3 });
    expect(report.content.previous.period).toMatchObject({ from: '2026-05-31', to: '2026-06-30' });
    expect(report.content.previous.totals).toMatchObject({ received: 1, openAtEnd: 2 });
  });

});
