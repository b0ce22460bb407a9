import type { EntityManager } from 'typeorm';
import { findGuarded } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import { everyonesAccess, type StaffWithAccess } from '../permissions/permissions.service';
import { Branch } from '../branches/branch.entity';
import { Role } from '../staff/role.entity';
import { accessPolicy } from '../staff/staff-lifecycle.service';
import { AccessReviewCampaign } from './access-review-campaign.entity';
import { AccessReviewItem } from './access-review-item.entity';
import { CampaignStatus, ReviewOutcome, ReviewScope } from './access-review.enums';
import type { CreateCampaignArgs } from './access-review.inputs';

/** The role whose holders review their own branch's access by default. */
export const MANAGER_ROLE = 'manager';

interface ScopedGrant {
  grant_id: number;
  staff_id: number;
  username: string;
  display_name: string;
  branch_id: number | null;
  role_id: number;
  role_name: string;
  role_label: string;
  reason: string;
  created_at: string | Date;
  valid_until: string | Date | null;
}

/** Grants that give or will give rights (active, not expired) in the campaign's scope. */
async function grantsInScope(em: EntityManager, campaign: AccessReviewCampaign): Promise<ScopedGrant[]> {
  const qb = em
    .createQueryBuilder()
    .select(['g.id AS grant_id', 'g.staff_id AS staff_id', 's.username AS username', 's.display_name AS display_name', 's.branch_id AS branch_id'])
    .addSelect(['r.id AS role_id', 'r.name AS role_name', 'r.label AS role_label', 'g.reason AS reason', 'g.created_at AS created_at', 'g.valid_until AS valid_until'])
    .from('role_grant', 'g')
    .innerJoin('staff', 's', 's.id = g.staff_id')
    .innerJoin('role', 'r', 'r.id = g.role_id')
    .where("g.status = 'active'")
    .andWhere('(g.valid_until IS NULL OR g.valid_until > :at)', { at: sqlTime(now()) });
  if (campaign.scope === ReviewScope.branch) qb.andWhere('s.branch_id = :branchId', { branchId: campaign.scopeBranchId });
  if (campaign.scope === ReviewScope.role) qb.andWhere('g.role_id = :roleId', { roleId: campaign.scopeRoleId });
  return qb.orderBy('s.username', 'ASC').addOrderBy('g.id', 'ASC').getRawMany();
}

export const canReview = (entry: StaffWithAccess | undefined) => !!entry && entry.access.ability.can('review', 'AccessReviewItem');

/**
 * Who decides an item: the campaign's named reviewer; otherwise a manager-role holder of the staff
 * member's branch; otherwise the administrator who started the campaign. Never the staff member
 * themselves: such an item is left unassigned for an administrator to assign.
 */
export function reviewerFor(grantee: { staffId: number; branchId: number | null }, campaign: AccessReviewCampaign, people: Map<number, StaffWithAccess>): number | null {
  const candidates: (number | null | undefined)[] = [campaign.reviewerId];
  if (!campaign.reviewerId) {
    const managers = [...people.values()]
      .filter((p) => p.staff.branchId !== null && p.staff.branchId === grantee.branchId && p.grants.some((g) => g.roleName === MANAGER_ROLE) && canReview(p))
      .map((p) => p.staff.id)
      .sort((a, b) => a - b);
    candidates.push(...managers, campaign.createdById);
  }
  return candidates.find((id): id is number => !!id && id !== grantee.staffId && canReview(people.get(id))) ?? null;
}

const toDate = (value: string | Date | null): Date | null => (value === null ? null : value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`));

/** A missing (or unreadable) branch or role is a problem with the input; anything else is not ours to hide. */
const orNull = (error: unknown): null => {
  if (error instanceof AppError && error.reason === 'NOT_FOUND') return null;
  throw error;
};

async function checkScope(ctx: RequestContext, em: EntityManager, args: CreateCampaignArgs): Promise<{ branchId: number | null; roleId: number | null }> {
  const problems: Record<string, string> = {};
  let branchId: number | null = null;
  let roleId: number | null = null;
  if (args.scope === ReviewScope.branch) {
    if (!args.branchId) problems.branchId = 'is required for a branch review';
    else branchId = (await findGuarded(ctx, Branch, args.branchId, 'read', em).catch(orNull))?.id ?? null;
    if (args.branchId && branchId === null) problems.branchId = 'no such branch';
  }
  if (args.scope === ReviewScope.role) {
    if (!args.roleId) problems.roleId = 'is required for a role review';
    else roleId = (await findGuarded(ctx, Role, args.roleId, 'read', em).catch(orNull))?.id ?? null;
    if (args.roleId && roleId === null) problems.roleId = 'no such role';
  }
  if (args.dueAt.getTime() <= now().getTime() + 3600_000) problems.dueAt = 'must be at least an hour from now';
  if (Object.keys(problems).length) throw invalidInput(problems);
  return { branchId, roleId };
}

/** Starts a campaign: one item per grant in scope, each with its reviewer, who is notified. */
export async function createCampaign(ctx: RequestContext, args: CreateCampaignArgs): Promise<number> {
  return inTransaction(ctx.db, async (em) => {
    const { branchId, roleId } = await checkScope(ctx, em, args);
    const people = new Map((await everyonesAccess(em)).map((p) => [p.staff.id, p]));
    const reviewerId = args.reviewerId ? Number(args.reviewerId) : null;
    if (reviewerId !== null && !canReview(people.get(reviewerId))) throw invalidInput({ reviewerId: 'is not an active staff member who may review access' });
    const at = now();
    const campaign = Object.assign(new AccessReviewCampaign(), {
      name: args.name.trim(), description: args.description?.trim() ?? '', scope: args.scope, scopeBranchId: branchId, scopeRoleId: roleId, reviewerId,
      dueAt: args.dueAt, remindDaysBefore: args.remindDaysBefore ?? (await accessPolicy(em)).reviewReminderDays, deadlineRule: args.deadlineRule,
      status: CampaignStatus.open, createdById: ctx.staff!.id, remindedAt: null, closedAt: null, version: 1, createdAt: at, updatedAt: at,
    });
    assertCanWrite(ctx.ability, 'create', campaign, ['name', 'scope', 'dueAt', 'deadlineRule']);
    const grants = await grantsInScope(em, campaign);
    if (!grants.length) throw invalidInput({ scope: 'there are no grants in effect to review in this scope' });
    const saved = await em.save(campaign);
    const items = grants.map((g) => ({
      campaignId: saved.id, grantId: Number(g.grant_id), staffId: Number(g.staff_id), staffUsername: g.username, staffName: g.display_name,
      branchId: g.branch_id === null ? null : Number(g.branch_id), roleId: Number(g.role_id), roleName: g.role_name, roleLabel: g.role_label,
      grantReason: g.reason, grantedAt: toDate(g.created_at)!, validUntil: toDate(g.valid_until),
      reviewerId: reviewerFor({ staffId: Number(g.staff_id), branchId: g.branch_id === null ? null : Number(g.branch_id) }, saved, people),
      decision: null, comment: null, decidedAt: null, decidedById: null, outcome: ReviewOutcome.pending, flagged: false, settledAt: null, createdAt: at,
    }));
    for (let i = 0; i < items.length; i += 200) await em.insert(AccessReviewItem, items.slice(i, i + 200));
    const reviewers = [...new Set(items.map((i) => i.reviewerId).filter((id): id is number => id !== null))];
    await recordAudit(em, ctx, {
      action: 'access_review.create',
      subjectType: 'AccessReviewCampaign',
      subjectId: saved.id,
      changes: { name: saved.name, scope: saved.scope, branchId, roleId, dueAt: saved.dueAt.toISOString(), deadlineRule: saved.deadlineRule, items: items.length, reviewers: reviewers.length, unassigned: items.filter((i) => i.reviewerId === null).length },
    });
    for (const reviewer of reviewers) {
      const mine = items.filter((i) => i.reviewerId === reviewer).length;
      await notify(em, [reviewer], {
        kind: 'access_review_assigned',
        complaintId: null,
        title: `权限复核：${saved.name}（${mine} 项待复核）`,
        body: `Please keep or revoke ${mine} role grant(s) in the access review "${saved.name}" before ${saved.dueAt.toISOString()}. Unanswered items will be ${saved.deadlineRule === 'revoke' ? 'revoked' : 'kept and flagged'} at the deadline.`,
      });
    }
    return saved.id;
  });
}
