import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { guardedQuery } from '../../access/guarded-query';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { loadStaff } from '../complaints/complaint-context';
import { Staff } from '../staff/staff.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding, QualitySample } from './quality-parts.entity';
import { QualityRectification } from './quality-rectification.entity';
import * as visits from './quality-return-visits.service';
import { QualityReturnVisitListArgs } from './quality-return-visit.inputs';
import { guardedOne } from './quality-lookup';

/** The sampled items (and the return-visit worklist made of them) and the findings of an inspection. */
@Resolver(() => QualitySample)
export class QualitySampleResolver {
  @Query(() => [QualitySample], { description: 'The return-visit worklist: visits of the return-visit inspections the caller may read' })
  @Allow('read', 'QualityInspection')
  allQualityReturnVisits(@Args() args: QualityReturnVisitListArgs, @Ctx() ctx: RequestContext) {
    return visits.listReturnVisits(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'QualityInspection')
  async _allQualityReturnVisitsMeta(@Args() args: QualityReturnVisitListArgs, @Ctx() ctx: RequestContext) {
    return { count: await visits.countReturnVisits(ctx, args) };
  }

  @FieldResolver(() => QualityInspection, { nullable: true })
  inspection(@Root() s: QualitySample, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, QualityInspection, s.inspectionId);
  }
}

@Resolver(() => QualityFinding)
export class QualityFindingResolver {
  @FieldResolver(() => QualityRectification, { nullable: true })
  async rectification(@Root() f: QualityFinding, @Ctx() ctx: RequestContext) {
    return guardedQuery(ctx, QualityRectification, 'r').andWhere('r.findingId = :id', { id: f.id }).getOne();
  }

  @FieldResolver(() => Staff, { nullable: true })
  concernedStaff(@Root() f: QualityFinding, @Ctx() ctx: RequestContext) {
    return loadStaff(ctx, f.concernedStaffId);
  }
}
