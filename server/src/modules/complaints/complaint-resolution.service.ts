import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { ComplaintAction, ComplaintState } from './complaint.enums';
import { withinAuthority } from './complaint.rules';
import { requiredText } from './complaint-intake.service';
import { runStep } from './complaint-step';
import type { CloseComplaintArgs, CommunicateDecisionArgs, ProposeResolutionArgs, ReasonStepArgs, ComplaintStepArgs } from './complaint-steps.inputs';

/** From a proposed resolution to closing, approval by someone else when the amount is above the proposer's authority, and appeals. */

export const proposeResolution = (ctx: RequestContext, args: ProposeResolutionArgs) =>
  runStep(ctx, args, ComplaintAction.propose_resolution, ({ at, actor }) => {
    const approvalRequired = !withinAuthority(args.compensationFen, actor.authorityFen);
    return {
      changes: {
        state: ComplaintState.resolution_proposed,
        resolution: requiredText(args.resolution, 'resolution'),
        compensationFen: args.compensationFen,
        proposedById: actor.staffId,
        proposedAt: at,
        approvalRequired,
        approvedById: null,
        approvedAt: null,
      },
      event: 'resolution_proposed',
      data: { compensationFen: args.compensationFen, approvalRequired, proposerAuthorityFen: actor.authorityFen },
    };
  });

export const approveResolution = (ctx: RequestContext, args: ComplaintStepArgs) =>
  runStep(ctx, args, ComplaintAction.approve_resolution, ({ current, at, actor }) => ({
    changes: { state: ComplaintState.approved, approvedById: actor.staffId, approvedAt: at },
    event: 'resolution_approved',
    data: { compensationFen: current.compensationFen, approverAuthorityFen: actor.authorityFen },
  }));

export const rejectResolution = (ctx: RequestContext, args: ReasonStepArgs) =>
  runStep(ctx, args, ComplaintAction.reject_resolution, ({ current }) => ({
    changes: { state: ComplaintState.investigating, approvalRequired: false },
    event: 'resolution_rejected',
    data: { reason: requiredText(args.reason, 'reason'), compensationFen: current.compensationFen },
  }));

export const communicateDecision = (ctx: RequestContext, args: CommunicateDecisionArgs) =>
  runStep(ctx, args, ComplaintAction.communicate_decision, ({ at }) => ({
    changes: { state: ComplaintState.communicated, communicatedAt: at, communicationMethod: args.method },
    event: 'decision_communicated',
    data: { method: args.method },
  }));

export const close = (ctx: RequestContext, args: CloseComplaintArgs) =>
  runStep(ctx, args, ComplaintAction.close, ({ at }) => {
    const note = args.note?.trim() || null;
    if (note && note.length > 500) throw invalidInput({ note: 'must be at most 500 characters' });
    return { changes: { state: ComplaintState.closed, closedAt: at, satisfaction: args.satisfaction, returnCallNote: note }, event: 'closed', data: { satisfaction: args.satisfaction } };
  });

/** An appeal reopens the complaint with fresh resolution clocks; the first round stays in the timeline. */
export const appeal = (ctx: RequestContext, args: ReasonStepArgs) =>
  runStep(ctx, args, ComplaintAction.appeal, ({ current, at }) => ({
    changes: {
      state: ComplaintState.investigating,
      appealCount: current.appealCount + 1,
      reopenedAt: at,
      communicatedAt: null,
      communicationMethod: null,
      closedAt: null,
      satisfaction: null,
      returnCallNote: null,
      approvalRequired: false,
      approvedById: null,
      approvedAt: null,
      deadlineExtendedAt: null,
      extensionReason: null,
      extensionApprovedById: null,
    },
    event: 'appealed',
    data: { reason: requiredText(args.reason, 'reason'), previousSatisfaction: current.satisfaction, appeal: current.appealCount + 1 },
  }));

export const extendDeadline = (ctx: RequestContext, args: ReasonStepArgs) =>
  runStep(ctx, args, ComplaintAction.extend_deadline, ({ at, actor, cc }) => ({
    changes: { deadlineExtendedAt: at, extensionReason: requiredText(args.reason, 'reason'), extensionApprovedById: actor.staffId },
    event: 'deadline_extended',
    data: { reason: args.reason.trim(), fromDays: cc.policy.regulatoryResolutionDays, toDays: cc.policy.regulatoryExtendedDays },
  }));
