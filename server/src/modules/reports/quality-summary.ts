import { In, type SelectQueryBuilder } from 'typeorm';
import { guardedQuery } from '../../access/guarded-query';
import { sqlTime } from '../../db/columns';
import { Branch } from '../branches/branch.entity';
import { localDateOf } from '../calendar/deadlines';
import { QualityInspection } from '../quality/quality-inspection.entity';
import { QualityFinding, QualityScore } from '../quality/quality-parts.entity';
import { QualityRectification } from '../quality/quality-rectification.entity';
import { rectificationNumber } from '../quality/quality-rectification.service';
import { QualityTeam } from '../quality/quality-team.entity';
import { QualityTemplate } from '../quality/quality-template.entity';
import { Staff } from '../staff/staff.entity';
import { FindingSeverity, InspectionKind, InspectionState, QualityDimension, RECTIFICATION_OPEN_STATES, RectificationState } from '../quality/quality.enums';
import type { ReportProgress, ReportRequest } from './report-definition';
import type { Period } from './report-period';
import { rate, round2 } from './report-stats';

/**
 * Report 2, the quality-inspection summary (质检汇总), for one period and scope. Every figure is a SQL
 * aggregation over rows that pass the caller's row rules (guardedQuery): a manager's report counts
 * only their branch's inspections, teams and rectifications. Definitions:
 * - the inspections of the period are those published in it, each report once: a report replaced by
 *   a correction published before the period's end counts as its correction (return visits have no
 *   checklist and no branch);
 * - by kind: published in the period, and submitted in it but not yet published when generated;
 * - coverage: for each half-year the period touches, the active teams with a periodic inspection of
 *   that half-year submitted or further (as the half-year plan counts them);
 * - mean scores: by dimension, the weight-weighted mean of every applicable scored item of the period's
 *   inspections (Σ weight × score ÷ Σ weight); by branch, the mean of the inspections' total scores;
 * - findings: of the period's inspections, by dimension and severity;
 * - rectifications due in the period: closed (done or verified) when generated, on time (done by the
 *   due day), closure rate = closed ÷ due; overdue: still open when generated, due before both the
 *   generation and the period's end.
 */

export const OVERDUE_LIST_MAX = 200;

export interface KindRow {
  kind: InspectionKind;
  published: number;
  inReview: number;
}

export interface CoverageRow {
  halfYear: string;
  branchId: number;
  branchName: string;
  teams: number;
  covered: number;
  rate: number | null;
}

export interface DimensionRow {
  dimension: QualityDimension;
  items: number;
  mean: number | null;
}

export interface BranchScoreRow {
  branchId: number | null;
  branchName: string;
  inspections: number;
  scored: number;
  mean: number | null;
}

export interface FindingRow {
  dimension: QualityDimension;
  minor: number;
  major: number;
  critical: number;
  total: number;
}

export interface OverdueRow {
  number: string;
  branchName: string;
  ownerName: string;
  dueDate: string;
  state: RectificationState;
  daysOverdue: number;
}

export interface QualitySummary {
  kind: 'quality_summary';
  schemaVersion: 1;
  timezone: string;
  scope: { branchId: number | null; name: string };
  generatedAt: string;
  period: Period;
  byKind: KindRow[];
  coverage: CoverageRow[];
  byDimension: DimensionRow[];
  byBranch: BranchScoreRow[];
  findings: FindingRow[];
  rectifications: { due: number; closed: number; closedOnTime: number; closureRate: number | null; onTimeRate: number | null; overdue: number };
  overdue: OverdueRow[];
}

const num = (value: unknown) => Number(value ?? 0) || 0;
const sumIf = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const COVERING = [InspectionState.submitted, InspectionState.reviewed, InspectionState.published];

function inScope<T extends { branchId: number | null }>(req: ReportRequest, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  if (req.branchId !== null) qb.andWhere(`${alias}.branch_id = :scopeBranch`, { scopeBranch: req.branchId });
  return qb;
}

/** The period's inspections (see above), under the row rules. */
function periodInspections(req: ReportRequest, params: Record<string, unknown>): SelectQueryBuilder<QualityInspection> {
  return inScope(req, guardedQuery(req, QualityInspection, 'i', 'read'), 'i')
    .andWhere('i.state = :published AND i.published_at >= :pFrom AND i.published_at < :pTo')
    // Replaced only by a correction published before the period's end: a report corrected later still counts
    // in its own period (as it stood), and the correction in the period it was published in.
    .andWhere("NOT EXISTS (SELECT 1 FROM quality_inspection cx WHERE cx.corrects_id = i.id AND cx.state = 'published' AND cx.published_at < :pTo)")
    .setParameters({ ...params, published: InspectionState.published });
}

/** The half-years (2026H1 …) a period touches. */
export function halfYearsOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) {
    for (const h of [1, 2]) {
      const [from, to] = h === 1 ? [`${y}-01-01`, `${y}-06-30`] : [`${y}-07-01`, `${y}-12-31`];
      if (from <= period.to && to >= period.from) out.push(`${y}H${h}`);
    }
  }
  return out;
}

async function coverage(req: ReportRequest, names: Map<number, string>): Promise<CoverageRow[]> {
  const teams: Array<{ b: unknown; n: unknown }> = await inScope(req, guardedQuery(req, QualityTeam, 't', 'read'), 't')
    .select('t.branch_id', 'b')
    .addSelect('COUNT(*)', 'n')
    .andWhere('t.active = :active', { active: true })
    .groupBy('t.branch_id')
    .getRawMany();
  const rows: CoverageRow[] = [];
  for (const halfYear of halfYearsOf(req.period)) {
    const covered: Array<{ b: unknown; n: unknown }> = await inScope(req, guardedQuery(req, QualityInspection, 'i', 'read'), 'i')
      .innerJoin(QualityTeam, 't', 't.id = i.team_id AND t.active = :active', { active: true })
      .select('t.branch_id', 'b')
      .addSelect('COUNT(DISTINCT i.team_id)', 'n')
      .andWhere('i.kind = :periodic AND i.period = :halfYear AND i.state IN (:...covering)', { periodic: InspectionKind.periodic, halfYear, covering: COVERING })
      .groupBy('t.branch_id')
      .getRawMany();
    const coveredBy = new Map(covered.map((r) => [num(r.b), num(r.n)]));
    for (const t of teams.map((r) => ({ branchId: num(r.b), teams: num(r.n) })).sort((a, b) => a.branchId - b.branchId)) {
      const n = coveredBy.get(t.branchId) ?? 0;
      rows.push({ halfYear, branchId: t.branchId, branchName: names.get(t.branchId) ?? `#${t.branchId}`, teams: t.teams, covered: n, rate: rate(n, t.teams) });
    }
  }
  return rows;
}

/** Σ weight × score ÷ Σ weight per dimension: SQL sums the scores per template item, the template says each item's dimension and weight. */
async function dimensionMeans(req: ReportRequest, params: Record<string, unknown>): Promise<DimensionRow[]> {
  const sums: Array<{ tpl: unknown; item: string; total: unknown; n: unknown }> = await periodInspections(req, params)
    .innerJoin(QualityScore, 's', 's.inspection_id = i.id')
    .select('i.template_id', 'tpl')
    .addSelect('s.item_key', 'item')
    .addSelect('SUM(s.score)', 'total')
    .addSelect('COUNT(*)', 'n')
    .andWhere('s.score IS NOT NULL')
    .groupBy('i.template_id')
    .addGroupBy('s.item_key')
    .getRawMany();
  const templateIds = [...new Set(sums.map((r) => num(r.tpl)))];
  const templates = templateIds.length ? await req.db.getRepository(QualityTemplate).find({ where: templateIds.map((id) => ({ id })), select: { id: true, items: true } }) : [];
  const itemOf = new Map(templates.flatMap((t) => t.items.map((item) => [`${t.id}:${item.key}`, item] as const)));
  const acc = new Map<QualityDimension, { points: number; weight: number; items: number }>();
  for (const r of sums) {
    const item = itemOf.get(`${num(r.tpl)}:${r.item}`);
    if (!item) continue;
    const a = acc.get(item.dimension) ?? { points: 0, weight: 0, items: 0 };
    a.points += item.weight * num(r.total);
    a.weight += item.weight * num(r.n);
    a.items += num(r.n);
    acc.set(item.dimension, a);
  }
  return Object.values(QualityDimension).map((dimension) => {
    const a = acc.get(dimension);
    return { dimension, items: a?.items ?? 0, mean: a && a.weight ? round2(a.points / a.weight) : null };
  });
}

async function rectifications(req: ReportRequest, params: Record<string, unknown>) {
  const open = { openStates: RECTIFICATION_OPEN_STATES, closedStates: [RectificationState.done, RectificationState.verified] };
  const due = (qb: SelectQueryBuilder<QualityRectification>) => qb.andWhere('r.due_at >= :pFrom AND r.due_at < :pTo').setParameters({ ...params, ...open });
  const totals = await due(inScope(req, guardedQuery(req, QualityRectification, 'r', 'read'), 'r'))
    .select('COUNT(*)', 'due')
    .addSelect(sumIf('r.state IN (:...closedStates)'), 'closed')
    .addSelect(sumIf('r.state IN (:...closedStates) AND r.done_at <= r.due_at'), 'onTime')
    .getRawOne<Record<string, unknown>>();
  const overdueWhere = (qb: SelectQueryBuilder<QualityRectification>) =>
    qb.andWhere('r.state IN (:...openStates) AND r.due_at < :asOf AND r.due_at < :pTo', { ...open, asOf: sqlTime(req.asOf), pTo: params.pTo });
  const overdueCount = await overdueWhere(inScope(req, guardedQuery(req, QualityRectification, 'r', 'read'), 'r')).getCount();
  const list = await overdueWhere(inScope(req, guardedQuery(req, QualityRectification, 'r', 'read'), 'r'))
    .select(['r.id', 'r.createdAt', 'r.branchId', 'r.ownerId', 'r.dueDate', 'r.state'])
    .orderBy('r.dueAt', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .limit(OVERDUE_LIST_MAX)
    .getMany();
  const ownerIds = [...new Set(list.map((r) => r.ownerId))];
  const owners = ownerIds.length ? await req.db.getRepository(Staff).find({ where: { id: In(ownerIds) }, select: { id: true, displayName: true } }) : [];
  const ownerName = new Map(owners.map((o) => [o.id, o.displayName]));
  const t = totals ?? {};
  const [dueN, closed, closedOnTime] = [num(t.due), num(t.closed), num(t.onTime)];
  return {
    summary: { due: dueN, closed, closedOnTime, closureRate: rate(closed, dueN), onTimeRate: rate(closedOnTime, dueN), overdue: overdueCount },
    list: list.map((r) => ({ number: rectificationNumber(r), branchId: r.branchId, ownerName: ownerName.get(r.ownerId) ?? '—', dueDate: r.dueDate, state: r.state })),
  };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function qualitySummary(req: ReportRequest, progress: ReportProgress): Promise<QualitySummary> {
  const params = { pFrom: sqlTime(req.bounds.start), pTo: sqlTime(req.bounds.end) };
  const names = new Map((await req.db.getRepository(Branch).find({ select: { id: true, name: true } })).map((b) => [b.id, b.name]));
  const branchName = (id: number | null) => (id === null ? '—' : (names.get(id) ?? `#${id}`));

  const published: Array<{ k: InspectionKind; n: unknown }> = await periodInspections(req, params).select('i.kind', 'k').addSelect('COUNT(*)', 'n').groupBy('i.kind').getRawMany();
  const inReview: Array<{ k: InspectionKind; n: unknown }> = await inScope(req, guardedQuery(req, QualityInspection, 'i', 'read'), 'i')
    .select('i.kind', 'k')
    .addSelect('COUNT(*)', 'n')
    .andWhere('i.state IN (:...reviewing) AND i.submitted_at >= :pFrom AND i.submitted_at < :pTo', { ...params, reviewing: [InspectionState.submitted, InspectionState.reviewed] })
    .groupBy('i.kind')
    .getRawMany();
  const countOf = (rows: Array<{ k: string; n: unknown }>, kind: string) => num(rows.find((r) => r.k === kind)?.n);
  const byKind = Object.values(InspectionKind).map((kind) => ({ kind, published: countOf(published, kind), inReview: countOf(inReview, kind) }));
  await progress(0.2);

  const coverageRows = await coverage(req, names);
  await progress(0.4);
  const byDimension = await dimensionMeans(req, params);

  const branchRows: Array<{ b: unknown; n: unknown; scored: unknown; total: unknown }> = await periodInspections(req, params)
    .select('i.branch_id', 'b')
    .addSelect('COUNT(*)', 'n')
    .addSelect('COUNT(i.total_score)', 'scored')
    .addSelect('SUM(i.total_score)', 'total')
    .groupBy('i.branch_id')
    .getRawMany();
  const byBranch = branchRows
    .map((r) => {
      const branchId = r.b === null || r.b === undefined ? null : num(r.b);
      const scored = num(r.scored);
      return { branchId, branchName: branchName(branchId), inspections: num(r.n), scored, mean: scored ? round2(num(r.total) / scored) : null };
    })
    .sort((a, b) => (a.branchId ?? Infinity) - (b.branchId ?? Infinity));
  await progress(0.6);

  const findingRows: Array<{ d: QualityDimension; s: FindingSeverity; n: unknown }> = await periodInspections(req, params)
    .innerJoin(QualityFinding, 'f', 'f.inspection_id = i.id')
    .select('f.dimension', 'd')
    .addSelect('f.severity', 's')
    .addSelect('COUNT(*)', 'n')
    .groupBy('f.dimension')
    .addGroupBy('f.severity')
    .getRawMany();
  const findingCount = (d: string, s: string) => num(findingRows.find((r) => r.d === d && r.s === s)?.n);
  const findings = Object.values(QualityDimension).map((dimension) => {
    const [minor, major, critical] = Object.values(FindingSeverity).map((s) => findingCount(dimension, s));
    return { dimension, minor, major, critical, total: minor + major + critical };
  });
  await progress(0.8);

  const rect = await rectifications(req, params);
  const today = localDateOf(req.asOf, req.timezone);
  const overdue = rect.list.map(({ branchId, dueDate, ...r }) => ({ ...r, branchName: branchName(branchId), dueDate, daysOverdue: Math.max(0, daysBetween(dueDate, today)) }));
  await progress(1);

  return {
    kind: 'quality_summary',
    schemaVersion: 1,
    timezone: req.timezone,
    scope: { branchId: req.branchId, name: req.scopeName },
    generatedAt: req.asOf.toISOString(),
    period: req.period,
    byKind,
    coverage: coverageRows,
    byDimension,
    byBranch,
    findings,
    rectifications: rect.summary,
    overdue,
  };
}
