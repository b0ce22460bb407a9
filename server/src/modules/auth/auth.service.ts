import { setTimeout as sleep } from 'node:timers/promises';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { AuditOutcome } from '../audit/audit-entry.entity';
import { recordAudit, recordAuditAlone } from '../audit/audit.service';
import { Staff, StaffStatus } from '../staff/staff.entity';
import { createLoaders } from '../../graphql/loaders';
import { passwordHasher } from './hasher';
import { consumeSecondFactor } from './second-factor';
import { createSession, endSession, resolveSession } from './session.service';
import { clearSessionCookie, setSessionCookie } from './session-token';
import { effectiveGrants } from './staff-rules';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  staff: Staff;
  mustChangePassword: boolean;
  mfaEnrolmentRequired: boolean;
}

/** Each failure in a row waits longer before answering (capped), which slows guessing without locking anyone out for good. */
function failureDelayMs(failures: number): number {
  return Math.min(100 * 2 ** Math.max(failures - 1, 0), 3000);
}

type Actor = { requestId: string; staff: { id: number; username: string } };

/**
 * A wrong password or a wrong one-time code: counted together, so the same lock-out limits guessing
 * either. Returns how many failures in a row there now are.
 */
export async function countFailedAttempt(ctx: Pick<RequestContext, 'db' | 'config'>, staff: Staff, actor: Actor, action: string, reason: string): Promise<number> {
  const { db, config } = ctx;
  const at = now();
  // A lock that has run out starts a fresh count.
  const failures = (staff.lockedUntil ? 0 : staff.failedLoginCount) + 1;
  const locks = failures >= config.loginMaxFailures;
  await inTransaction(db, async (em) => {
    await em.update(Staff, { id: staff.id }, {
      failedLoginCount: locks ? 0 : failures,
      lockedUntil: locks ? new Date(at.getTime() + config.loginLockMinutes * 60_000) : null,
    });
    await recordAudit(em, actor, {
      action,
      subjectType: 'Staff',
      subjectId: staff.id,
      changes: { username: staff.username },
      outcome: AuditOutcome.failed,
      reason: locks ? `${reason}; account locked for ${config.loginLockMinutes} minutes` : reason,
    });
  });
  return failures;
}

export async function login(ctx: RequestContext, username: string, password: string, otp: string | null = null): Promise<LoginResult> {
  const { db, config } = ctx;
  const repo = db.getRepository(Staff);
  const staff = await repo.findOne({ where: { username: username.trim() } });
  const attempt = { action: 'auth.login', subjectType: 'Staff', changes: { username: username.slice(0, 64) } };
  if (!staff) {
    await passwordHasher(config).burn(password);
    await recordAuditAlone(db, ctx, { ...attempt, outcome: AuditOutcome.failed, reason: 'unknown username' });
    await sleep(failureDelayMs(1));
    throw new AppError('SIGN_IN_FAILED');
  }
  const actor = { requestId: ctx.requestId, staff: { id: staff.id, username: staff.username } };
  const at = now();
  if (staff.lockedUntil && staff.lockedUntil > at) {
    await recordAuditAlone(db, actor, { ...attempt, subjectId: staff.id, outcome: AuditOutcome.denied, reason: 'account locked' });
    throw new AppError('ACCOUNT_LOCKED', {
      message: `Too many failed sign-ins: the account is locked until ${staff.lockedUntil.toISOString()}`,
    });
  }
  const hasher = passwordHasher(config);
  const passwordOk = await hasher.verify(password, staff.passwordHash);
  if (!passwordOk) {
    const failures = await countFailedAttempt(ctx, staff, actor, attempt.action, 'wrong password');
    await sleep(failureDelayMs(failures));
    throw new AppError('SIGN_IN_FAILED');
  }
  if (staff.status !== StaffStatus.active) {
    await recordAuditAlone(db, actor, { ...attempt, subjectId: staff.id, outcome: AuditOutcome.denied, reason: `account ${staff.status}` });
    throw new AppError('SIGN_IN_FAILED', { message: 'This account is not active: ask an administrator' });
  }
  const mfaRequired = (await effectiveGrants(db, staff.id, at)).some((g) => g.requiresMfa);
  // Once enrolled, the second factor is always asked for, whether a role requires it or the staff member chose it.
  let secondFactor: string | null = null;
  if (staff.mfaEnabledAt) {
    if (!otp?.trim()) {
      await recordAuditAlone(db, actor, { ...attempt, subjectId: staff.id, outcome: AuditOutcome.failed, reason: 'password right; one-time code needed' });
      throw new AppError('MFA_CODE_REQUIRED');
    }
    const checked = await inTransaction(db, (em) => consumeSecondFactor(em, staff, otp.slice(0, 64), at));
    if (!checked.ok) {
      const failures = await countFailedAttempt(ctx, staff, actor, attempt.action, checked.reason);
      await sleep(failureDelayMs(failures));
      throw new AppError('MFA_CODE_INVALID');
    }
    secondFactor = checked.kind;
  }
  const mfaEnrolmentRequired = mfaRequired && !staff.mfaEnabledAt;
  // A password hashed under earlier settings is hashed again under the current ones while it is at hand,
  // so old hashes (and the different time they take to check) leave the table as people sign in.
  const rehashed = hasher.isCurrent(staff.passwordHash) ? null : await hasher.hash(password);
  const { token, session } = await inTransaction(db, async (em) => {
    await em.update(Staff, { id: staff.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: at, ...(rehashed ? { passwordHash: rehashed } : {}) });
    const created = await createSession(em, config, staff.id, ctx);
    const mfa = secondFactor ?? (mfaEnrolmentRequired ? 'required_but_not_enrolled' : 'not_required');
    const changes = { ...attempt.changes, secondFactor: mfa, ...(rehashed ? { passwordRehashed: true } : {}) };
    await recordAudit(em, actor, { ...attempt, subjectId: staff.id, changes });
    return created;
  });
  setSessionCookie(ctx.res, config, token, session.expiresAt);
  // The rest of this request runs as the newly signed-in staff member, so the payload passes their read guards.
  const signedIn = await resolveSession(db, config, token);
  Object.assign(ctx, { staff: signedIn.staff, ability: signedIn.ability, loaders: createLoaders({ db, ability: signedIn.ability }) });
  return {
    token,
    expiresAt: session.expiresAt,
    staff: Object.assign(new Staff(), staff, { lastLoginAt: at }),
    mustChangePassword: staff.mustChangePassword,
    mfaEnrolmentRequired,
  };
}

export async function logout(ctx: RequestContext): Promise<boolean> {
  if (ctx.staff) {
    const staff = ctx.staff;
    await inTransaction(ctx.db, async (em) => {
      await endSession(em, staff.sessionId, 'logout');
      await recordAudit(em, ctx, { action: 'auth.logout', subjectType: 'Staff', subjectId: staff.id });
    });
  }
  clearSessionCookie(ctx.res, ctx.config);
  return true;
}
