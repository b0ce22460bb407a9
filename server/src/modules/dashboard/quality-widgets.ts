import { guardedQuery } from '../../access/guarded-query';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import type { RequestContext } from '../../graphql/context';
import { todayIn } from '../../time/local-date';
import { Branch } from '../branches/branch.entity';
import { QualityInspection } from '../quality/quality-inspection.entity';
import { QualityRectification } from '../quality/quality-rectification.entity';
import { QualityTeam } from '../quality/quality-team.entity';
import { InspectionKind, InspectionState, RECTIFICATION_OPEN_STATES } from '../quality/quality.enums';
import { halfYearOf, halfYearRange } from '../quality/quality.rules';
import { countsOf, num } from './dashboard-sql';
import type { InspectionPlanWidget, RectificationsWidget } from './dashboard.types';

const RECTIFICATIONS_SHOWN = 8;
/** As on the plan page: an inspection counts once carried out (submitted or later), not as a draft. */
const COVERING = [InspectionState.submitted, InspectionState.reviewed, InspectionState.published];

/** Coverage of the current half-year's plan: active teams, and those with a periodic inspection carried out, per branch. */
export async function inspectionPlan(ctx: RequestContext): Promise<InspectionPlanWidget> {
  const period = halfYearOf(todayIn(ctx.config.defaultTimezone));
  // The inspections the caller may read, as a correlated EXISTS (its own row rules, its own parameter names).
  const inspected = guardedQuery(ctx, QualityInspection, 'i')
    .select('1')
    .andWhere('i.team_id = t.id AND i.kind = :planKind AND i.period = :planPeriod AND i.state IN (:...planCovering)', {
      planKind: InspectionKind.periodic,
      planPeriod: period,
      planCovering: COVERING,
    });
  const rows: Array<{ b: unknown; teams: unknown; covered: unknown }> = await guardedQuery(ctx, QualityTeam, 't')
    .andWhere('t.active = :planActive', { planActive: true })
    .select('t.branch_id', 'b')
    .addSelect('COUNT(*)', 'teams')
    .addSelect(`SUM(CASE WHEN EXISTS (${inspected.getQuery()}) THEN 1 ELSE 0 END)`, 'covered')
    .setParameters(inspected.getParameters())
    .groupBy('t.branch_id')
    .orderBy('t.branch_id', 'ASC')
    .getRawMany();
  const names = new Map((await ctx.db.getRepository(Branch).find({ select: { id: true, name: true } })).map((b) => [b.id, b.name]));
  const byBranch = rows.map((r) => ({ branchId: num(r.b), branchName: names.get(num(r.b)) ?? `#${num(r.b)}`, teams: num(r.teams), covered: num(r.covered) }));
  return {
    period,
    ...halfYearRange(period),
    teams: byBranch.reduce((sum, b) => sum + b.teams, 0),
    covered: byBranch.reduce((sum, b) => sum + b.covered, 0),
    byBranch,
  };
}

const openRectifications = (ctx: RequestContext) => guardedQuery(ctx, QualityRectification, 'r').andWhere('r.state IN (:...rOpen)', { rOpen: RECTIFICATION_OPEN_STATES });

/** Open rectifications the caller may read, overdue counted, earliest due first. */
export async function rectifications(ctx: RequestContext): Promise<RectificationsWidget> {
  const [counts, items] = await Promise.all([
    countsOf(openRectifications(ctx).setParameter('rNow', sqlTime(now())), { open: '1 = 1', overdue: 'r.due_at < :rNow' }),
    openRectifications(ctx).orderBy('r.dueAt', 'ASC').addOrderBy('r.id', 'ASC').take(RECTIFICATIONS_SHOWN).getMany(),
  ]);
  return { ...counts, items };
}

export const openRectificationCount = (ctx: RequestContext) => openRectifications(ctx).getCount();
