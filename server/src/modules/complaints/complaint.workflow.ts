import type { AppAbility } from '../../access/ability';
import type { Reason } from '../../graphql/errors';
import type { Complaint } from './complaint.entity';
import { ComplaintAction as A, ComplaintChannel, ComplaintSeverity, ComplaintState as S, OPEN_STATES } from './complaint.enums';
import { withinAuthority } from './complaint.rules';

/**
 * The state machine, in one table: from which states each step may be taken, which permission it
 * needs on the complaint, and what about the complaint can rule it out. The mutations enforce it and
 * `availableActions` reads it, so the console shows exactly the buttons that will work.
 */
export type StepPermission = 'update' | 'assign' | 'approve';

interface StepRule {
  label: string;
  from: readonly S[];
  permission: StepPermission;
  /** Why the step does not apply to this complaint, or null when it does. */
  blocked?: (c: Complaint) => string | null;
  /** Approval steps: the approver is not the proposer (and, to approve, holds enough authority). */
  approval?: 'approve' | 'reject';
}

const ALL_BUT_CLOSED = Object.values(S).filter((s) => s !== S.closed);

export const STEPS: Record<A, StepRule> = {
  [A.update]: { label: 'edit', from: OPEN_STATES, permission: 'update' },
  // Every later step (materials, acceptance, refusal) answers the complainant too, and records the first response.
  [A.acknowledge]: {
    label: 'acknowledge',
    from: [S.registered],
    permission: 'update',
    blocked: (c) => (c.firstResponseAt ? 'the complainant has already had a first response' : null),
  },
  [A.request_materials]: { label: 'request materials for', from: [S.registered], permission: 'update' },
  [A.accept]: { label: 'accept', from: [S.registered, S.awaiting_materials], permission: 'update' },
  [A.not_accept]: { label: 'decline', from: [S.registered, S.awaiting_materials], permission: 'update' },
  [A.assign]: { label: 'assign', from: [S.accepted, S.investigating], permission: 'assign' },
  [A.propose_resolution]: { label: 'propose a resolution for', from: [S.investigating], permission: 'update' },
  [A.approve_resolution]: {
    label: 'approve the resolution of',
    from: [S.resolution_proposed],
    permission: 'approve',
    approval: 'approve',
    blocked: (c) => (c.approvalRequired ? null : "the compensation is within the proposer's authority: no approval is needed"),
  },
  [A.reject_resolution]: {
    label: 'send back the resolution of',
    from: [S.resolution_proposed],
    permission: 'approve',
    approval: 'reject',
    blocked: (c) => (c.approvalRequired ? null : "the compensation is within the proposer's authority: no approval is needed"),
  },
  [A.communicate_decision]: {
    label: 'communicate the decision on',
    from: [S.resolution_proposed, S.approved],
    permission: 'update',
    blocked: (c) => (c.state === S.resolution_proposed && c.approvalRequired ? "the compensation is above the proposer's authority: it must be approved first" : null),
  },
  [A.close]: {
    label: 'close',
    from: [S.communicated],
    permission: 'update',
    blocked: (c) => {
      if (c.severity === ComplaintSeverity.major && !c.headOfficeReportedAt) return 'report the major complaint to head office first';
      if (c.channel === ComplaintChannel.regulator && !c.regulatorReportedAt) return 'send the written report to the regulator first';
      return null;
    },
  },
  [A.appeal]: { label: 'reopen on appeal', from: [S.closed], permission: 'update' },
  [A.withdraw]: { label: 'withdraw', from: OPEN_STATES, permission: 'update' },
  [A.extend_deadline]: {
    label: 'extend the deadline of',
    from: [S.accepted, S.investigating, S.resolution_proposed, S.approved],
    permission: 'approve',
    blocked: (c) => (c.deadlineExtendedAt ? 'the regulatory deadline has already been extended' : null),
  },
  [A.mark_major]: {
    label: 'mark as major',
    from: OPEN_STATES,
    permission: 'update',
    blocked: (c) => (c.majorByHand ? 'the complaint is already marked major' : null),
  },
  [A.report_head_office]: {
    label: 'report to head office',
    from: ALL_BUT_CLOSED,
    permission: 'update',
    blocked: (c) => {
      if (c.severity !== ComplaintSeverity.major) return 'only a major complaint is reported to head office';
      return c.headOfficeReportedAt ? 'the complaint has already been reported to head office' : null;
    },
  },
  [A.report_regulator]: {
    label: 'report to the regulator',
    from: ALL_BUT_CLOSED,
    permission: 'update',
    blocked: (c) => {
      if (c.channel !== ComplaintChannel.regulator) return 'only a complaint transferred by the regulator is reported to it';
      return c.regulatorReportedAt ? 'the written report has already been sent to the regulator' : null;
    },
  },
};

export interface Actor {
  staffId: number;
  /** Compensation the staff member may approve, in fen; null for no limit. */
  authorityFen: number | null;
}

export interface Refusal {
  reason: Reason;
  message?: string;
}

/** Why this staff member may not take this step on this complaint now, or null when they may. */
export function refusalOf(action: A, c: Complaint, ability: AppAbility, actor: Actor): Refusal | null {
  const step = STEPS[action];
  if (!ability.can(step.permission, c)) return { reason: 'NOT_ALLOWED' };
  if (!step.from.includes(c.state)) {
    return { reason: 'COMPLAINT_WRONG_STATE', message: `Cannot ${step.label} a complaint that is ${c.state.replace(/_/g, ' ')}` };
  }
  const blocked = step.blocked?.(c);
  if (blocked) return { reason: 'COMPLAINT_STEP_NOT_APPLICABLE', message: `Cannot ${step.label} this complaint: ${blocked}` };
  if (step.approval && c.proposedById === actor.staffId) return { reason: 'COMPLAINT_OWN_PROPOSAL' };
  if (step.approval === 'approve' && !withinAuthority(c.compensationFen ?? 0, actor.authorityFen)) return { reason: 'COMPLAINT_ABOVE_AUTHORITY' };
  return null;
}

export function availableActions(c: Complaint, ability: AppAbility, actor: Actor): A[] {
  return (Object.keys(STEPS) as A[]).filter((action) => refusalOf(action, c, ability, actor) === null);
}
