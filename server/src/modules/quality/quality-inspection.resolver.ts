import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { guardedQuery } from '../../access/guarded-query';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Branch } from '../branches/branch.entity';
import { loadStaff } from '../complaints/complaint-context';
import { Complaint } from '../complaints/complaint.entity';
import { Staff } from '../staff/staff.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding, QualitySample, QualityScore } from './quality-parts.entity';
import { QualityRectification } from './quality-rectification.entity';
import { QualityTeam } from './quality-team.entity';
import { QualityTemplate } from './quality-template.entity';
import * as inspections from './quality-inspection.service';
import * as plans from './quality-plan.service';
import * as visits from './quality-return-visits.service';
import * as scoring from './quality-scoring.service';
import { CreateQualityInspectionArgs, QualityInspectionListArgs, UpdateQualityInspectionArgs } from './quality-inspection.inputs';
import { inspectionActions, QualityInspectionAction } from './quality.actions';
import { guardedOne } from './quality-lookup';
import { QualityPlan, QualityScoreSummary, QualityVisitSummary } from './quality.types';

/** Reading, opening and editing inspections; the steps after are in quality-inspection-steps.resolver.ts. */
@Resolver(() => QualityInspection)
export class QualityInspectionResolver {
  @Query(() => [QualityInspection], { description: 'Inspections the caller may read, one page' })
  @Allow('read', 'QualityInspection')
  allQualityInspections(@Args() args: QualityInspectionListArgs, @Ctx() ctx: RequestContext) {
    return inspections.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'QualityInspection')
  async _allQualityInspectionsMeta(@Args() args: QualityInspectionListArgs, @Ctx() ctx: RequestContext) {
    return { count: await inspections.count(ctx, args) };
  }

  @Query(() => QualityInspection, { name: 'QualityInspection' })
  @Allow('read', 'QualityInspection')
  qualityInspection(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return inspections.get(ctx, id);
  }

  @Query(() => QualityPlan, { description: 'The half-year plan (e.g. 2026H2): every active team, covered or not' })
  @Allow('read', 'QualityInspection')
  async qualityPlan(@Arg('period', () => String) period: string, @Arg('branchId', () => ID, { nullable: true }) branchId: string | null, @Ctx() ctx: RequestContext): Promise<QualityPlan> {
    const plan = await plans.plan(ctx, period, branchId);
    return { ...plan, total: plan.teams.length, covered: plan.teams.filter((t) => t.covered).length, uncovered: plan.teams.filter((t) => !t.covered).map((t) => t.team) };
  }

  @Mutation(() => QualityInspection, { description: 'Opens a draft inspection: periodic (team, half-year), ad hoc (complaint) or return visit (drawn sample)' })
  @Allow('create', 'QualityInspection')
  createQualityInspection(@Args() args: CreateQualityInspectionArgs, @Ctx() ctx: RequestContext) {
    return inspections.create(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'Title and conclusion of a draft' })
  @Allow('update', 'QualityInspection')
  updateQualityInspection(@Args() args: UpdateQualityInspectionArgs, @Ctx() ctx: RequestContext) {
    return inspections.update(ctx, args);
  }

  @FieldResolver(() => String, { nullable: true, description: 'ZJ + year + id' })
  number(@Root() i: QualityInspection) {
    return inspections.inspectionNumber(i);
  }

  @FieldResolver(() => [QualityInspectionAction], { nullable: true, description: 'The steps the caller may take now' })
  availableActions(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return inspectionActions(i, ctx.ability, ctx.staff?.id ?? 0);
  }

  @FieldResolver(() => QualityTemplate, { nullable: true })
  template(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, QualityTemplate, i.templateId);
  }

  @FieldResolver(() => QualityTeam, { nullable: true })
  team(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, QualityTeam, i.teamId);
  }

  @FieldResolver(() => Branch, { nullable: true })
  branch(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return i.branchId ? ctx.loaders.branch.load(i.branchId) : null;
  }

  @FieldResolver(() => Complaint, { nullable: true })
  complaint(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, Complaint, i.complaintId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  inspector(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return loadStaff(ctx, i.inspectorId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  reviewer(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return loadStaff(ctx, i.reviewedById);
  }

  @FieldResolver(() => [QualitySample], { nullable: true })
  samples(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return inspections.samplesOf(ctx.db.manager, i.id);
  }

  @FieldResolver(() => [QualityScore], { nullable: true })
  scores(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return inspections.scoresOf(ctx.db.manager, i.id);
  }

  @FieldResolver(() => [QualityFinding], { nullable: true })
  findings(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return inspections.findingsOf(ctx.db.manager, i.id);
  }

  @FieldResolver(() => QualityScoreSummary, { nullable: true, description: 'Per dimension and in total, computed now from the scores' })
  scoreSummary(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return scoring.scoreSummaryOf(ctx.db.manager, i);
  }

  @FieldResolver(() => QualityVisitSummary, { nullable: true })
  async visitSummary(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return i.kind === 'return_visit' ? visits.visitSummary(await inspections.samplesOf(ctx.db.manager, i.id)) : null;
  }

  @FieldResolver(() => QualityInspection, { nullable: true, description: 'The published report this one corrects' })
  corrects(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, QualityInspection, i.correctsId);
  }

  @FieldResolver(() => [QualityInspection], { nullable: true, description: 'Corrections of this report (new revisions pointing at it)' })
  corrections(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return inspections.correctionsOf(ctx, i);
  }

  @FieldResolver(() => [QualityRectification], { nullable: true })
  rectifications(@Root() i: QualityInspection, @Ctx() ctx: RequestContext) {
    return guardedQuery(ctx, QualityRectification, 'r').andWhere('r.inspectionId = :id', { id: i.id }).orderBy('r.id', 'ASC').getMany();
  }

  @FieldResolver(() => String, { nullable: true, description: 'The printable report as PDF (GET, same session)' })
  pdfUrl(@Root() i: QualityInspection) {
    return `/documents/quality-inspections/${i.id}.pdf`;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The printable report as an HTML page (GET, same session)' })
  htmlUrl(@Root() i: QualityInspection) {
    return `/documents/quality-inspections/${i.id}.html`;
  }
}
