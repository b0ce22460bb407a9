import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import { now } from '../../clock';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Branch } from '../branches/branch.entity';
import { loadStaff } from '../complaints/complaint-context';
import { Complaint } from '../complaints/complaint.entity';
import { Staff } from '../staff/staff.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding } from './quality-parts.entity';
import { QualityRectification } from './quality-rectification.entity';
import * as rectifications from './quality-rectification.service';
import {
  CompleteRectificationArgs,
  CreateQualityRectificationArgs,
  QualityRectificationListArgs,
  RectificationStepArgs,
  ReopenRectificationArgs,
  UpdateQualityRectificationArgs,
} from './quality-rectification.inputs';
import { QualityRectificationAction, rectificationActions } from './quality.actions';
import { guardedOne } from './quality-lookup';
import { isOverdue } from './quality.rules';

@Resolver(() => QualityRectification)
export class QualityRectificationResolver {
  @Query(() => [QualityRectification], { description: 'The rectification ledger (整改台账), one page' })
  @Allow('read', 'QualityRectification')
  allQualityRectifications(@Args() args: QualityRectificationListArgs, @Ctx() ctx: RequestContext) {
    return rectifications.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'QualityRectification')
  async _allQualityRectificationsMeta(@Args() args: QualityRectificationListArgs, @Ctx() ctx: RequestContext) {
    return { count: await rectifications.count(ctx, args) };
  }

  @Query(() => QualityRectification, { name: 'QualityRectification' })
  @Allow('read', 'QualityRectification')
  qualityRectification(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return rectifications.get(ctx, id);
  }

  @Mutation(() => QualityRectification, { description: 'Turns a finding (needing action) of a published report into a rectification' })
  @Allow('create', 'QualityRectification')
  createQualityRectification(@Args() args: CreateQualityRectificationArgs, @Ctx() ctx: RequestContext) {
    return rectifications.create(ctx, args);
  }

  @Mutation(() => QualityRectification, { description: 'Owner, required action or due date, while work is still to do' })
  @Allow('update', 'QualityRectification')
  updateQualityRectification(@Args() args: UpdateQualityRectificationArgs, @Ctx() ctx: RequestContext) {
    return rectifications.update(ctx, args);
  }

  @Mutation(() => QualityRectification, { description: 'open → in_progress, by the owner' })
  @Allow('update', 'QualityRectification')
  startQualityRectification(@Args() args: RectificationStepArgs, @Ctx() ctx: RequestContext) {
    return rectifications.start(ctx, args);
  }

  @Mutation(() => QualityRectification, { description: '→ done with the evidence, by the owner' })
  @Allow('update', 'QualityRectification')
  completeQualityRectification(@Args() args: CompleteRectificationArgs, @Ctx() ctx: RequestContext) {
    return rectifications.complete(ctx, args);
  }

  @Mutation(() => QualityRectification, { description: 'done → verified, by an inspector who is not the owner' })
  @Allow('review', 'QualityRectification')
  verifyQualityRectification(@Args() args: RectificationStepArgs, @Ctx() ctx: RequestContext) {
    return rectifications.verify(ctx, args);
  }

  @Mutation(() => QualityRectification, { description: 'done → reopened with the reason (and optionally a new due date), by an inspector who is not the owner' })
  @Allow('review', 'QualityRectification')
  reopenQualityRectification(@Args() args: ReopenRectificationArgs, @Ctx() ctx: RequestContext) {
    return rectifications.reopen(ctx, args);
  }

  @FieldResolver(() => String, { nullable: true, description: 'ZG + year + id' })
  number(@Root() r: QualityRectification) {
    return rectifications.rectificationNumber(r);
  }

  @FieldResolver(() => [QualityRectificationAction], { nullable: true, description: 'The steps the caller may take now' })
  availableActions(@Root() r: QualityRectification, @Ctx() ctx: RequestContext) {
    return rectificationActions(r, ctx.ability, ctx.staff?.id ?? 0);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Still to do and past the end of the due day' })
  overdue(@Root() r: QualityRectification) {
    return isOverdue(r.state, r.dueAt, now());
  }

  @FieldResolver(() => Staff, { nullable: true })
  owner(@Root() r: QualityRectification, @Ctx() ctx: RequestContext) {
    return loadStaff(ctx, r.ownerId);
  }

  @FieldResolver(() => Branch, { nullable: true })
  branch(@Root() r: QualityRectification, @Ctx() ctx: RequestContext) {
    return r.branchId ? ctx.loaders.branch.load(r.branchId) : null;
  }

  @FieldResolver(() => QualityFinding, { nullable: true, description: 'The finding, when the caller may read its inspection' })
  async finding(@Root() r: QualityRectification, @Ctx() ctx: RequestContext) {
    const inspection = await guardedOne(ctx, QualityInspection, r.inspectionId);
    return inspection ? ctx.db.getRepository(QualityFinding).findOne({ where: { id: r.findingId } }) : null;
  }

  @FieldResolver(() => QualityInspection, { nullable: true })
  inspection(@Root() r: QualityRectification, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, QualityInspection, r.inspectionId);
  }

  @FieldResolver(() => [Complaint], { nullable: true, description: 'Complaints whose root cause this rectification addresses' })
  complaints(@Root() r: QualityRectification, @Ctx() ctx: RequestContext) {
    return rectifications.complaintsOf(ctx, r);
  }
}
