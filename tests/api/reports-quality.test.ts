import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, setClock, staffIdOf } from './complaints-helpers';
import { QualityTemplate } from '../../server/src/modules/quality/quality-template.entity';
import { writeInspection, writeQualityLedger } from './reports-quality-fixture';
import { download, GENERATE, generate, pdfOf, sheet, tableOf, xlsxSheets } from './reports-helpers';

// Report 2, the quality-inspection summary, against the ledger in reports-quality-fixture.ts, whose every
// figure was worked out by hand for 2026 Q3 (1 July – 30 September, Beijing time), generated on
// 22 November 2026 12:00. The comments say which fixture rows make each figure.
jest.setTimeout(120_000);

const KIND = 'quality_summary';
const Q3 = { kind: 'quarter', year: 2026, index: 3 };

describe('quality-inspection summary report', () => {
  let server: TestServer;
  let compliance: GqlClient;
  let manager: GqlClient;
  const branch: Record<string, number> = {};
  const staff: Record<string, number> = {};
  const names: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 4, policies: 4 } });
    for (const code of ['BJ', 'SH', 'GD', 'SC']) branch[code] = Number(await branchIdOf(server, code));
    for (const b of await server.db.query('SELECT id, name FROM branch')) names[Number(b.id)] = b.name;
    for (const username of ['inspector', 'agent', 'agent2']) staff[username] = Number(await staffIdOf(server, username));
    await writeQualityLedger(server, branch, staff);
    setClock('2026-11-22T12:00:00+08:00');
    [compliance, manager] = [await server.signIn('compliance'), await server.signIn('manager')];
  });
  afterAll(() => server.stop());

  const ownerName = async (username: string) => (await server.db.query('SELECT display_name AS n FROM staff WHERE username = ?', [username]))[0].n as string;

  it('computes every figure of the company-wide quarter', async () => {
    const report = await generate(compliance, KIND, Q3);
    expect(report).toMatchObject({ kind: KIND, periodLabel: '2026-Q3', branchId: null, scopeName: '全公司', hashVerified: true });
    const c = report.content;
    // Published in Q3: I1 and I8 (I2 counts as its correction I8), I3, I6; in review: I4. I5 (Q2) and I9 (draft) nowhere.
    expect(c.byKind).toEqual([
      { kind: 'periodic', published: 2, inReview: 1 },
      { kind: 'ad_hoc', published: 1, inReview: 0 },
      { kind: 'return_visit', published: 1, inReview: 0 },
    ]);
    // 2026H2, active teams: BJ 热线组 (I1) and 柜面组 (I4, submitted) of 2 — the inactive 旧组 not counted; SH 热线组 (I2/I8) of 2; GD's draft covers nothing.
    expect(c.coverage).toEqual([
      { halfYear: '2026H2', branchId: branch.BJ, branchName: names[branch.BJ], teams: 2, covered: 2, rate: 1 },
      { halfYear: '2026H2', branchId: branch.SH, branchName: names[branch.SH], teams: 2, covered: 1, rate: 0.5 },
      { halfYear: '2026H2', branchId: branch.GD, branchName: names[branch.GD], teams: 2, covered: 0, rate: 0 },
      { halfYear: '2026H2', branchId: branch.SC, branchName: names[branch.SC], teams: 2, covered: 0, rate: 0 },
    ]);
    // Scored items of I1, I3 and I8 (I8's unscored item 5 left out; equal weights within each dimension, so plain means):
    expect(c.byDimension).toEqual([
      { dimension: 'service_manner', items: 4, mean: 75 }, // (100 + 80 + 60 + 60) / 4
      { dimension: 'business_accuracy', items: 3, mean: 80 }, // (90 + 80 + 70) / 3
      { dimension: 'script_compliance', items: 2, mean: 90 }, // (100 + 80) / 2
      { dimension: 'information_security', items: 1, mean: 100 }, // I1 only
      { dimension: 'technical_support', items: 2, mean: 75 }, // (50 + 100) / 2
      { dimension: 'timeliness', items: 3, mean: 83.33 }, // (100 + 80 + 70) / 3
    ]);
    // Total scores: BJ I1 90 and I3 80; SH I8 75; the return visit has no branch and no score.
    expect(c.byBranch).toEqual([
      { branchId: branch.BJ, branchName: names[branch.BJ], inspections: 2, scored: 2, mean: 85 },
      { branchId: branch.SH, branchName: names[branch.SH], inspections: 1, scored: 1, mean: 75 },
      { branchId: null, branchName: '—', inspections: 1, scored: 0, mean: null },
    ]);
    // Findings of I1, I3 and I8 (I2's and I5's not).
    expect(c.findings).toEqual([
      { dimension: 'service_manner', minor: 0, major: 0, critical: 0, total: 0 },
      { dimension: 'business_accuracy', minor: 0, major: 1, critical: 0, total: 1 },
      { dimension: 'script_compliance', minor: 1, major: 0, critical: 0, total: 1 },
      { dimension: 'information_security', minor: 0, major: 0, critical: 1, total: 1 },
      { dimension: 'technical_support', minor: 0, major: 0, critical: 0, total: 0 },
      { dimension: 'timeliness', minor: 0, major: 1, critical: 0, total: 1 },
    ]);
    // Due in Q3: R1–R4; closed R1 (on time) and R2 (late); overdue: R6 (due in Q2), R3, R4.
    expect(c.rectifications).toEqual({ due: 4, closed: 2, closedOnTime: 1, closureRate: 0.5, onTimeRate: 0.25, overdue: 3 });
    const [agent, agent2] = [await ownerName('agent'), await ownerName('agent2')];
    expect(c.overdue.map(({ number, ...row }: { number: string }) => (expect(number).toMatch(/\S/), row))).toEqual([
      { branchName: names[branch.BJ], ownerName: agent, dueDate: '2026-06-30', state: 'reopened', daysOverdue: 145 },
      { branchName: names[branch.SH], ownerName: agent2, dueDate: '2026-09-10', state: 'in_progress', daysOverdue: 73 },
      { branchName: names[branch.SH], ownerName: agent2, dueDate: '2026-09-30', state: 'open', daysOverdue: 53 },
    ]);

    // The same figures as the tables show them.
    expect(tableOf(report, 'kind')).toEqual([['类型', '期内发布', '待复核/待发布'], ['定期质检', 2, 1], ['专项质检', 1, 0], ['回访', 1, 0], ['合计', 4, 1]]);
    expect(tableOf(report, 'rectification')).toEqual(expect.arrayContaining([['期内到期整改项', 4], ['已完成（含已验证）', 2], ['按期完成', 1], ['整改闭环率', '50%'], ['按期完成率', '25%'], ['逾期未完成', 3]]));
    expect(tableOf(report, 'dimension')).toEqual(expect.arrayContaining([['时效性', 3, 83.33], ['信息安全', 1, 100]]));
  });

  it("gives a manager their own branch's ledger, and refuses other scopes", async () => {
    const report = await generate(manager, KIND, Q3, String(branch.BJ));
    expect(report).toMatchObject({ branchId: String(branch.BJ), scopeName: names[branch.BJ] });
    const c = report.content;
    // BJ only: I1 published and I4 in review; I3 ad hoc; the return visit belongs to no branch.
    expect(c.byKind).toEqual([
      { kind: 'periodic', published: 1, inReview: 1 },
      { kind: 'ad_hoc', published: 1, inReview: 0 },
      { kind: 'return_visit', published: 0, inReview: 0 },
    ]);
    expect(c.coverage).toEqual([{ halfYear: '2026H2', branchId: branch.BJ, branchName: names[branch.BJ], teams: 2, covered: 2, rate: 1 }]);
    expect(c.byDimension).toEqual([
      { dimension: 'service_manner', items: 2, mean: 90 }, // I1 (100 + 80) / 2
      { dimension: 'business_accuracy', items: 2, mean: 85 }, // I1 90, I3 80
      { dimension: 'script_compliance', items: 1, mean: 100 },
      { dimension: 'information_security', items: 1, mean: 100 },
      { dimension: 'technical_support', items: 1, mean: 50 },
      { dimension: 'timeliness', items: 2, mean: 90 }, // I1 100, I3 80
    ]);
    expect(c.byBranch).toEqual([{ branchId: branch.BJ, branchName: names[branch.BJ], inspections: 2, scored: 2, mean: 85 }]);
    expect(c.findings.filter((f: { total: number }) => f.total)).toEqual([
      { dimension: 'business_accuracy', minor: 0, major: 1, critical: 0, total: 1 },
      { dimension: 'script_compliance', minor: 1, major: 0, critical: 0, total: 1 },
    ]);
    // Due in Q3 in BJ: R1, R2, both closed; overdue: R6.
    expect(c.rectifications).toEqual({ due: 2, closed: 2, closedOnTime: 1, closureRate: 1, onTimeRate: 0.5, overdue: 1 });
    expect(c.overdue).toHaveLength(1);

    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3 })).toBe('FORBIDDEN');
    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3, branchId: String(branch.SH) })).toBe('FORBIDDEN');
  });

  it('exports XLSX and PDF (Chinese) that read back with the figures, and the snapshot does not change', async () => {
    const report = await generate(compliance, KIND, Q3);
    const sheets = await xlsxSheets(await download(server, `/documents/compliance-reports/${report.id}.xlsx`, compliance.token));
    expect(sheet(sheets, '质检汇总报表').flat()).toEqual(expect.arrayContaining(['2026-Q3（2026-07-01 ~ 2026-09-30）', '全公司', report.contentHash]));
    expect(sheet(sheets, '质检数量（按类型）')).toEqual(expect.arrayContaining([['定期质检', 2, 1], ['合计', 4, 1]]));
    expect(sheet(sheets, '半年度班组覆盖率')).toEqual(expect.arrayContaining([['2026H2', names[branch.SH], 2, 1, '50%']]));
    expect(sheet(sheets, '各维度平均得分')).toEqual(expect.arrayContaining([['服务态度', 4, 75], ['时效性', 3, 83.33]]));
    expect(sheet(sheets, '整改闭环')).toEqual(expect.arrayContaining([['整改闭环率', '50%'], ['逾期未完成', 3]]));
    expect(sheet(sheets, '逾期整改项')).toEqual(expect.arrayContaining([expect.arrayContaining(['2026-06-30', 145])]));

    const { text } = await pdfOf(await download(server, `/documents/compliance-reports/${report.id}.pdf`, compliance.token));
    for (const expected of ['质检汇总报表', '全公司', '2026-Q3', '半年度班组覆盖率', '各维度平均得分', '83.33', '问题发现', '整改闭环', '145', report.contentHash.slice(0, 16)]) {
      expect(text).toContain(expected);
    }

    // A rectification closed after the snapshot changes the next report, never the stored one.
    await server.db.query("UPDATE quality_rectification SET state = 'done', done_at = ? WHERE due_date = '2026-09-30'", ['2026-11-22 03:00:00.000']);
    const later = await generate(compliance, KIND, Q3);
    expect(later.content.rectifications).toMatchObject({ closed: 3, overdue: 2 });
    const again = (await compliance.ok<{ ComplianceReport: { contentHash: string; hashVerified: boolean; content: { rectifications: { closed: number } } } }>(
      'query ($id: ID!) { ComplianceReport(id: $id) { contentHash hashVerified content } }', { id: report.id },
    )).ComplianceReport;
    expect(again).toMatchObject({ contentHash: report.contentHash, hashVerified: true });
    expect(again.content.rectifications.closed).toBe(2);
  });

  it('weights each scored item by its checklist weight, across checklists', async () => {
    // Q2 holds I5 only (HOTLINE, every item 0). Add an inspection on another checklist whose items weigh more.
    const template = await server.db.getRepository(QualityTemplate).save(Object.assign(new QualityTemplate(), {
      code: 'WEIGHTED', revision: 1, name: '加权清单', description: null, current: true, active: true, previousId: null, version: 1, createdAt: new Date(), updatedAt: new Date(),
      items: [{ key: 'w1', dimension: 'service_manner', title: '礼貌', weight: 30, guidance: null }, { key: 'w2', dimension: 'timeliness', title: '时效', weight: 70, guidance: null }],
    }));
    await writeInspection(server, { templateId: template.id, branchId: branch.SH, inspectorId: staff.inspector, published: '2026-05-10T10:00', total: 65 }, { w1: 100, w2: 50 });
    const c = (await generate(compliance, KIND, { kind: 'quarter', year: 2026, index: 2 })).content;
    expect(c.byDimension).toEqual(expect.arrayContaining([
      { dimension: 'service_manner', items: 3, mean: 60 }, // (10×0 + 10×0 + 30×100) / (10 + 10 + 30); a plain mean would be 33.33
      { dimension: 'timeliness', items: 2, mean: 41.18 }, // (15×0 + 70×50) / (15 + 70) = 3500 / 85; a plain mean would be 25
      { dimension: 'business_accuracy', items: 1, mean: 0 },
    ]));
  });

  it("keeps a report corrected after its quarter in that quarter, and counts the correction in the correction's", async () => {
    const [original] = await server.db.query("SELECT * FROM quality_inspection WHERE title = '质检 I1'");
    const columns = Object.keys(original).filter((c) => c !== 'id');
    const correction: Record<string, unknown> = { ...original, title: '质检 I1 更正', corrects_id: original.id, revision: 2, total_score: 95, published_at: '2026-10-20 02:00:00.000' };
    await server.db.query(`INSERT INTO quality_inspection (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => correction[c]));
    // Q3 as before: I1 (published 10 August) and I8; the correction was published in Q4.
    expect((await generate(compliance, KIND, Q3)).content.byKind[0]).toEqual({ kind: 'periodic', published: 2, inReview: 1 });
    const q4 = (await generate(compliance, KIND, { kind: 'quarter', year: 2026, index: 4 })).content;
    expect(q4.byKind[0]).toEqual({ kind: 'periodic', published: 1, inReview: 0 });
    expect(q4.byBranch).toEqual([{ branchId: branch.BJ, branchName: names[branch.BJ], inspections: 1, scored: 1, mean: 95 }]);
  });
});
