import { QualityInspection } from '../../server/src/modules/quality/quality-inspection.entity';
import { QualityFinding, QualityScore } from '../../server/src/modules/quality/quality-parts.entity';
import { QualityRectification } from '../../server/src/modules/quality/quality-rectification.entity';
import { QualityTeam } from '../../server/src/modules/quality/quality-team.entity';
import { QualityTemplate } from '../../server/src/modules/quality/quality-template.entity';
import type { TestServer } from '../support/test-server';

// The quality ledger of the quality-summary report's test, written by hand. The demo checklist (HOTLINE)
// has seven items; their dimensions and weights, in order:
//   1 service_manner 10 · 2 service_manner 10 · 3 business_accuracy 20 · 4 script_compliance 15 ·
//   5 information_security 20 · 6 technical_support 10 · 7 timeliness 15
// Every branch of the demo has two active teams (热线组, 柜面组); Beijing gets a third, inactive one.

const bj = (local: string) => new Date(`${local}+08:00`);

type Scores = Array<number | null | undefined>;

interface Inspection {
  kind: 'periodic' | 'ad_hoc' | 'return_visit';
  state: 'draft' | 'submitted' | 'reviewed' | 'published';
  branch: string | null;
  team: string | null;
  period?: string;
  submitted?: string;
  published?: string;
  total: number | null;
  /** By item, in checklist order: a number is a score, null an item left unscored, undefined no row. */
  scores?: Scores;
  findings?: Array<[string, 'minor' | 'major' | 'critical']>;
  corrects?: string;
}

// Q3 = 1 July – 30 September 2026 (Beijing). What each one adds to the company-wide Q3 figures:
export const INSPECTIONS: Record<string, Inspection> = {
  // Published in Q3: periodic, BJ, total 90.
  I1: { kind: 'periodic', state: 'published', branch: 'BJ', team: '热线组', period: '2026H2', submitted: '2026-08-01T10:00', published: '2026-08-10T10:00', total: 90,
    scores: [100, 80, 90, 100, 100, 50, 100], findings: [['script_compliance', 'minor']] },
  // Published in Q3, then replaced by its published correction I8: it counts as I8 (coverage still sees the team).
  I2: { kind: 'periodic', state: 'published', branch: 'SH', team: '热线组', period: '2026H2', submitted: '2026-09-01T10:00', published: '2026-09-15T10:00', total: 70,
    scores: [10, 10, 10, 10, 10, 10, 10], findings: [['information_security', 'critical'], ['timeliness', 'major'], ['service_manner', 'minor']] },
  I8: { kind: 'periodic', state: 'published', branch: 'SH', team: '热线组', period: '2026H2', submitted: '2026-09-20T10:00', published: '2026-09-25T10:00', total: 75,
    scores: [60, 60, 70, 80, null, 100, 70], findings: [['information_security', 'critical'], ['timeliness', 'major']], corrects: 'I2' },
  // Published in Q3: ad hoc, BJ, no team, two items scored.
  I3: { kind: 'ad_hoc', state: 'published', branch: 'BJ', team: null, submitted: '2026-07-15T10:00', published: '2026-07-20T10:00', total: 80,
    scores: [undefined, undefined, 80, undefined, undefined, undefined, 80], findings: [['business_accuracy', 'major']] },
  // Submitted in Q3, not yet published: in review, covers BJ 柜面组 for 2026H2; its scores count nowhere.
  I4: { kind: 'periodic', state: 'submitted', branch: 'BJ', team: '柜面组', period: '2026H2', submitted: '2026-09-20T10:00', total: 10, scores: [0, 0, 0, 0, 0, 0, 0],
    findings: [['technical_support', 'minor']] },
  // Published in Q2 (2026H1): outside the period and its half-year.
  I5: { kind: 'periodic', state: 'published', branch: 'SH', team: '柜面组', period: '2026H1', submitted: '2026-06-10T10:00', published: '2026-06-20T10:00', total: 60,
    scores: [0, 0, 0, 0, 0, 0, 0], findings: [['service_manner', 'minor']] },
  // A return visit published in Q3: no branch, no checklist, no score.
  I6: { kind: 'return_visit', state: 'published', branch: null, team: null, submitted: '2026-08-18T10:00', published: '2026-08-20T10:00', total: null },
  // A draft: counts nowhere, covers nothing.
  I9: { kind: 'periodic', state: 'draft', branch: 'GD', team: '热线组', period: '2026H2', total: null },
};

interface Rectification {
  /** The finding it rectifies: inspection and the finding's place in its list (one rectification per finding). */
  on: string;
  branch: string;
  owner: string;
  due: string;
  state: 'open' | 'in_progress' | 'done' | 'verified' | 'reopened';
  done?: string;
}

// Generated on 22 November 2026: due in Q3 = R1–R4; overdue = open and due before both then and the period's end.
export const RECTIFICATIONS: Record<string, Rectification> = {
  R1: { on: 'I1#0', branch: 'BJ', owner: 'agent', due: '2026-07-31', state: 'verified', done: '2026-07-25T10:00' }, // closed on time
  R2: { on: 'I3#0', branch: 'BJ', owner: 'agent', due: '2026-08-15', state: 'done', done: '2026-08-20T10:00' }, // closed late
  R3: { on: 'I8#0', branch: 'SH', owner: 'agent2', due: '2026-09-10', state: 'in_progress' }, // overdue 73 days
  R4: { on: 'I8#1', branch: 'SH', owner: 'agent2', due: '2026-09-30', state: 'open' }, // overdue 53 days
  R5: { on: 'I2#0', branch: 'SH', owner: 'agent2', due: '2026-10-15', state: 'open' }, // due in Q4: neither
  R6: { on: 'I4#0', branch: 'BJ', owner: 'agent', due: '2026-06-30', state: 'reopened' }, // due in Q2, still open: overdue 145 days
};

/** Replaces the demo's quality ledger with the one above. */
export async function writeQualityLedger(server: TestServer, branch: Record<string, number>, staff: Record<string, number>): Promise<void> {
  const db = server.db;
  await db.query('UPDATE complaint SET rectification_id = NULL');
  for (const table of ['quality_rectification', 'quality_finding', 'quality_score', 'quality_sample', 'quality_inspection']) await db.query(`DELETE FROM ${table}`);
  const stamp = (at: Date) => ({ version: 1, createdAt: at, updatedAt: at });
  await db.getRepository(QualityTeam).save(Object.assign(new QualityTeam(), { name: '旧组', branchId: branch.BJ, active: false, ...stamp(bj('2026-01-05T10:00')) }));
  const teams = await db.getRepository(QualityTeam).find();
  const teamId = (code: string | null, name: string | null) => (code && name ? teams.find((t) => t.branchId === branch[code] && t.name === name)!.id : null);
  const template = await db.getRepository(QualityTemplate).findOneByOrFail({ code: 'HOTLINE', current: true });

  const ids: Record<string, number> = {};
  const findingIds: Record<string, number> = {};
  for (const [name, i] of Object.entries(INSPECTIONS)) {
    const created = bj(i.submitted ?? '2026-09-01T09:00');
    // The table's kinds and states are the enums' string values.
    const saved = await db.manager.save(
      Object.assign(new QualityInspection(), <Partial<QualityInspection>>{
        kind: i.kind, state: i.state, title: `质检 ${name}`, templateId: i.kind === 'return_visit' ? null : template.id, branchId: i.branch ? branch[i.branch] : null,
        teamId: teamId(i.branch, i.team), period: i.period ?? null, complaintId: null, inspectorId: staff.inspector, summary: null, totalScore: i.total,
        submittedAt: i.submitted ? bj(i.submitted) : null, publishedAt: i.published ? bj(i.published) : null, publishedById: i.published ? staff.inspector : null,
        revision: i.corrects ? 2 : 1, correctsId: i.corrects ? ids[i.corrects] : null, correctionReason: i.corrects ? '更正评分' : null, ...stamp(created),
      }),
    );
    ids[name] = saved.id;
    const scores = (i.scores ?? []).flatMap((score, n) => (score === undefined ? [] : [Object.assign(new QualityScore(), { inspectionId: saved.id, itemKey: template.items[n].key, score, notApplicable: false, evidence: null })]));
    await db.getRepository(QualityScore).save(scores);
    for (const [n, [dimension, severity]] of (i.findings ?? []).entries()) {
      const finding = await db.manager.save(
        Object.assign(new QualityFinding(), <Partial<QualityFinding>>{ inspectionId: saved.id, dimension, severity, description: `${name} ${dimension}`, concernedStaffId: null, concernedProcess: '流程', needsAction: true, copiedFromId: null }),
      );
      findingIds[`${name}#${n}`] = finding.id;
    }
  }
  for (const r of Object.values(RECTIFICATIONS)) {
    const created = bj('2026-06-01T10:00');
    await db.getRepository(QualityRectification).save(
      Object.assign(new QualityRectification(), {
        findingId: findingIds[r.on], inspectionId: ids[r.on.split('#')[0]], branchId: branch[r.branch], ownerId: staff[r.owner], requiredAction: '整改', dueDate: r.due,
        dueAt: bj(`${r.due}T23:59:59.999`), state: r.state, evidence: r.done ? '已整改' : null, doneAt: r.done ? bj(r.done) : null, reopenCount: r.state === 'reopened' ? 1 : 0,
        createdById: staff.inspector, ...stamp(created),
      }),
    );
  }
}

/** One published ad hoc inspection with its scores by item key (for checks outside the ledger's quarter). */
export async function writeInspection(
  server: TestServer,
  i: { templateId: number; branchId: number; inspectorId: number; published: string; total: number },
  scores: Record<string, number>,
): Promise<void> {
  const at = bj(i.published);
  const saved = await server.db.manager.save(
    Object.assign(new QualityInspection(), <Partial<QualityInspection>>{
      kind: 'ad_hoc', state: 'published', title: '加权质检', templateId: i.templateId, branchId: i.branchId, teamId: null, period: null, complaintId: null,
      inspectorId: i.inspectorId, summary: null, totalScore: i.total, submittedAt: at, publishedAt: at, publishedById: i.inspectorId, revision: 1,
      correctsId: null, correctionReason: null, version: 1, createdAt: at, updatedAt: at,
    }),
  );
  await server.db.getRepository(QualityScore).save(
    Object.entries(scores).map(([itemKey, score]) => Object.assign(new QualityScore(), { inspectionId: saved.id, itemKey, score, notApplicable: false, evidence: null })),
  );
}
