import DataLoader from 'dataloader';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation } from '../../db/unique-violation';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { passwordHasher } from '../auth/hasher';
import { newTemporaryPassword } from '../auth/password-rules';
import { effectiveGrantsOf } from '../auth/staff-rules';
import { Branch } from '../branches/branch.entity';
import { RoleGrant } from './role-grant.entity';
import { Staff, StaffStatus } from './staff.entity';
import type { CreateStaffArgs, StaffFilter, StaffListArgs, UpdateStaffArgs } from './staff.inputs';
import { staffListSpec } from './staff.list';

const SUBJECT = 'Staff';

export function listQuery(ctx: RequestContext, filter: StaffFilter | null | undefined) {
  return applyFilters(ctx, guardedQuery(ctx, Staff, 's'), staffListSpec, filter);
}

export function list(ctx: RequestContext, args: StaffListArgs): Promise<Staff[]> {
  return applySortAndPage(ctx, listQuery(ctx, args.filter), staffListSpec, args).getMany();
}

export function count(ctx: RequestContext, args: StaffListArgs): Promise<number> {
  return listQuery(ctx, args.filter).getCount();
}

export function get(ctx: RequestContext, id: string | number): Promise<Staff> {
  return findGuarded(ctx, Staff, id);
}

const roleLoaders = new WeakMap<RequestContext, DataLoader<number, string[]>>();

/** Names of the roles a staff member holds right now (grants in effect); one query per list page. */
export function rolesOf(ctx: RequestContext, staff: Staff): Promise<string[]> {
  let loader = roleLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<number, string[]>(async (ids) => {
      const grants = await effectiveGrantsOf(ctx.db, [...ids]);
      return ids.map((id) => [...new Set((grants.get(id) ?? []).map((g) => g.roleName))]);
    });
    roleLoaders.set(ctx, loader);
  }
  return loader.load(staff.id);
}

/** Every grant of a staff member the caller may read, newest first: history included. */
export function grantsOf(ctx: RequestContext, staff: Staff): Promise<RoleGrant[]> {
  return guardedQuery(ctx, RoleGrant, 'g').andWhere('g.staffId = :id', { id: staff.id }).orderBy('g.id', 'DESC').take(200).getMany();
}

async function branchIdOf(ctx: RequestContext, value: string | null | undefined): Promise<number | null | undefined> {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  const id = Number(value);
  if (!Number.isSafeInteger(id) || !(await ctx.db.getRepository(Branch).exists({ where: { id } }))) throw invalidInput({ branchId: 'no such branch' });
  return id;
}

export interface StaffWithPassword {
  staff: Staff;
  temporaryPassword: string;
}

const duplicateUsername = () => new AppError('DUPLICATE', { message: 'This username is taken', fields: { username: 'already taken' } });

/**
 * A new account, with a temporary password shown once to the administrator; the staff member must
 * choose their own at the first sign-in. Roles are granted separately, each with its reason.
 */
export async function create(ctx: RequestContext, args: CreateStaffArgs): Promise<StaffWithPassword> {
  const username = args.username.trim().toLowerCase();
  const displayName = args.displayName.trim();
  if (!displayName) throw invalidInput({ displayName: 'is required' });
  const branchId = (await branchIdOf(ctx, args.branchId)) ?? null;
  const at = now();
  const draft = Object.assign(new Staff(), { username, displayName, branchId, status: StaffStatus.active, failedLoginCount: 0, mustChangePassword: true, mfaPendingFailures: 0 });
  assertCanWrite(ctx.ability, 'create', draft, ['username', 'displayName', ...(args.branchId !== undefined ? ['branchId'] : [])]);
  const temporaryPassword = newTemporaryPassword();
  draft.passwordHash = await passwordHasher(ctx.config).hash(temporaryPassword);
  const id = await inTransaction(ctx.db, async (em) => {
    if (await em.getRepository(Staff).exists({ where: { username } })) throw duplicateUsername();
    const saved = await em.save(Object.assign(draft, { version: 1, createdAt: at, updatedAt: at, statusChangedAt: at }));
    await recordAudit(em, ctx, { action: 'staff.create', subjectType: SUBJECT, subjectId: saved.id, changes: auditChanges(SUBJECT, null, saved, ['username', 'displayName', 'branchId']) });
    return saved.id;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error, 'username') ? duplicateUsername() : error;
  });
  return { staff: await get(ctx, id), temporaryPassword };
}

/** Name and branch; the username stays, so the audit trail keeps naming the same person. */
export async function update(ctx: RequestContext, args: UpdateStaffArgs): Promise<Staff> {
  const input: Partial<Staff> = {};
  if (args.displayName !== undefined) {
    input.displayName = args.displayName.trim();
    if (!input.displayName) throw invalidInput({ displayName: 'is required' });
  }
  const branchId = await branchIdOf(ctx, args.branchId);
  if (branchId !== undefined) input.branchId = branchId;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, Staff, args.id, 'read', em);
    const fields = changedFields(current, input);
    const after = Object.assign(new Staff(), current, input);
    assertCanWrite(ctx.ability, 'update', current, fields);
    assertCanWrite(ctx.ability, 'update', after, []);
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return;
    await updateVersioned(em, Staff, current, args.version, Object.fromEntries(fields.map((f) => [f, input[f]])));
    await recordAudit(em, ctx, { action: 'staff.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, fields) });
  });
  return get(ctx, args.id);
}
