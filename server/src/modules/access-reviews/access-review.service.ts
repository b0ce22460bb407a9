import type { EntityManager } from 'typeorm';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import { activeStaffAccess } from '../permissions/permissions.service';
import { revokeGrant } from '../staff/grant.service';
import { GrantStatus, RoleGrant } from '../staff/role-grant.entity';
import { requiredReason } from '../staff/staff-lifecycle.service';
import { AccessReviewCampaign } from './access-review-campaign.entity';
import { AccessReviewItem } from './access-review-item.entity';
import { CampaignStatus, ReviewDecision, ReviewOutcome } from './access-review.enums';
import type { CampaignFilter, CampaignListArgs, ItemFilter, ItemListArgs } from './access-review.inputs';
import { canReview } from './access-review.launch';

const campaignSpec: ListSpec<AccessReviewCampaign> = {
  subject: 'AccessReviewCampaign',
  alias: 'c',
  sortable: { id: 'c.id', name: 'c.name', dueAt: 'c.dueAt', status: 'c.status', createdAt: 'c.createdAt' },
  defaultSort: { field: 'id', order: SortOrder.DESC },
  filters: { ids: filterBy.ids('c'), status: filterBy.equals('c', 'status'), scope: filterBy.equals('c', 'scope') },
};

export const itemSpec: ListSpec<AccessReviewItem> = {
  subject: 'AccessReviewItem',
  alias: 'i',
  sortable: { id: 'i.id', staffUsername: 'i.staffUsername', roleName: 'i.roleName', outcome: 'i.outcome', decidedAt: 'i.decidedAt' },
  defaultSort: { field: 'id', order: SortOrder.ASC },
  filters: {
    ids: filterBy.ids('i'),
    campaignId: filterBy.equals('i', 'campaignId'),
    reviewerId: filterBy.equals('i', 'reviewerId'),
    staffId: filterBy.equals('i', 'staffId'),
    outcome: filterBy.equals('i', 'outcome'),
    flagged: filterBy.equals('i', 'flagged'),
  },
};

const campaignQuery = (ctx: RequestContext, filter: CampaignFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, AccessReviewCampaign, 'c'), campaignSpec, filter);
export const listCampaigns = (ctx: RequestContext, args: CampaignListArgs) => applySortAndPage(ctx, campaignQuery(ctx, args.filter), campaignSpec, args).getMany();
export const countCampaigns = (ctx: RequestContext, args: CampaignListArgs) => campaignQuery(ctx, args.filter).getCount();
export const getCampaign = (ctx: RequestContext, id: string | number) => findGuarded(ctx, AccessReviewCampaign, id);

/** Reviewers see only their own items (the row rule reviewerId = ${staff.id}); administrators and compliance see all. */
export const itemQuery = (ctx: RequestContext, filter: ItemFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, AccessReviewItem, 'i'), itemSpec, filter);
export const listItems = (ctx: RequestContext, args: ItemListArgs) => applySortAndPage(ctx, itemQuery(ctx, args.filter), itemSpec, args).getMany();
export const countItems = (ctx: RequestContext, args: ItemListArgs) => itemQuery(ctx, args.filter).getCount();
export const getItem = (ctx: RequestContext, id: string | number) => findGuarded(ctx, AccessReviewItem, id);

const campaignCache = new WeakMap<RequestContext, Map<number, Promise<AccessReviewCampaign | null>>>();

/**
 * The name and deadline of an item's campaign, once per request. Read without the campaign row rule on
 * purpose: a reviewer may read their items, and an item's deadline is part of it.
 */
export function campaignSummary(ctx: RequestContext, campaignId: number): Promise<AccessReviewCampaign | null> {
  let cache = campaignCache.get(ctx);
  if (!cache) campaignCache.set(ctx, (cache = new Map()));
  let found = cache.get(campaignId);
  if (!found) cache.set(campaignId, (found = ctx.db.getRepository(AccessReviewCampaign).findOne({ where: { id: campaignId } })));
  return found;
}

export type Totals = Record<ReviewOutcome | 'total' | 'unassigned', number>;

/** Items of a campaign by outcome: the progress bar while open, the summary of the evidence after. */
export async function totalsOf(em: EntityManager, campaignId: number): Promise<Totals> {
  const rows: { outcome: ReviewOutcome; n: number | string; unassigned: number | string }[] = await em
    .createQueryBuilder(AccessReviewItem, 'i')
    .select('i.outcome', 'outcome')
    .addSelect('COUNT(*)', 'n')
    .addSelect('SUM(CASE WHEN i.reviewerId IS NULL THEN 1 ELSE 0 END)', 'unassigned')
    .where('i.campaignId = :campaignId', { campaignId })
    .groupBy('i.outcome')
    .getRawMany();
  const totals = Object.fromEntries([...Object.values(ReviewOutcome), 'total', 'unassigned'].map((k) => [k, 0])) as Totals;
  for (const row of rows) {
    totals[row.outcome] = Number(row.n);
    totals.total += Number(row.n);
    if (row.outcome === ReviewOutcome.pending) totals.unassigned = Number(row.unassigned ?? 0);
  }
  return totals;
}

async function openCampaign(em: EntityManager, campaignId: number): Promise<AccessReviewCampaign> {
  const campaign = await em.getRepository(AccessReviewCampaign).findOneOrFail({ where: { id: campaignId } });
  if (campaign.status !== CampaignStatus.open || campaign.dueAt <= now()) throw new AppError('REVIEW_CLOSED', { message: `The access review "${campaign.name}" is ${campaign.status === CampaignStatus.open ? 'past its deadline' : campaign.status}` });
  return campaign;
}

/** Settles a pending item, only if it is still pending (two reviewers, or a reviewer and the deadline, cannot both settle it). */
export async function settle(em: EntityManager, item: AccessReviewItem, changes: Partial<AccessReviewItem>): Promise<void> {
  const result = await em.createQueryBuilder().update(AccessReviewItem).set({ ...changes, settledAt: now() }).where('id = :id AND outcome = :pending', { id: item.id, pending: ReviewOutcome.pending }).execute();
  if (result.affected !== 1) throw new AppError('REVIEW_ITEM_DECIDED');
}

/** The last answer completes the campaign before its deadline. */
async function completeIfDone(ctx: RequestContext, em: EntityManager, campaign: AccessReviewCampaign): Promise<void> {
  const pending = await em.getRepository(AccessReviewItem).count({ where: { campaignId: campaign.id, outcome: ReviewOutcome.pending } });
  if (pending) return;
  await em.update(AccessReviewCampaign, { id: campaign.id }, { status: CampaignStatus.completed, closedAt: now(), updatedAt: now(), version: campaign.version + 1 });
  await recordAudit(em, ctx, { action: 'access_review.complete', subjectType: 'AccessReviewCampaign', subjectId: campaign.id, changes: { ...(await totalsOf(em, campaign.id)) } });
}

/**
 * A reviewer keeps or revokes one grant, with a comment. Revoking ends the grant at once (the holder
 * loses it on their next request). Nobody decides on their own access.
 */
export async function decide(ctx: RequestContext, id: string, decision: ReviewDecision, comment: string): Promise<AccessReviewItem> {
  const why = requiredReason(comment, 'comment');
  await inTransaction(ctx.db, async (em) => {
    const item = await findGuarded(ctx, AccessReviewItem, id, 'review', em);
    if (item.staffId === ctx.staff!.id) throw new AppError('OWN_REVIEW');
    if (item.outcome !== ReviewOutcome.pending) throw new AppError('REVIEW_ITEM_DECIDED');
    const campaign = await openCampaign(em, item.campaignId);
    const grant = await em.getRepository(RoleGrant).findOneOrFail({ where: { id: item.grantId } });
    const live = grant.status === GrantStatus.active || grant.status === GrantStatus.pending_approval;
    let outcome = decision === ReviewDecision.keep ? ReviewOutcome.kept : ReviewOutcome.revoked;
    if (!live) outcome = ReviewOutcome.already_ended;
    else if (decision === ReviewDecision.revoke) await revokeGrant(em, ctx, grant, `access review "${campaign.name}": ${why}`);
    await settle(em, item, { decision, comment: why, decidedAt: now(), decidedById: ctx.staff!.id, outcome });
    await recordAudit(em, ctx, {
      action: 'access_review.decide',
      subjectType: 'AccessReviewItem',
      subjectId: item.id,
      changes: { campaignId: campaign.id, grantId: grant.id, staff: item.staffUsername, role: item.roleName, decision, outcome },
      reason: why,
    });
    await completeIfDone(ctx, em, campaign);
  });
  return getItem(ctx, id);
}

/**
 * An administrator hands a pending item to another reviewer (an unassigned one, or a reviewer on leave),
 * with a reason. Never to the staff member under review (separation of duties), and only to an active
 * account that may review access; the new reviewer is notified in the same transaction.
 */
export async function reassign(ctx: RequestContext, id: string, reviewerId: string, reason: string): Promise<AccessReviewItem> {
  const why = requiredReason(reason);
  const reviewer = Number(reviewerId);
  if (!Number.isSafeInteger(reviewer) || reviewer <= 0) throw invalidInput({ reviewerId: 'no such active staff member' });
  await inTransaction(ctx.db, async (em) => {
    const item = await findGuarded(ctx, AccessReviewItem, id, 'read', em);
    const campaign = await openCampaign(em, item.campaignId);
    assertCanWrite(ctx.ability, 'update', campaign, []);
    if (item.outcome !== ReviewOutcome.pending) throw new AppError('REVIEW_ITEM_DECIDED');
    if (reviewer === item.staffId) throw new AppError('OWN_REVIEW');
    if (reviewer === item.reviewerId) throw invalidInput({ reviewerId: 'is already the reviewer' });
    const person = await activeStaffAccess(em, reviewer);
    if (!canReview(person)) throw invalidInput({ reviewerId: 'is not an active staff member who may review access' });
    await em.update(AccessReviewItem, { id: item.id }, { reviewerId: reviewer });
    await recordAudit(em, ctx, {
      action: 'access_review.reassign',
      subjectType: 'AccessReviewItem',
      subjectId: item.id,
      changes: { campaignId: campaign.id, staff: item.staffUsername, role: item.roleName, reviewerId: { from: item.reviewerId, to: reviewer }, reviewer: person!.staff.username },
      reason: why,
    });
    await notify(em, [reviewer], {
      kind: 'access_review_assigned',
      complaintId: null,
      title: `权限复核：${campaign.name}（1 项待复核）`,
      body: `Please keep or revoke the role "${item.roleName}" of ${item.staffName} (${item.staffUsername}) before ${campaign.dueAt.toISOString()}. Reassigned to you: ${why}`,
    });
  });
  return getItem(ctx, id);
}

/** Stops a campaign: pending items are closed as cancelled and no grant changes. */
export async function cancel(ctx: RequestContext, id: string, reason: string): Promise<AccessReviewCampaign> {
  const why = requiredReason(reason);
  await inTransaction(ctx.db, async (em) => {
    const campaign = await findGuarded(ctx, AccessReviewCampaign, id, 'read', em);
    assertCanWrite(ctx.ability, 'update', campaign, ['status']);
    if (campaign.status !== CampaignStatus.open) throw new AppError('REVIEW_CLOSED');
    const at = now();
    const cancelled = await em.update(AccessReviewItem, { campaignId: campaign.id, outcome: ReviewOutcome.pending }, { outcome: ReviewOutcome.cancelled, settledAt: at });
    await em.update(AccessReviewCampaign, { id: campaign.id }, { status: CampaignStatus.cancelled, closedAt: at, updatedAt: at, version: campaign.version + 1 });
    await recordAudit(em, ctx, { action: 'access_review.cancel', subjectType: 'AccessReviewCampaign', subjectId: campaign.id, changes: { itemsCancelled: cancelled.affected ?? 0 }, reason: why });
  });
  return getCampaign(ctx, id);
}
