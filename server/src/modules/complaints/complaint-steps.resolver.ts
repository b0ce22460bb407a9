import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { Complaint } from './complaint.entity';
import * as intake from './complaint-intake.service';
import * as resolution from './complaint-resolution.service';
import {
  AcceptComplaintArgs,
  AssignComplaintArgs,
  CloseComplaintArgs,
  CommunicateDecisionArgs,
  ComplaintStepArgs,
  NotAcceptComplaintArgs,
  ProposeResolutionArgs,
  ReasonStepArgs,
  ReportArgs,
  RequestMaterialsArgs,
} from './complaint-steps.inputs';

/** The workflow steps, one mutation each; the state machine and the caller's rules are checked by the service. */
@Resolver(() => Complaint)
export class ComplaintStepsResolver {
  @Mutation(() => Complaint, { description: 'First response to the complainant (48 h clock)' })
  @Allow('update', 'Complaint')
  acknowledgeComplaint(@Args() args: ComplaintStepArgs, @Ctx() ctx: RequestContext) {
    return intake.acknowledge(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'registered → awaiting_materials; the resolution clocks pause' })
  @Allow('update', 'Complaint')
  requestComplaintMaterials(@Args() args: RequestMaterialsArgs, @Ctx() ctx: RequestContext) {
    return intake.requestMaterials(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'registered or awaiting_materials → accepted' })
  @Allow('update', 'Complaint')
  acceptComplaint(@Args() args: AcceptComplaintArgs, @Ctx() ctx: RequestContext) {
    return intake.accept(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'registered or awaiting_materials → not_accepted, with the reason and where it was forwarded' })
  @Allow('update', 'Complaint')
  notAcceptComplaint(@Args() args: NotAcceptComplaintArgs, @Ctx() ctx: RequestContext) {
    return intake.notAccept(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'accepted → investigating with a handler, or a new handler' })
  @Allow('assign', 'Complaint')
  assignComplaint(@Args() args: AssignComplaintArgs, @Ctx() ctx: RequestContext) {
    return intake.assign(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'investigating → resolution_proposed; above the proposer\'s authority it needs approval' })
  @Allow('update', 'Complaint')
  proposeComplaintResolution(@Args() args: ProposeResolutionArgs, @Ctx() ctx: RequestContext) {
    return resolution.proposeResolution(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'resolution_proposed → approved, by someone else with enough authority' })
  @Allow('approve', 'Complaint')
  approveComplaintResolution(@Args() args: ComplaintStepArgs, @Ctx() ctx: RequestContext) {
    return resolution.approveResolution(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'resolution_proposed → investigating, with the reason' })
  @Allow('approve', 'Complaint')
  rejectComplaintResolution(@Args() args: ReasonStepArgs, @Ctx() ctx: RequestContext) {
    return resolution.rejectResolution(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'approved (or proposed within authority) → communicated' })
  @Allow('update', 'Complaint')
  communicateComplaintDecision(@Args() args: CommunicateDecisionArgs, @Ctx() ctx: RequestContext) {
    return resolution.communicateDecision(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'communicated → closed after the return call, with satisfaction 1–5' })
  @Allow('update', 'Complaint')
  closeComplaint(@Args() args: CloseComplaintArgs, @Ctx() ctx: RequestContext) {
    return resolution.close(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'closed → investigating: an appeal reopens the complaint' })
  @Allow('update', 'Complaint')
  appealComplaint(@Args() args: ReasonStepArgs, @Ctx() ctx: RequestContext) {
    return resolution.appeal(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'The complainant withdraws: any open state → withdrawn' })
  @Allow('update', 'Complaint')
  withdrawComplaint(@Args() args: ReasonStepArgs, @Ctx() ctx: RequestContext) {
    return intake.withdraw(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'Extends the regulatory limit (15 → 30 days by default), approval recorded' })
  @Allow('approve', 'Complaint')
  extendComplaintDeadline(@Args() args: ReasonStepArgs, @Ctx() ctx: RequestContext) {
    return resolution.extendDeadline(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'Marks the complaint major by decision; the 24 h head-office report clock starts' })
  @Allow('update', 'Complaint')
  markComplaintMajor(@Args() args: ReasonStepArgs, @Ctx() ctx: RequestContext) {
    return intake.markMajor(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'Records the head-office report of a major complaint' })
  @Allow('update', 'Complaint')
  reportComplaintToHeadOffice(@Args() args: ReportArgs, @Ctx() ctx: RequestContext) {
    return intake.reportToHeadOffice(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'Records the written report to the regulator, keeping its text' })
  @Allow('update', 'Complaint')
  reportComplaintToRegulator(@Args() args: ReportArgs, @Ctx() ctx: RequestContext) {
    return intake.reportToRegulator(ctx, args);
  }
}
