import type { EntityManager } from 'typeorm';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { passwordHasher } from '../auth/hasher';
import { clearMfa } from '../auth/mfa.service';
import { newTemporaryPassword } from '../auth/password-rules';
import { endSessionsOf } from '../auth/session.service';
import { AccessPolicy } from './access-policy.entity';
import { Staff, StaffStatus } from './staff.entity';
import { dormantCondition, dormantCutoff } from './staff.list';
import { get, type StaffWithPassword } from './staff.service';

const SUBJECT = 'Staff';

export function requiredReason(reason: string, field = 'reason'): string {
  const trimmed = reason.trim();
  if (Array.from(trimmed).length < 2) throw invalidInput({ [field]: 'say why (at least 2 characters)' });
  return trimmed;
}

/**
 * Loads the account for a step on it: the caller must be allowed to update it (and the named fields),
 * and nobody takes these steps on their own account (an administrator locked out by a mistake of their
 * own is a matter for a colleague).
 */
async function target(ctx: RequestContext, em: EntityManager, id: string, fields: string[]): Promise<Staff> {
  const staff = await findGuarded(ctx, Staff, id, 'read', em);
  assertCanWrite(ctx.ability, 'update', staff, fields);
  if (staff.id === ctx.staff!.id) throw new AppError('OWN_ACCOUNT');
  return staff;
}

type Step = 'suspend' | 'disable' | 'reactivate';
const NEXT: Record<Step, { from: StaffStatus[]; to: StaffStatus; endSessions: string | null }> = {
  suspend: { from: [StaffStatus.active], to: StaffStatus.suspended, endSessions: 'account_suspended' },
  disable: { from: [StaffStatus.active, StaffStatus.suspended], to: StaffStatus.disabled, endSessions: 'account_disabled' },
  reactivate: { from: [StaffStatus.suspended, StaffStatus.disabled], to: StaffStatus.active, endSessions: null },
};

/** Suspend (a leave, an investigation), disable (a leaver) or reactivate; suspending or disabling ends every session at once. */
export async function changeStatus(ctx: RequestContext, step: Step, id: string, reason: string): Promise<Staff> {
  const why = requiredReason(reason);
  await inTransaction(ctx.db, (em) => applyStatus(ctx, em, step, id, why));
  return get(ctx, id);
}

async function applyStatus(ctx: RequestContext, em: EntityManager, step: Step, id: string, reason: string, auditReason = reason): Promise<Staff> {
  const rule = NEXT[step];
  const staff = await target(ctx, em, id, ['status']);
  if (!rule.from.includes(staff.status)) {
    throw new AppError('STAFF_WRONG_STATUS', { message: `Cannot ${step} an account that is ${staff.status}` });
  }
  const at = now();
  await em.update(Staff, { id: staff.id }, { status: rule.to, statusReason: reason.slice(0, 500), statusChangedAt: at, updatedAt: at, version: staff.version + 1 });
  const ended = rule.endSessions ? await endSessionsOf(em, staff.id, rule.endSessions) : 0;
  await recordAudit(em, ctx, {
    action: `staff.${step}`,
    subjectType: SUBJECT,
    subjectId: staff.id,
    changes: { status: { from: staff.status, to: rule.to }, sessionsEnded: ended },
    reason: auditReason,
  });
  return staff;
}

/** A temporary password shown once; every session ends and the staff member must choose a new password at sign-in. */
export async function resetPassword(ctx: RequestContext, id: string, reason: string): Promise<StaffWithPassword> {
  const why = requiredReason(reason);
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await passwordHasher(ctx.config).hash(temporaryPassword);
  await inTransaction(ctx.db, async (em) => {
    const staff = await target(ctx, em, id, ['mustChangePassword']);
    await em.update(Staff, { id: staff.id }, { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, updatedAt: now(), version: staff.version + 1 });
    const ended = await endSessionsOf(em, staff.id, 'password_reset');
    await recordAudit(em, ctx, { action: 'staff.reset_password', subjectType: SUBJECT, subjectId: staff.id, changes: { mustChangePassword: { from: staff.mustChangePassword, to: true }, sessionsEnded: ended }, reason: why });
  });
  return { staff: await get(ctx, id), temporaryPassword };
}

/** Lifts a sign-in lock before it runs out (the staff member called the help desk). */
export async function unlock(ctx: RequestContext, id: string): Promise<Staff> {
  await inTransaction(ctx.db, async (em) => {
    const staff = await target(ctx, em, id, ['lockedUntil']);
    await em.update(Staff, { id: staff.id }, { failedLoginCount: 0, lockedUntil: null });
    await recordAudit(em, ctx, { action: 'staff.unlock', subjectType: SUBJECT, subjectId: staff.id, changes: { lockedUntil: { from: staff.lockedUntil?.toISOString() ?? null, to: null } } });
  });
  return get(ctx, id);
}

/** Takes multi-factor sign-in off an account (lost phone); sessions end, and the staff member sets it up again. */
export async function resetMfa(ctx: RequestContext, id: string, reason: string): Promise<Staff> {
  const why = requiredReason(reason);
  await inTransaction(ctx.db, async (em) => {
    const staff = await target(ctx, em, id, ['mfaEnrolled']);
    if (!staff.mfaEnabledAt && !staff.mfaPendingSecret) throw new AppError('MFA_NOT_ENROLLED');
    await clearMfa(em, staff.id);
    const ended = await endSessionsOf(em, staff.id, 'mfa_reset');
    await recordAudit(em, ctx, { action: 'staff.reset_mfa', subjectType: SUBJECT, subjectId: staff.id, changes: { mfaEnrolled: { from: staff.mfaEnabledAt !== null, to: false }, sessionsEnded: ended }, reason: why });
  });
  return get(ctx, id);
}

export async function accessPolicy(em: EntityManager): Promise<AccessPolicy> {
  return em.getRepository(AccessPolicy).findOneOrFail({ where: { id: 1 } });
}

export interface DormantReport {
  days: number;
  cutoff: Date;
  staff: Staff[];
}

/** Active accounts without a sign-in for `days` (the policy's setting by default), among those the caller may read. */
export async function dormant(ctx: RequestContext, days?: number | null): Promise<DormantReport> {
  const n = days ?? (await accessPolicy(ctx.db.manager)).dormantAfterDays;
  const cutoff = dormantCutoff(n);
  const staff = await guardedQuery(ctx, Staff, 's').andWhere(dormantCondition('s', 'cutoff'), { cutoff: sqlTime(cutoff) }).orderBy('s.lastLoginAt', 'ASC').addOrderBy('s.id', 'ASC').take(1000).getMany();
  return { days: n, cutoff, staff };
}

export interface BulkSuspension {
  suspended: Staff[];
  skipped: { id: string; reason: string }[];
}

/** Suspends the listed dormant accounts together, each checked again (someone may have signed in since the list was shown). */
export async function suspendDormant(ctx: RequestContext, ids: string[], days: number | null | undefined, reason: string): Promise<BulkSuspension> {
  const why = requiredReason(reason);
  const report = await dormant(ctx, days);
  const stillDormant = new Set(report.staff.map((s) => String(s.id)));
  const skipped: BulkSuspension['skipped'] = [];
  const done: string[] = [];
  await inTransaction(ctx.db, async (em) => {
    for (const id of [...new Set(ids.map(String))]) {
      if (!stillDormant.has(id)) skipped.push({ id, reason: `not an active account without a sign-in for ${report.days} days` });
      else if (Number(id) === ctx.staff!.id) skipped.push({ id, reason: 'your own account' });
      else {
        await applyStatus(ctx, em, 'suspend', id, why, `${why} (dormant: no sign-in for ${report.days} days)`);
        done.push(id);
      }
    }
  });
  const suspended = done.length ? await guardedQuery(ctx, Staff, 's').andWhere('s.id IN (:...ids)', { ids: done.map(Number) }).getMany() : [];
  return { suspended, skipped };
}

export async function updateAccessPolicy(ctx: RequestContext, version: number, input: { dormantAfterDays?: number; reviewReminderDays?: number }): Promise<AccessPolicy> {
  return inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, AccessPolicy, 1, 'read', em);
    const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && v !== null && v !== current[k as keyof AccessPolicy]));
    assertCanWrite(ctx.ability, 'update', current, Object.keys(changes));
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (Object.keys(changes).length) {
      await updateVersioned(em, AccessPolicy, current, version, changes);
      const diff = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { from: current[k as keyof AccessPolicy], to: v }]));
      await recordAudit(em, ctx, { action: 'access_policy.update', subjectType: 'AccessPolicy', subjectId: 1, changes: diff });
    }
    return em.getRepository(AccessPolicy).findOneOrFail({ where: { id: 1 } });
  });
}
