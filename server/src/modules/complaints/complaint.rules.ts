import { isMaskOf, looksMasked } from '../../access/mask';
import { SENSITIVE_FIELDS } from '../../access/sensitive-fields';
import { blindIndex } from '../../db/field-crypto';
import { normalizePhone } from '../customers/customer.rules';
import type { Complaint } from './complaint.entity';
import { ComplaintChannel, ComplaintSeverity, MajorReason } from './complaint.enums';
import type { ApprovalLimit, ComplaintPolicy } from './complaint-policy.entity';

export const REQUIRED_ON_CREATE = ['channel', 'branchId', 'category', 'summary'] as const;
export const CONTACT_FIELDS = ['complainantPhone', 'complainantEmail', 'complainantAddress'] as const;

// A receipt time a few minutes ahead is a clock difference between the counter PC and the server, not the future.
const CLOCK_SKEW_MS = 5 * 60_000;

type MajorInputs = Pick<Complaint, 'channel' | 'involvesMedia' | 'involvesLitigation' | 'disputedAmountFen' | 'deathCount' | 'groupComplaint' | 'majorByHand'>;

/** Why a complaint is major under the policy's thresholds; empty for a general complaint. */
export function majorReasonsOf(c: Partial<MajorInputs>, policy: Pick<ComplaintPolicy, 'majorAmountFen' | 'majorDeathCount'>): MajorReason[] {
  const reasons: MajorReason[] = [];
  if (c.channel === ComplaintChannel.regulator) reasons.push(MajorReason.regulator_transferred);
  if (c.channel === ComplaintChannel.media || c.involvesMedia) reasons.push(MajorReason.media);
  if (c.involvesLitigation) reasons.push(MajorReason.litigation);
  if ((c.disputedAmountFen ?? 0) > policy.majorAmountFen) reasons.push(MajorReason.large_amount);
  if ((c.deathCount ?? 0) >= policy.majorDeathCount) reasons.push(MajorReason.deaths);
  if (c.groupComplaint) reasons.push(MajorReason.group_complaint);
  if (c.majorByHand) reasons.push(MajorReason.by_hand);
  return reasons;
}

/**
 * Severity and the start of the head-office report clock after a change: a complaint that becomes
 * major now starts its 24 hours now; one that stays major keeps its start.
 */
export function classify(c: Partial<Complaint>, policy: ComplaintPolicy, at: Date): Pick<Complaint, 'severity' | 'majorReasons' | 'majorSince'> {
  const majorReasons = majorReasonsOf(c, policy);
  const major = majorReasons.length > 0;
  return {
    severity: major ? ComplaintSeverity.major : ComplaintSeverity.general,
    majorReasons,
    majorSince: major ? (c.majorSince ?? at) : null,
  };
}

export function complainantPhoneHash(phone: string | null | undefined): string | null {
  return phone ? blindIndex('phone', normalizePhone(phone)) : null;
}

/** A mask sent back by an edit form means "unchanged": drop it so the real value is kept. */
export function dropEchoedMasks(current: Complaint, input: Record<string, unknown>): void {
  for (const [field, kind] of Object.entries(SENSITIVE_FIELDS.Complaint ?? {})) {
    const value = input[field];
    if (typeof value === 'string' && isMaskOf(kind, value, current[field as keyof Complaint] as string | null)) delete input[field];
  }
}

/** Cross-field rules on the complaint as it would be saved; field name → message. */
export function complaintProblems(c: Partial<Complaint>, at: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of CONTACT_FIELDS) {
    const value = c[field];
    if (typeof value === 'string' && looksMasked(value)) problems[field] = 'is a masked value: send the real value, or the unchanged mask to keep it';
  }
  if (!c.complainantCustomerId) {
    if (!c.complainantName?.trim()) problems.complainantName = 'is required unless the complainant is linked to a customer';
    if (!CONTACT_FIELDS.some((field) => c[field])) problems.complainantPhone = 'give a phone number, e-mail or address, or link the complainant to a customer';
  }
  if (c.summary !== undefined && !c.summary?.trim()) problems.summary = 'is required';
  if (c.receivedAt && c.receivedAt.getTime() > at.getTime() + CLOCK_SKEW_MS) problems.receivedAt = 'cannot be in the future';
  if (c.channel === ComplaintChannel.regulator) {
    if (!c.regulatorReference?.trim()) problems.regulatorReference = 'is required for a complaint transferred by the regulator';
    if (!c.regulatorDueAt) problems.regulatorDueAt = "is required for a complaint transferred by the regulator: the regulator's deadline";
    else if (c.receivedAt && c.regulatorDueAt <= c.receivedAt) problems.regulatorDueAt = 'must be after the time received';
  } else {
    if (c.regulatorReference) problems.regulatorReference = 'only a complaint transferred by the regulator has a regulator reference';
    if (c.regulatorDueAt) problems.regulatorDueAt = 'only a complaint transferred by the regulator has a regulator deadline';
  }
  return problems;
}

/**
 * The most compensation any of the roles may grant alone, in fen; null when one of them has no
 * limit. A role the policy does not list grants nothing.
 */
export function authorityOf(roles: readonly string[], limits: readonly ApprovalLimit[]): number | null {
  let best = 0;
  for (const role of roles) {
    const limit = limits.find((l) => l.role === role);
    if (!limit) continue;
    if (limit.limitFen === null || limit.limitFen === undefined) return null;
    best = Math.max(best, limit.limitFen);
  }
  return best;
}

/** Whether an amount is within an authority (null = unlimited). */
export function withinAuthority(amountFen: number, authority: number | null): boolean {
  return authority === null || amountFen <= authority;
}
