import { guardedQuery } from '../../access/guarded-query';
import { now } from '../../clock';
import type { RequestContext } from '../../graphql/context';
import { AuditEntry } from '../audit/audit-entry.entity';
import { exportCsv, type CsvExport, type ExportColumn } from '../exports/export.service';
import { AccessReviewItem } from './access-review-item.entity';
import { CampaignStatus } from './access-review.enums';
import { getCampaign, itemQuery, itemSpec, totalsOf, type Totals } from './access-review.service';
import type { ReviewEvidenceView, ReviewTotalsView } from './access-review.types';

export function totalsView(t: Totals): ReviewTotalsView {
  return {
    total: t.total, pending: t.pending, unassigned: t.unassigned, kept: t.kept, revoked: t.revoked, keptFlagged: t.kept_flagged,
    revokedAtDeadline: t.revoked_at_deadline, alreadyEnded: t.already_ended, cancelled: t.cancelled,
  };
}

/** The evidence report of a campaign: every item with its decision, the totals and the campaign's audit entries. */
export async function evidence(ctx: RequestContext, campaignId: string): Promise<ReviewEvidenceView> {
  const campaign = await getCampaign(ctx, campaignId);
  const items = await itemQuery(ctx, { campaignId: String(campaign.id) }).orderBy('i.id', 'ASC').getMany();
  const ids = items.map((i) => String(i.id));
  const audit = guardedQuery(ctx, AuditEntry, 'a').andWhere(
    ids.length
      ? "((a.subjectType = 'AccessReviewCampaign' AND a.subjectId = :cid) OR (a.subjectType = 'AccessReviewItem' AND a.subjectId IN (:...ids)))"
      : "(a.subjectType = 'AccessReviewCampaign' AND a.subjectId = :cid)",
    { cid: String(campaign.id), ids },
  );
  return {
    campaign,
    final: campaign.status === CampaignStatus.completed || campaign.status === CampaignStatus.closed,
    generatedAt: now(),
    totals: totalsView(await totalsOf(ctx.db.manager, campaign.id)),
    items,
    auditTrail: await audit.orderBy('a.seq', 'ASC').take(5000).getMany(),
  };
}

const when = (d: Date | null) => (d ? d.toISOString() : null);

const EVIDENCE_COLUMNS: ExportColumn<AccessReviewItem>[] = [
  { field: 'id', zh: '复核项编号', en: 'Item' },
  { field: 'staffUsername', zh: '用户名', en: 'Username' },
  { field: 'staffName', zh: '姓名', en: 'Name' },
  { field: 'branchId', zh: '所属机构', en: 'Branch' },
  { field: 'roleName', zh: '角色', en: 'Role' },
  { field: 'roleLabel', zh: '角色名称', en: 'Role label' },
  { field: 'grantReason', zh: '授权理由', en: 'Grant reason' },
  { field: 'grantedAt', zh: '授权时间(UTC)', en: 'Granted (UTC)', value: (i) => when(i.grantedAt) },
  { field: 'validUntil', zh: '有效期至(UTC)', en: 'Valid until (UTC)', value: (i) => when(i.validUntil) },
  { field: 'reviewerId', zh: '复核人编号', en: 'Reviewer ID' },
  { field: 'decision', zh: '复核决定', en: 'Decision' },
  { field: 'comment', zh: '复核意见', en: 'Comment' },
  { field: 'decidedAt', zh: '复核时间(UTC)', en: 'Decided (UTC)', value: (i) => when(i.decidedAt) },
  { field: 'outcome', zh: '结果', en: 'Outcome' },
  { field: 'flagged', zh: '需跟进', en: 'Flagged' },
];

/** The evidence as CSV for the regulator's file, through the same row and field guards as the list; audited. */
export async function exportEvidence(ctx: RequestContext, campaignId: string, locale: 'zh' | 'en'): Promise<CsvExport> {
  const campaign = await getCampaign(ctx, campaignId);
  const filter = { campaignId: String(campaign.id) };
  return exportCsv(ctx, { subject: 'AccessReviewItem', query: itemQuery(ctx, filter), spec: itemSpec, args: {}, columns: EVIDENCE_COLUMNS, locale, filter });
}
