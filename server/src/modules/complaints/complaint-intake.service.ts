import { buildAbility } from '../../access/ability';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { effectiveGrants } from '../auth/staff-rules';
import { notify } from '../notifications/notification.service';
import { Staff, StaffStatus } from '../staff/staff.entity';
import { Complaint } from './complaint.entity';
import { ComplaintAction, ComplaintState } from './complaint.enums';
import { classify } from './complaint.rules';
import { runStep } from './complaint-step';
import type { AcceptComplaintArgs, AssignComplaintArgs, ComplaintStepArgs, NotAcceptComplaintArgs, ReasonStepArgs, ReportArgs, RequestMaterialsArgs } from './complaint-steps.inputs';

/** Receipt to investigation: first response, materials, acceptance, assignment; and the reports and flags of any state. */

const SKEW_MS = 5 * 60_000;

/** A reason or text that is only spaces is no reason. */
function text(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 2) throw invalidInput({ [field]: 'is required (at least 2 characters)' });
  return trimmed;
}

export const acknowledge = (ctx: RequestContext, args: ComplaintStepArgs) =>
  runStep(ctx, args, ComplaintAction.acknowledge, ({ at }) => ({ changes: { firstResponseAt: at }, event: 'acknowledged' }));

export const requestMaterials = (ctx: RequestContext, args: RequestMaterialsArgs) =>
  runStep(ctx, args, ComplaintAction.request_materials, ({ current, at }) => ({
    changes: {
      state: ComplaintState.awaiting_materials,
      materialsRequested: text(args.materials, 'materials'),
      materialsNotifiedVia: args.notifiedVia,
      materialsRequestedAt: at,
      // Telling the complainant what is missing is a response to them.
      firstResponseAt: current.firstResponseAt ?? at,
    },
    event: 'materials_requested',
    data: { materials: args.materials.trim(), notifiedVia: args.notifiedVia },
  }));

export const accept = (ctx: RequestContext, args: AcceptComplaintArgs) =>
  runStep(ctx, args, ComplaintAction.accept, ({ current, at }) => {
    const changes: Partial<Complaint> = { state: ComplaintState.accepted, acceptedAt: at, firstResponseAt: current.firstResponseAt ?? at };
    if (current.state === ComplaintState.awaiting_materials) {
      const received = args.materialsReceivedAt ?? at;
      if (received.getTime() > at.getTime() + SKEW_MS) throw invalidInput({ materialsReceivedAt: 'cannot be in the future' });
      if (current.materialsRequestedAt && received < current.materialsRequestedAt) throw invalidInput({ materialsReceivedAt: 'cannot be before the materials were asked for' });
      // The resolution clocks run from here: they were paused while the materials were awaited.
      changes.materialsCompleteAt = received;
    } else if (args.materialsReceivedAt) {
      throw invalidInput({ materialsReceivedAt: 'no materials were asked for' });
    }
    return { changes, event: 'accepted', data: changes.materialsCompleteAt ? { materialsCompleteAt: changes.materialsCompleteAt.toISOString() } : undefined };
  });

export const notAccept = (ctx: RequestContext, args: NotAcceptComplaintArgs) =>
  runStep(ctx, args, ComplaintAction.not_accept, ({ current, at }) => ({
    changes: {
      state: ComplaintState.not_accepted,
      notAcceptedAt: at,
      notAcceptedReason: text(args.reason, 'reason'),
      forwardedTo: args.forwardedTo?.trim() || null,
      firstResponseAt: current.firstResponseAt ?? at,
    },
    event: 'not_accepted',
    data: { reason: args.reason.trim(), forwardedTo: args.forwardedTo?.trim() || null },
  }));

/** The handler must be an active staff member whose own rules let them work on complaints of this branch. */
async function assertCanHandle(ctx: RequestContext, complaint: Complaint, assigneeId: number): Promise<Staff> {
  const staff = Number.isSafeInteger(assigneeId) ? await ctx.db.getRepository(Staff).findOne({ where: { id: assigneeId } }) : null;
  if (!staff || staff.status !== StaffStatus.active) throw invalidInput({ assigneeId: 'no such active staff member' });
  const grants = await effectiveGrants(ctx.db, staff.id);
  const ability = buildAbility(grants.flatMap((g) => g.rules), { id: staff.id, branchId: staff.branchId });
  // Judged without the assignment itself, which would let anyone work it through their own queue.
  if (!ability.can('update', Object.assign(new Complaint(), complaint, { assigneeId: null }))) {
    throw invalidInput({ assigneeId: 'this staff member cannot work on complaints of this branch' });
  }
  return staff;
}

export const assign = (ctx: RequestContext, args: AssignComplaintArgs) =>
  runStep(ctx, args, ComplaintAction.assign, async ({ current }) => {
    const assigneeId = Number(args.assigneeId);
    if (assigneeId === current.assigneeId) throw invalidInput({ assigneeId: 'is already the handler' });
    const staff = await assertCanHandle(ctx, current, assigneeId);
    return {
      changes: { assigneeId: staff.id, state: ComplaintState.investigating },
      event: 'assigned',
      data: { assigneeId: staff.id, assigneeName: staff.displayName, previousAssigneeId: current.assigneeId },
      afterSave: async (em, after) => {
        await notify(em, [staff.id], { kind: 'complaint_assigned', complaintId: after.id, title: `投诉 ${after.number} 已分派给您处理`, body: after.summary });
      },
    };
  });

export const withdraw = (ctx: RequestContext, args: ReasonStepArgs) =>
  runStep(ctx, args, ComplaintAction.withdraw, ({ at }) => ({
    changes: { state: ComplaintState.withdrawn, withdrawnAt: at, withdrawalReason: text(args.reason, 'reason') },
    event: 'withdrawn',
    data: { reason: args.reason.trim() },
  }));

export const markMajor = (ctx: RequestContext, args: ReasonStepArgs) =>
  runStep(ctx, args, ComplaintAction.mark_major, ({ current, at, cc }) => {
    const reason = text(args.reason, 'reason');
    const changes = { majorByHand: true, ...classify({ ...current, majorByHand: true }, cc.policy, at) };
    return { changes, event: 'marked_major', data: { reason, majorReasons: changes.majorReasons } };
  });

export const reportToHeadOffice = (ctx: RequestContext, args: ReportArgs) =>
  runStep(ctx, args, ComplaintAction.report_head_office, ({ at }) => ({
    changes: { headOfficeReportedAt: at, headOfficeReport: text(args.report, 'report') },
    event: 'reported_head_office',
    data: { length: args.report.trim().length },
    audited: ['headOfficeReportedAt'],
  }));

export const reportToRegulator = (ctx: RequestContext, args: ReportArgs) =>
  runStep(ctx, args, ComplaintAction.report_regulator, ({ at }) => ({
    changes: { regulatorReportedAt: at, regulatorReport: text(args.report, 'report') },
    event: 'reported_regulator',
    data: { length: args.report.trim().length },
    audited: ['regulatorReportedAt'],
  }));

export { text as requiredText };
