import { guardedQuery } from '../../access/guarded-query';
import { sqlTime } from '../../db/columns';
import { AccessReviewCampaign } from '../access-reviews/access-review-campaign.entity';
import { AccessReviewItem } from '../access-reviews/access-review-item.entity';
import { ReviewDecision, ReviewOutcome } from '../access-reviews/access-review.enums';
import { AuditEntry, AuditOutcome } from '../audit/audit-entry.entity';
import { Branch } from '../branches/branch.entity';
import { violations } from '../duties/duty-conflict.service';
import { Staff } from '../staff/staff.entity';
import { accessPolicy } from '../staff/staff-lifecycle.service';
import { dormantCondition, dormantCutoff } from '../staff/staff.list';
import type { ReportRequest } from './report-definition';
import { inPeriod, num, sumIf } from './report-sql';

/**
 * The figures of report 4, access-review evidence (权限复核证据), as SQL aggregations over what the
 * requester may read (the AccessReviewCampaign, AccessReviewItem, Staff and AuditEntry row rules): a
 * section built on something the requester may not read is `null`, never zeros. A branch's figures are
 * those of its staff: review items of staff in that branch (the branch copied into the item when the
 * campaign started), violations and dormant accounts of staff in that branch today.
 *
 * Campaigns and items are counted for the period; separation-of-duties violations and dormant accounts
 * are a state, judged at the generation instant (asOf), like the register's open items.
 */

/** The most accounts the dormant and violation lists show; the counts always cover everyone. */
export const LIST_MAX = 200;

export interface CampaignRow {
  id: number;
  name: string;
  scope: string;
  status: string;
  createdAt: string;
  dueAt: string;
  closedAt: string | null;
  items: number;
  kept: number;
  revoked: number;
  /** Unanswered at the deadline: revoked by the campaign's rule, or kept and flagged. */
  lapsedRevoked: number;
  lapsedFlagged: number;
  alreadyEnded: number;
  cancelled: number;
  pending: number;
}

export interface CampaignFigures {
  /** Campaigns under way at some point of the period: started before its end, not closed before its start. */
  rows: CampaignRow[];
  launched: number;
  /** Ended in the period, by how: completed (every item answered), closed at the deadline, cancelled. */
  completed: number;
  closed: number;
  cancelled: number;
  /** Still open when the report was generated. */
  openNow: number;
}

export interface ItemFigures {
  /** Decided by a reviewer in the period. */
  reviewed: number;
  kept: number;
  /** Decided "revoke" with the grant still in effect: revoked there and then. */
  revoked: number;
  /** Decided on a grant that had already ended. */
  alreadyEnded: number;
  /** Unanswered at a deadline that passed in the period. */
  lapsed: number;
  lapsedRevoked: number;
  lapsedFlagged: number;
  /** Grants taken away by the reviews in the period: revoked + lapsedRevoked. */
  grantsRevoked: number;
}

export interface ViolationRow {
  rule: string;
  description: string;
  staffId: number;
  username: string;
  name: string;
  branchName: string;
}

export interface DutyFigures {
  /** Pairs meeting in one person through grants in effect at asOf. */
  standing: number;
  staff: number;
  rows: ViolationRow[];
  /** Grants refused in the period because they would have joined a pair (null: audit trail not readable). */
  refusedGrants: number | null;
}

export interface DormantRow {
  staffId: number;
  username: string;
  name: string;
  branchName: string;
  lastLoginAt: string | null;
  /** Whole days since the last sign-in (or since the account was created, never signed in). */
  idleDays: number;
}

export interface DormantFigures {
  days: number;
  cutoff: string;
  total: number;
  byBranch: Array<{ branchId: number | null; branchName: string; count: number }>;
  accounts: DormantRow[];
}

const DAY_MS = 24 * 3600_000;
const periodParams = (request: ReportRequest) => ({ pFrom: sqlTime(request.bounds.start), pTo: sqlTime(request.bounds.end) });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function branchNames(request: ReportRequest): Promise<Map<number, string>> {
  return new Map((await request.db.getRepository(Branch).find({ select: { id: true, name: true } })).map((b) => [b.id, b.name]));
}
const nameOf = (names: Map<number, string>, id: number | null) => (id === null ? '—' : names.get(id) ?? `#${id}`);

function items(request: ReportRequest) {
  const qb = guardedQuery(request, AccessReviewItem, 'i');
  if (request.branchId !== null) qb.andWhere('i.branch_id = :scopeBranch', { scopeBranch: request.branchId });
  return qb;
}

const O = (outcome: ReviewOutcome) => `i.outcome = '${outcome}'`;

export async function campaignFigures(request: ReportRequest): Promise<CampaignFigures | null> {
  if (!request.ability.can('read', 'AccessReviewCampaign') || !request.ability.can('read', 'AccessReviewItem')) return null;
  const params = periodParams(request);
  const qb = guardedQuery(request, AccessReviewCampaign, 'c').andWhere('c.created_at < :pTo AND (c.closed_at IS NULL OR c.closed_at >= :pFrom)', params);
  if (request.branchId !== null) {
    // A branch's campaigns: those reviewing it, or holding an item of one of its staff.
    qb.andWhere('(c.scope_branch_id = :scopeBranch OR EXISTS (SELECT 1 FROM access_review_item x WHERE x.campaign_id = c.id AND x.branch_id = :scopeBranch))', { scopeBranch: request.branchId });
  }
  const campaigns = await qb.orderBy('c.created_at', 'ASC').addOrderBy('c.id', 'ASC').getMany();
  const ids = campaigns.map((c) => c.id);
  const counts: Array<Record<string, unknown>> = ids.length
    ? await items(request)
        .select('i.campaign_id', 'campaignId')
        .addSelect('COUNT(*)', 'items')
        .addSelect(sumIf(O(ReviewOutcome.kept)), 'kept')
        .addSelect(sumIf(O(ReviewOutcome.revoked)), 'revoked')
        .addSelect(sumIf(O(ReviewOutcome.revoked_at_deadline)), 'lapsedRevoked')
        .addSelect(sumIf(O(ReviewOutcome.kept_flagged)), 'lapsedFlagged')
        .addSelect(sumIf(O(ReviewOutcome.already_ended)), 'alreadyEnded')
        .addSelect(sumIf(O(ReviewOutcome.cancelled)), 'cancelled')
        .addSelect(sumIf(O(ReviewOutcome.pending)), 'pending')
        .andWhere('i.campaign_id IN (:...ids)', { ids })
        .groupBy('i.campaign_id')
        .getRawMany()
    : [];
  const byCampaign = new Map(counts.map((r) => [num(r.campaignId), r]));
  const rows: CampaignRow[] = campaigns.map((c) => {
    const r = byCampaign.get(c.id) ?? {};
    return {
      id: c.id, name: c.name, scope: c.scope, status: c.status, createdAt: c.createdAt.toISOString(), dueAt: c.dueAt.toISOString(), closedAt: iso(c.closedAt),
      items: num(r.items), kept: num(r.kept), revoked: num(r.revoked), lapsedRevoked: num(r.lapsedRevoked), lapsedFlagged: num(r.lapsedFlagged),
      alreadyEnded: num(r.alreadyEnded), cancelled: num(r.cancelled), pending: num(r.pending),
    };
  });
  const totals = await qb
    .clone()
    .select(sumIf(inPeriod('c.created_at')), 'launched')
    .addSelect(sumIf(`${inPeriod('c.closed_at')} AND c.status = 'completed'`), 'completed')
    .addSelect(sumIf(`${inPeriod('c.closed_at')} AND c.status = 'closed'`), 'closed')
    .addSelect(sumIf(`${inPeriod('c.closed_at')} AND c.status = 'cancelled'`), 'cancelled')
    .addSelect(sumIf("c.status = 'open'"), 'openNow')
    .orderBy()
    .getRawOne<Record<string, unknown>>();
  return { rows, launched: num(totals?.launched), completed: num(totals?.completed), closed: num(totals?.closed), cancelled: num(totals?.cancelled), openNow: num(totals?.openNow) };
}

export async function itemFigures(request: ReportRequest): Promise<ItemFigures | null> {
  if (!request.ability.can('read', 'AccessReviewItem')) return null;
  const decided = `${inPeriod('i.decided_at')} AND i.decision IS NOT NULL`;
  const lapsed = (outcome: ReviewOutcome) => `${inPeriod('i.settled_at')} AND ${O(outcome)}`;
  const row = await items(request)
    .select(sumIf(decided), 'reviewed')
    .addSelect(sumIf(`${decided} AND i.decision = '${ReviewDecision.keep}'`), 'kept')
    .addSelect(sumIf(`${decided} AND ${O(ReviewOutcome.revoked)}`), 'revoked')
    .addSelect(sumIf(`${decided} AND ${O(ReviewOutcome.already_ended)}`), 'alreadyEnded')
    .addSelect(sumIf(lapsed(ReviewOutcome.revoked_at_deadline)), 'lapsedRevoked')
    .addSelect(sumIf(lapsed(ReviewOutcome.kept_flagged)), 'lapsedFlagged')
    .setParameters(periodParams(request))
    .getRawOne<Record<string, unknown>>();
  const [lapsedRevoked, lapsedFlagged, revoked] = [num(row?.lapsedRevoked), num(row?.lapsedFlagged), num(row?.revoked)];
  return {
    reviewed: num(row?.reviewed),
    kept: num(row?.kept),
    revoked,
    alreadyEnded: num(row?.alreadyEnded),
    lapsed: lapsedRevoked + lapsedFlagged,
    lapsedRevoked,
    lapsedFlagged,
    grantsRevoked: revoked + lapsedRevoked,
  };
}

/** The staff of the scope the requester may read, by id. */
async function readableStaff(request: ReportRequest, ids: number[]): Promise<Map<number, Staff>> {
  if (!ids.length) return new Map();
  const qb = guardedQuery(request, Staff, 's').andWhere('s.id IN (:...ids)', { ids });
  if (request.branchId !== null) qb.andWhere('s.branch_id = :scopeBranch', { scopeBranch: request.branchId });
  return new Map((await qb.getMany()).map((s) => [s.id, s]));
}

/**
 * Separation-of-duties pairs meeting in one person. The pairs and the roles are rules (JSON) that only
 * CASL can evaluate, so this one figure is the duties module's own check (violations), not SQL; it
 * reads the grants in effect in two queries whatever the headcount.
 */
export async function dutyFigures(request: ReportRequest): Promise<DutyFigures | null> {
  if (!request.ability.can('read', 'DutyConflictRule') || !request.ability.can('read', 'Staff')) return null;
  const found = await violations(request);
  const staff = await readableStaff(request, [...new Set(found.map((v) => v.staffId))]);
  const names = await branchNames(request);
  const inScope = found.filter((v) => staff.has(v.staffId));
  const rows = inScope.slice(0, LIST_MAX).map((v) => {
    const s = staff.get(v.staffId)!;
    return { rule: v.rule.name, description: v.rule.description, staffId: s.id, username: s.username, name: s.displayName, branchName: nameOf(names, s.branchId) };
  });
  let refusedGrants: number | null = null;
  if (request.ability.can('read', 'AuditEntry')) {
    // A refused grant is audited by the access layer with the refusal's message, which names the pair.
    const qb = guardedQuery(request, AuditEntry, 'a')
      .andWhere(inPeriod('a.at'), periodParams(request))
      .andWhere("a.outcome = :denied AND a.action LIKE 'mutation.%RoleGrant' AND a.reason LIKE '%separation of duties%'", { denied: AuditOutcome.denied });
    if (request.branchId !== null) qb.innerJoin(Staff, 'st', 'st.id = a.staff_id').andWhere('st.branch_id = :scopeBranch', { scopeBranch: request.branchId });
    refusedGrants = await qb.getCount();
  }
  return { standing: inScope.length, staff: new Set(inScope.map((v) => v.staffId)).size, rows, refusedGrants };
}

/** Active accounts without a sign-in for the access policy's dormantAfterDays, as of the generation instant. */
export async function dormantFigures(request: ReportRequest): Promise<DormantFigures | null> {
  if (!request.ability.can('read', 'Staff')) return null;
  const days = (await accessPolicy(request.db.manager)).dormantAfterDays;
  const cutoff = dormantCutoff(days, request.asOf);
  const dormant = () => {
    const qb = guardedQuery(request, Staff, 's').andWhere(dormantCondition('s', 'cutoff'), { cutoff: sqlTime(cutoff) });
    if (request.branchId !== null) qb.andWhere('s.branch_id = :scopeBranch', { scopeBranch: request.branchId });
    return qb;
  };
  const names = await branchNames(request);
  const groups: Array<{ b: unknown; n: unknown }> = await dormant().select('s.branch_id', 'b').addSelect('COUNT(*)', 'n').groupBy('s.branch_id').orderBy('s.branch_id', 'ASC').getRawMany();
  const byBranch = groups.map((g) => {
    const branchId = g.b === null ? null : num(g.b);
    return { branchId, branchName: nameOf(names, branchId), count: num(g.n) };
  });
  // Never signed in first (NULL sorts first on both databases), then the longest idle.
  const accounts = await dormant().orderBy('s.lastLoginAt', 'ASC').addOrderBy('s.createdAt', 'ASC').addOrderBy('s.id', 'ASC').take(LIST_MAX).getMany();
  return {
    days,
    cutoff: cutoff.toISOString(),
    total: byBranch.reduce((n, g) => n + g.count, 0),
    byBranch,
    accounts: accounts.map((s) => ({
      staffId: s.id,
      username: s.username,
      name: s.displayName,
      branchName: nameOf(names, s.branchId),
      lastLoginAt: iso(s.lastLoginAt),
      idleDays: Math.floor((request.asOf.getTime() - (s.lastLoginAt ?? s.createdAt).getTime()) / DAY_MS),
    })),
  };
}
