import type { EntityManager } from 'typeorm';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { conflictDetail } from '../../access/separation-of-duties';
import { assertCan, assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { loadDutyConflicts } from '../auth/staff-access';
import { notify } from '../notifications/notification.service';
import { staffWhoCan } from '../permissions/permissions.service';
import type { CreateRoleGrantArgs, RoleGrantFilter, RoleGrantListArgs } from './grant.inputs';
import { heldGrants, pairBroken } from './held-grants';
import { Role } from './role.entity';
import { GrantStatus, RoleGrant } from './role-grant.entity';
import { requiredReason } from './staff-lifecycle.service';
import { Staff, StaffStatus } from './staff.entity';

const SUBJECT = 'RoleGrant';

const spec: ListSpec<RoleGrant> = {
  subject: SUBJECT,
  alias: 'g',
  sortable: { id: 'g.id', createdAt: 'g.createdAt', validUntil: 'g.validUntil', status: 'g.status', staffId: 'g.staffId', roleId: 'g.roleId' },
  defaultSort: { field: 'id', order: SortOrder.DESC },
  filters: {
    ids: filterBy.ids('g'),
    staffId: filterBy.equals('g', 'staffId'),
    roleId: filterBy.equals('g', 'roleId'),
    status: filterBy.equals('g', 'status'),
    grantedById: filterBy.equals('g', 'grantedById'),
    validUntil_lte: filterBy.range('g', 'validUntil', '<='),
    inEffect: {
      field: 'status',
      apply: (qb, value, p) => {
        const live = `(g.status = 'active' AND (g.validFrom IS NULL OR g.validFrom <= :${p}) AND (g.validUntil IS NULL OR g.validUntil > :${p}))`;
        qb.andWhere(value ? live : `NOT ${live}`, { [p]: sqlTime(now()) });
      },
    },
  },
};

const listQuery = (ctx: RequestContext, filter: RoleGrantFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, RoleGrant, 'g'), spec, filter);
export const list = (ctx: RequestContext, args: RoleGrantListArgs) => applySortAndPage(ctx, listQuery(ctx, args.filter), spec, args).getMany();
export const count = (ctx: RequestContext, args: RoleGrantListArgs) => listQuery(ctx, args.filter).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, RoleGrant, id);

export function inEffect(grant: RoleGrant, at: Date = now()): boolean {
  return grant.status === GrantStatus.active && (!grant.validFrom || grant.validFrom <= at) && (!grant.validUntil || grant.validUntil > at);
}

/** Refuses a grant that would put both sides of a separation-of-duties pair in the grantee's hands, naming the pair. */
async function assertSeparated(em: EntityManager, staff: Staff, role: Role, exceptGrantId?: number): Promise<void> {
  const held = (await heldGrants(em, { staffIds: [staff.id] })).filter((h) => h.grant.id !== exceptGrantId);
  const pair = pairBroken(held, role.rules, await loadDutyConflicts(em));
  if (pair) {
    const detail = conflictDetail(pair, staff, role);
    throw new AppError('DUTY_CONFLICT', { message: detail.message, details: [detail] });
  }
}

const describe = (staff: Staff, role: Role) => ({ staff: staff.username, role: role.name });

/**
 * Grants a role with a reason, never to oneself, optionally for a period. A high-risk role waits for a
 * second administrator (approveRoleGrant) before it takes effect; the administrators who could approve
 * are notified.
 */
export async function create(ctx: RequestContext, args: CreateRoleGrantArgs): Promise<RoleGrant> {
  const reason = requiredReason(args.reason);
  const me = ctx.staff!;
  if (Number(args.staffId) === me.id) throw new AppError('SELF_GRANT');
  const validFrom = args.validFrom ?? null;
  const validUntil = args.validUntil ?? null;
  const at = now();
  if (validUntil && validUntil <= at) throw invalidInput({ validUntil: 'must be in the future' });
  if (validFrom && validUntil && validUntil <= validFrom) throw invalidInput({ validUntil: 'must be after validFrom' });
  const saved = await inTransaction(ctx.db, async (em) => {
    const staff = await findGuarded(ctx, Staff, args.staffId, 'read', em);
    const role = await findGuarded(ctx, Role, args.roleId, 'read', em);
    if (staff.status === StaffStatus.disabled) throw invalidInput({ staffId: 'the account is disabled' });
    const draft = em.create(RoleGrant, {
      staffId: staff.id, roleId: role.id, reason, grantedById: me.id, validFrom, validUntil, createdAt: at,
      status: role.highRisk ? GrantStatus.pending_approval : GrantStatus.active,
      approvedById: null, approvedAt: null, revokedAt: null, revokedById: null, revokeReason: null,
    });
    assertCanWrite(ctx.ability, 'grant', draft, []);
    const held = await heldGrants(em, { staffIds: [staff.id] });
    if (held.some((h) => h.role.id === role.id)) {
      throw new AppError('DUPLICATE', { message: `${staff.displayName} already holds "${role.name}" or is waiting for its approval`, fields: { roleId: 'already held' } });
    }
    await assertSeparated(em, staff, role);
    const grant = await em.save(draft);
    await recordAudit(em, ctx, {
      action: 'grant.create',
      subjectType: SUBJECT,
      subjectId: grant.id,
      changes: { ...describe(staff, role), status: grant.status, validFrom: validFrom?.toISOString() ?? null, validUntil: validUntil?.toISOString() ?? null },
      reason,
    });
    if (grant.status === GrantStatus.pending_approval) {
      const approvers = (await staffWhoCan(em, 'approve', SUBJECT)).filter((id) => id !== me.id && id !== staff.id);
      await notify(em, approvers, {
        kind: 'grant_approval',
        complaintId: null,
        title: `待审批：授予 ${staff.displayName} 角色 ${role.label}`,
        body: `${me.displayName} granted the high-risk role "${role.name}" to ${staff.displayName} (${staff.username}): ${reason}. It takes effect when a second administrator approves it.`,
      });
    }
    return grant;
  });
  return get(ctx, saved.id);
}

async function pendingForDecision(ctx: RequestContext, em: EntityManager, id: string): Promise<RoleGrant> {
  const grant = await findGuarded(ctx, RoleGrant, id, 'read', em);
  assertCan(ctx.ability, 'approve', grant);
  if (grant.status !== GrantStatus.pending_approval) throw new AppError('GRANT_WRONG_STATUS', { message: `This grant is ${grant.status}, not waiting for approval` });
  // Four eyes: the approver is a third person, neither the granting administrator nor the grantee.
  if (grant.grantedById === ctx.staff!.id || grant.staffId === ctx.staff!.id) throw new AppError('FOUR_EYES');
  return grant;
}

/** Moves a grant on only from the status it was read in, so two administrators deciding at once cannot both win. */
async function transition(em: EntityManager, grant: RoleGrant, from: GrantStatus[], changes: Partial<RoleGrant>): Promise<void> {
  const result = await em.createQueryBuilder().update(RoleGrant).set(changes).where('id = :id AND status IN (:...from)', { id: grant.id, from }).execute();
  if (result.affected !== 1) throw new AppError('GRANT_WRONG_STATUS');
}

export async function approve(ctx: RequestContext, id: string, note: string | null | undefined): Promise<RoleGrant> {
  await inTransaction(ctx.db, async (em) => {
    const grant = await pendingForDecision(ctx, em, id);
    const at = now();
    if (grant.validUntil && grant.validUntil <= at) throw new AppError('GRANT_WRONG_STATUS', { message: 'The grant ran out before it was approved: grant it again' });
    const staff = await em.getRepository(Staff).findOneOrFail({ where: { id: grant.staffId } });
    const role = await em.getRepository(Role).findOneOrFail({ where: { id: grant.roleId } });
    await assertSeparated(em, staff, role, grant.id);
    await transition(em, grant, [GrantStatus.pending_approval], { status: GrantStatus.active, approvedById: ctx.staff!.id, approvedAt: at });
    await recordAudit(em, ctx, { action: 'grant.approve', subjectType: SUBJECT, subjectId: grant.id, changes: { ...describe(staff, role), status: { from: grant.status, to: GrantStatus.active } }, reason: note?.trim() || null });
  });
  return get(ctx, id);
}

export async function reject(ctx: RequestContext, id: string, reason: string | null | undefined): Promise<RoleGrant> {
  const why = requiredReason(reason ?? '');
  await inTransaction(ctx.db, async (em) => {
    const grant = await pendingForDecision(ctx, em, id);
    await transition(em, grant, [GrantStatus.pending_approval], { status: GrantStatus.rejected, approvedById: ctx.staff!.id, approvedAt: now(), revokeReason: why });
    await recordAudit(em, ctx, { action: 'grant.reject', subjectType: SUBJECT, subjectId: grant.id, changes: { status: { from: grant.status, to: GrantStatus.rejected } }, reason: why });
  });
  return get(ctx, id);
}

type Actor = Parameters<typeof recordAudit>[1];

/**
 * Ends a grant (active, or still waiting for approval); it stops working on the holder's next request.
 * Shared by administrators, access-review decisions and the review deadline, each with its own authority.
 */
export async function revokeGrant(em: EntityManager, actor: Actor, grant: RoleGrant, reason: string, auditAction = 'grant.revoke'): Promise<void> {
  await transition(em, grant, [GrantStatus.active, GrantStatus.pending_approval], { status: GrantStatus.revoked, revokedAt: now(), revokedById: actor.staff?.id ?? null, revokeReason: reason.slice(0, 500) });
  await recordAudit(em, actor, { action: auditAction, subjectType: SUBJECT, subjectId: grant.id, changes: { staffId: grant.staffId, roleId: grant.roleId, status: { from: grant.status, to: GrantStatus.revoked } }, reason });
}

export async function revoke(ctx: RequestContext, id: string, reason: string | null | undefined): Promise<RoleGrant> {
  const why = requiredReason(reason ?? '');
  await inTransaction(ctx.db, async (em) => {
    const grant = await findGuarded(ctx, RoleGrant, id, 'read', em);
    assertCan(ctx.ability, 'grant', grant);
    if (grant.status !== GrantStatus.active && grant.status !== GrantStatus.pending_approval) throw new AppError('GRANT_WRONG_STATUS', { message: `This grant is already ${grant.status}` });
    await revokeGrant(em, ctx, grant, why);
  });
  return get(ctx, id);
}
