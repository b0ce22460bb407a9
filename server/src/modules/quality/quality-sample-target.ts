import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { Complaint } from '../complaints/complaint.entity';
import { PolicyInquiry } from '../inquiry/policy-inquiry.entity';
import { Policy } from '../policies/policy.entity';
import { Staff } from '../staff/staff.entity';
import type { EM } from './quality-inspection-change';
import { SampleKind } from './quality.enums';

/** What counts as whose work. */

export interface SampleTarget {
  label: string;
  handledByIds: number[];
  branchId: number | null;
}

/**
 * A complaint is named by its number only: its summary may carry the complainant's personal data, and a
 * copy kept here would outlive the complaint's anonymisation. The report reads the rest live.
 */
export const complaintLabel = (c: Complaint) => c.number;

export const handlersOfComplaint = (c: Complaint) => [...new Set([c.assigneeId, c.registeredById, c.proposedById, c.approvedById].filter((v): v is number => !!v))];

/** The sampled record, read through the caller's rights (an unreadable one is "no such"), and whose work it is. */
export async function sampleTarget(ctx: RequestContext, em: EM, kind: SampleKind, refId: number, field: string): Promise<SampleTarget> {
  const missing = () => invalidInput({ [field]: `no such ${kind}` });
  if (!Number.isSafeInteger(refId) || refId <= 0) throw missing();
  switch (kind) {
    case SampleKind.complaint: {
      const c = await guardedQuery(ctx, Complaint, 'c', 'read', em).andWhere('c.id = :id', { id: refId }).getOne();
      if (!c) throw missing();
      return { label: complaintLabel(c), handledByIds: handlersOfComplaint(c), branchId: c.branchId };
    }
    case SampleKind.inquiry: {
      const q = await guardedQuery(ctx, PolicyInquiry, 'q', 'read', em).andWhere('q.id = :id', { id: refId }).getOne();
      if (!q) throw missing();
      return { label: `${q.channel} ${q.policyNumber} ${q.at.toISOString().slice(0, 16).replace('T', ' ')}`, handledByIds: q.staffId ? [q.staffId] : [], branchId: q.branchId };
    }
    case SampleKind.staff: {
      const s = await guardedQuery(ctx, Staff, 's', 'read', em).andWhere('s.id = :id', { id: refId }).getOne();
      if (!s) throw missing();
      return { label: `${s.displayName} (${s.username})`, handledByIds: [s.id], branchId: s.branchId };
    }
    case SampleKind.policy: {
      const p = await guardedQuery(ctx, Policy, 'p', 'read', em).andWhere('p.id = :id', { id: refId }).getOne();
      if (!p) throw missing();
      return { label: `${p.policyNumber} ${p.productName}`.slice(0, 200), handledByIds: [], branchId: p.branchId };
    }
    default:
      throw missing();
  }
}

export function refuseOwnWork(ctx: RequestContext, inspectorId: number, handledByIds: number[], what: string): void {
  if (handledByIds.includes(inspectorId)) {
    throw new AppError('QUALITY_SELF_INSPECTION', { message: `Nobody inspects their own work: ${what} is the work of the inspector` });
  }
}
