import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { QualityInspection } from './quality-inspection.entity';
import * as findings from './quality-findings.service';
import * as steps from './quality-inspection-steps.service';
import * as visits from './quality-return-visits.service';
import * as samples from './quality-samples.service';
import * as scoring from './quality-scoring.service';
import { InspectionRefArgs } from './quality-inspection.inputs';
import {
  AddQualitySampleArgs,
  InspectionNoteArgs,
  InspectionReasonArgs,
  QualityFindingArgs,
  RecordReturnVisitArgs,
  RemoveQualityFindingArgs,
  RemoveQualitySampleArgs,
  ScoreQualityInspectionArgs,
  UpdateQualityFindingArgs,
} from './quality-inspection-steps.inputs';

/** The work on a draft (sample, scores, findings, visits) and the workflow steps, one mutation each; the service checks the state. */
@Resolver(() => QualityInspection)
export class QualityInspectionStepsResolver {
  @Mutation(() => QualityInspection, { description: 'Adds a complaint, inquiry, staff member or policy to the sample (never the inspector\'s own work)' })
  @Allow('update', 'QualityInspection')
  addQualitySample(@Args() args: AddQualitySampleArgs, @Ctx() ctx: RequestContext) {
    return samples.addSample(ctx, args);
  }

  @Mutation(() => QualityInspection)
  @Allow('update', 'QualityInspection')
  removeQualitySample(@Args() args: RemoveQualitySampleArgs, @Ctx() ctx: RequestContext) {
    return samples.removeSample(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'Scores checklist items (0–100 or not applicable) with evidence; the weighted score is recomputed' })
  @Allow('update', 'QualityInspection')
  scoreQualityInspection(@Args() args: ScoreQualityInspectionArgs, @Ctx() ctx: RequestContext) {
    return scoring.score(ctx, args);
  }

  @Mutation(() => QualityInspection)
  @Allow('update', 'QualityInspection')
  addQualityFinding(@Args() args: QualityFindingArgs, @Ctx() ctx: RequestContext) {
    return findings.addFinding(ctx, args);
  }

  @Mutation(() => QualityInspection)
  @Allow('update', 'QualityInspection')
  updateQualityFinding(@Args() args: UpdateQualityFindingArgs, @Ctx() ctx: RequestContext) {
    return findings.updateFinding(ctx, args);
  }

  @Mutation(() => QualityInspection)
  @Allow('update', 'QualityInspection')
  removeQualityFinding(@Args() args: RemoveQualityFindingArgs, @Ctx() ctx: RequestContext) {
    return findings.removeFinding(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'Return visit: reached or not, satisfaction 1–5 and remarks' })
  @Allow('update', 'QualityInspection')
  recordReturnVisit(@Args() args: RecordReturnVisitArgs, @Ctx() ctx: RequestContext) {
    return visits.recordVisit(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'draft → submitted, by its inspector, once every item is scored (or every visit recorded)' })
  @Allow('update', 'QualityInspection')
  submitQualityInspection(@Args() args: InspectionNoteArgs, @Ctx() ctx: RequestContext) {
    return steps.submit(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'submitted → reviewed, by another inspector or a manager' })
  @Allow('review', 'QualityInspection')
  reviewQualityInspection(@Args() args: InspectionNoteArgs, @Ctx() ctx: RequestContext) {
    return steps.review(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'submitted or reviewed → draft, with the reason, by a reviewer' })
  @Allow('review', 'QualityInspection')
  returnQualityInspection(@Args() args: InspectionReasonArgs, @Ctx() ctx: RequestContext) {
    return steps.sendBack(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'reviewed → published; from then on the report never changes' })
  @Allow('publish', 'QualityInspection')
  publishQualityInspection(@Args() args: InspectionRefArgs, @Ctx() ctx: RequestContext) {
    return steps.publish(ctx, args);
  }

  @Mutation(() => QualityInspection, { description: 'Corrects a published report: a new draft revision pointing at it (returned)' })
  @Allow('create', 'QualityInspection')
  correctQualityInspection(@Args() args: InspectionReasonArgs, @Ctx() ctx: RequestContext) {
    return steps.correct(ctx, args);
  }
}
