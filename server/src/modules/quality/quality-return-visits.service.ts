import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { QualityInspection } from './quality-inspection.entity';
import { QualitySample } from './quality-parts.entity';
import { InspectionKind, InspectionState } from './quality.enums';
import type { RecordReturnVisitArgs } from './quality-inspection-steps.inputs';
import type { QualityReturnVisitListArgs } from './quality-return-visit.inputs';
import { change, me, text } from './quality-inspection-change';

/** Return visits: what they add up to, recording one, and the worklist of calls to make. */

export interface VisitSummaryValue {
  sampled: number;
  visited: number;
  reached: number;
  averageSatisfaction: number | null;
}

export function visitSummary(samples: QualitySample[]): VisitSummaryValue {
  const visited = samples.filter((s) => s.visitedAt);
  const rated = visited.filter((s) => s.reached && s.satisfaction);
  const sum = rated.reduce((n, s) => n + (s.satisfaction ?? 0), 0);
  return { sampled: samples.length, visited: visited.length, reached: visited.filter((s) => s.reached).length, averageSatisfaction: rated.length ? Math.round((sum * 100) / rated.length) / 100 : null };
}

export const recordVisit = (ctx: RequestContext, args: RecordReturnVisitArgs) =>
  change(ctx, args, 'edit', 'update', 'record_visit', async (em, current, at) => {
    if (current.kind !== InspectionKind.return_visit) throw invalidInput({ sampleId: 'only a return visit records visits' });
    const sample = await em.getRepository(QualitySample).findOne({ where: { id: Number(args.sampleId) || 0, inspectionId: current.id } });
    if (!sample) throw invalidInput({ sampleId: 'no such sample in this inspection' });
    const satisfaction = args.satisfaction ?? null;
    if (args.reached && satisfaction === null) throw invalidInput({ satisfaction: 'is required when the customer was reached' });
    if (!args.reached && satisfaction !== null) throw invalidInput({ satisfaction: 'only a customer reached rates the service' });
    if (satisfaction !== null && (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5)) throw invalidInput({ satisfaction: 'must be from 1 to 5' });
    const values = { reached: args.reached, satisfaction, remarks: text(args.remarks) ?? null, visitedAt: at, visitedById: me(ctx) };
    await em.update(QualitySample, { id: sample.id }, values);
    return { audit: { visit: { from: { reached: sample.reached, satisfaction: sample.satisfaction }, to: { sampleId: sample.id, reached: values.reached, satisfaction } } } };
  });

// ---- the return-visit worklist ------------------------------------------------------------------------------

/** Visits of the return-visit inspections the caller may read, oldest first: the calls to make. */
function returnVisitQuery(ctx: RequestContext, filter: QualityReturnVisitListArgs['filter']) {
  const readable = guardedQuery(ctx, QualityInspection, 'rvi').select('rvi.id').andWhere('rvi.kind = :rvKind', { rvKind: InspectionKind.return_visit });
  if (filter?.mine) readable.andWhere('rvi.inspectorId = :rvMe', { rvMe: me(ctx) });
  if (filter?.open) readable.andWhere('rvi.state = :rvDraft', { rvDraft: InspectionState.draft });
  if (filter?.inspectionId) readable.andWhere('rvi.id = :rvId', { rvId: Number(filter.inspectionId) || 0 });
  const qb = ctx.db.getRepository(QualitySample).createQueryBuilder('s').where(`s.inspectionId IN (${readable.getQuery()})`, readable.getParameters());
  if (filter?.visited === true) qb.andWhere('s.visitedAt IS NOT NULL');
  if (filter?.visited === false) qb.andWhere('s.visitedAt IS NULL');
  return qb;
}

export const listReturnVisits = (ctx: RequestContext, args: QualityReturnVisitListArgs) =>
  returnVisitQuery(ctx, args.filter).orderBy('s.inspectionId', 'ASC').addOrderBy('s.id', 'ASC').skip((args.page ?? 0) * (args.perPage ?? 25)).take(args.perPage ?? 25).getMany();
export const countReturnVisits = (ctx: RequestContext, args: QualityReturnVisitListArgs) => returnVisitQuery(ctx, args.filter).getCount();
