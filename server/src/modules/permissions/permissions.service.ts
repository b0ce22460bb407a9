import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { packRules } from '@casl/ability/extra';
import { findGuarded } from '../../access/guarded-query';
import { now } from '../../clock';
import { interpolateRules, type StoredRule } from '../../access/rules';
import { ACTIONS, SUBJECTS } from '../../access/subjects';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { accessOf, grantsGiving, loadDutyConflicts, type StaffAccess } from '../auth/staff-access';
import { effectiveGrants, effectiveGrantsOf, type EffectiveGrant } from '../auth/staff-rules';
import { GrantStatus, RoleGrant } from '../staff/role-grant.entity';
import { Staff, StaffStatus } from '../staff/staff.entity';

export interface StaffWithAccess {
  staff: Staff;
  grants: EffectiveGrant[];
  access: StaffAccess;
}

/**
 * Every active account with its rights as the API would build them on its next request (disabled and
 * suspended accounts cannot sign in, so they can do nothing). Batched: two queries whatever the headcount.
 */
export async function everyonesAccess(db: DataSource | EntityManager, statuses: StaffStatus[] = [StaffStatus.active]): Promise<StaffWithAccess[]> {
  const staff = await db.getRepository(Staff).find({ where: { status: In(statuses) }, order: { username: 'ASC' } });
  const [grants, conflicts] = await Promise.all([effectiveGrantsOf(db, staff.map((s) => s.id)), loadDutyConflicts(db)]);
  return staff.map((member) => {
    const own = grants.get(member.id) ?? [];
    return { staff: member, grants: own, access: accessOf(member, own, conflicts) };
  });
}

/** One active account with its rights, as everyonesAccess gives them; undefined when it is not active (or does not exist). */
export async function activeStaffAccess(db: DataSource | EntityManager, staffId: number): Promise<StaffWithAccess | undefined> {
  const member = await db.getRepository(Staff).findOne({ where: { id: staffId, status: StaffStatus.active } });
  if (!member) return undefined;
  const [grants, conflicts] = await Promise.all([effectiveGrantsOf(db, [member.id]), loadDutyConflicts(db)]);
  const own = grants.get(member.id) ?? [];
  return { staff: member, grants: own, access: accessOf(member, own, conflicts) };
}

export interface WhoCanEntry {
  staff: Staff;
  grants: EffectiveGrant[];
}

export interface WhoCanQuestion {
  action: string;
  subject: string;
  field?: string | null;
  id?: string | null;
}

function checkQuestion(q: WhoCanQuestion): void {
  const problems: Record<string, string> = {};
  if (!(ACTIONS as readonly string[]).includes(q.action)) problems.action = `unknown action; one of ${ACTIONS.join(', ')}`;
  if (!(SUBJECTS as readonly string[]).includes(q.subject)) problems.subject = `unknown subject; one of ${SUBJECTS.join(', ')}`;
  if (Object.keys(problems).length) throw invalidInput(problems);
}

/**
 * Who can do `action` on `subject` (one field of it, one record of it), and through which grants: the
 * same ability per person that their next request would get, asked the same question the API asks.
 * A record is looked up as the caller may read it, so the question leaks nothing the caller cannot see.
 */
export async function whoCan(ctx: RequestContext, q: WhoCanQuestion): Promise<WhoCanEntry[]> {
  checkQuestion(q);
  const field = q.field?.trim() || undefined;
  let target: string | object = q.subject;
  if (q.id) {
    const meta = ctx.db.entityMetadatas.find((m) => m.targetName === q.subject);
    if (!meta) throw invalidInput({ id: `${q.subject} records cannot be looked up` });
    target = await findGuarded(ctx, meta.target as new () => object, q.id);
  }
  const check = (ability: StaffAccess['ability']) => ability.can(q.action, target as never, field);
  return (await everyonesAccess(ctx.db))
    .map(({ staff, grants, access }) => ({ staff, grants: grantsGiving(staff, grants, access, check) }))
    .filter((entry) => entry.grants.length > 0);
}

/** Plain ids of active staff who can do something, for notifications (approvers of a grant, reviewers). */
export async function staffWhoCan(db: DataSource | EntityManager, action: string, subject: string): Promise<number[]> {
  return (await everyonesAccess(db)).filter(({ access }) => access.ability.can(action, subject)).map(({ staff }) => staff.id);
}

export interface EffectiveRule {
  grantId: number | null;
  roleName: string | null;
  roleLabel: string | null;
  rule: StoredRule;
}

export interface EffectivePermissions {
  staff: Staff;
  rules: EffectiveRule[];
  withdrawn: EffectiveRule[];
  conflicts: string[];
  permissions: unknown;
  passwordChangeRequired: boolean;
  grantsInEffect: RoleGrant[];
  grantsNotYetInEffect: RoleGrant[];
}

/** A staff member's merged rules, each with the grant (and role) that gives it, as their next request would see them. */
export async function effectivePermissions(ctx: RequestContext, staffId: string): Promise<EffectivePermissions> {
  const staff = await findGuarded(ctx, Staff, staffId);
  const [grants, conflicts] = await Promise.all([effectiveGrants(ctx.db, staff.id), loadDutyConflicts(ctx.db)]);
  const access = accessOf(staff, grants, conflicts);
  const attributes = { id: staff.id, branchId: staff.branchId };
  const rules = grants.flatMap((g) =>
    interpolateRules(g.rules, attributes).map((rule) => ({ grantId: g.grantId, roleName: g.roleName, roleLabel: g.roleLabel, rule })),
  );
  const withdrawn = access.withdrawals.map((rule) => ({ grantId: null, roleName: null, roleLabel: null, rule }));
  const inEffect = new Set(grants.map((g) => g.grantId));
  const at = now();
  const open = await ctx.db.getRepository(RoleGrant).find({ where: { staffId: staff.id, status: In([GrantStatus.active, GrantStatus.pending_approval]) }, order: { id: 'ASC' } });
  return {
    staff,
    rules,
    withdrawn,
    conflicts: access.conflicts.map((c) => `${c.name}: ${c.description}`),
    permissions: packRules(interpolateRules(access.rules, attributes) as never),
    passwordChangeRequired: staff.mustChangePassword,
    grantsInEffect: open.filter((g) => inEffect.has(g.id)),
    // Waiting for approval or for their validFrom; expired ones are history, not pending.
    grantsNotYetInEffect: open.filter((g) => !inEffect.has(g.id) && !(g.validUntil && g.validUntil <= at)),
  };
}
