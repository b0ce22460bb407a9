import type { EntityManager } from 'typeorm';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { AuditOutcome } from '../audit/audit-entry.entity';
import { recordAudit } from '../audit/audit.service';
import { Staff } from '../staff/staff.entity';
import { countFailedAttempt } from './auth.service';
import { passwordHasher } from './hasher';
import { RecoveryCode } from './recovery-code.entity';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { consumeSecondFactor, countUnusedRecoveryCodes } from './second-factor';
import { base32Decode, base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp';

export const MFA_ISSUER = 'InsureDesk';
/** An enrolment must be confirmed this soon, in at most this many tries, or be started again. */
export const ENROLMENT_MINUTES = 15;
export const ENROLMENT_MAX_FAILURES = 5;

export interface MfaEnrolmentStart {
  secret: string;
  otpauthUri: string;
  issuer: string;
  accountName: string;
  expiresAt: Date;
}

export interface MfaRecovery {
  recoveryCodes: string[];
  enabledAt: Date;
}

async function self(ctx: RequestContext, em: EntityManager = ctx.db.manager): Promise<Staff> {
  return em.getRepository(Staff).findOneOrFail({ where: { id: ctx.staff!.id } });
}

const actorOf = (ctx: RequestContext, staff: Staff) => ({ requestId: ctx.requestId, staff: { id: staff.id, username: staff.username } });

/** Replaces every recovery code of a staff member with ten new ones; only their hashes are kept. */
async function replaceRecoveryCodes(em: EntityManager, staffId: number, at: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await em.delete(RecoveryCode, { staffId });
  await em.insert(RecoveryCode, codes.map((code) => ({ staffId, codeHash: hashRecoveryCode(code), usedAt: null, createdAt: at })));
  return codes;
}

/**
 * Step 1: a new TOTP key, shown once as an otpauth:// URI (the console draws it as a QR code) and as
 * text for typing in. Binding a new authenticator asks for the password again (NIST SP 800-63B 6.1.2),
 * so a session left open cannot be used to bind an attacker's device.
 */
export async function beginEnrolment(ctx: RequestContext, password: string): Promise<MfaEnrolmentStart> {
  const staff = await self(ctx);
  if (staff.mfaEnabledAt) throw new AppError('MFA_ALREADY_ENROLLED');
  if (!(await passwordHasher(ctx.config).verify(password, staff.passwordHash))) {
    await countFailedAttempt(ctx, staff, actorOf(ctx, staff), 'mfa.enrol_start', 'wrong password');
    throw invalidInput({ password: 'is not your current password' });
  }
  const secret = base32Encode(newTotpSecret());
  const at = now();
  await inTransaction(ctx.db, async (em) => {
    await em.update(Staff, { id: staff.id }, { mfaPendingSecret: secret, mfaPendingAt: at, mfaPendingFailures: 0 });
    await recordAudit(em, ctx, { action: 'mfa.enrol_start', subjectType: 'Staff', subjectId: staff.id });
  });
  return {
    secret,
    otpauthUri: otpauthUri(MFA_ISSUER, staff.username, base32Decode(secret)),
    issuer: MFA_ISSUER,
    accountName: staff.username,
    expiresAt: new Date(at.getTime() + ENROLMENT_MINUTES * 60_000),
  };
}

/** Step 2: the first code from the app proves it holds the key; multi-factor sign-in is on from then, and ten recovery codes are shown once. */
export async function confirmEnrolment(ctx: RequestContext, code: string): Promise<MfaRecovery> {
  const staff = await self(ctx);
  if (staff.mfaEnabledAt) throw new AppError('MFA_ALREADY_ENROLLED');
  const at = now();
  const fresh = staff.mfaPendingSecret && staff.mfaPendingAt && at.getTime() - staff.mfaPendingAt.getTime() <= ENROLMENT_MINUTES * 60_000;
  if (!fresh) throw new AppError('MFA_ENROLMENT_NOT_STARTED');
  const step = matchTotp(base32Decode(staff.mfaPendingSecret!), code, at, null);
  if (step === null) {
    const failures = staff.mfaPendingFailures + 1;
    const exhausted = failures >= ENROLMENT_MAX_FAILURES;
    await inTransaction(ctx.db, async (em) => {
      await em.update(Staff, { id: staff.id }, exhausted ? { mfaPendingSecret: null, mfaPendingAt: null, mfaPendingFailures: 0 } : { mfaPendingFailures: failures });
      await recordAudit(em, ctx, { action: 'mfa.enrol', subjectType: 'Staff', subjectId: staff.id, outcome: AuditOutcome.failed, reason: exhausted ? 'wrong code; set-up discarded' : 'wrong code' });
    });
    if (exhausted) throw new AppError('MFA_ENROLMENT_NOT_STARTED', { message: `${ENROLMENT_MAX_FAILURES} wrong codes: start the multi-factor set-up again` });
    throw invalidInput({ code: `is wrong; check the time on your phone (${ENROLMENT_MAX_FAILURES - failures} tries left)` });
  }
  return inTransaction(ctx.db, async (em) => {
    await em.update(Staff, { id: staff.id }, { mfaSecret: staff.mfaPendingSecret, mfaEnabledAt: at, mfaLastStep: step, mfaPendingSecret: null, mfaPendingAt: null, mfaPendingFailures: 0 });
    const recoveryCodes = await replaceRecoveryCodes(em, staff.id, at);
    await recordAudit(em, ctx, { action: 'mfa.enrol', subjectType: 'Staff', subjectId: staff.id, changes: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes, enabledAt: at };
  });
}

/** New recovery codes (the old ones stop working), against a current code from the app. */
export async function regenerateRecoveryCodes(ctx: RequestContext, code: string): Promise<MfaRecovery> {
  const staff = await self(ctx);
  if (!staff.mfaEnabledAt) throw new AppError('MFA_NOT_ENROLLED');
  if (staff.lockedUntil && staff.lockedUntil > now()) throw new AppError('ACCOUNT_LOCKED');
  const at = now();
  const result = await inTransaction(ctx.db, async (em) => {
    const checked = await consumeSecondFactor(em, staff, code, at, { allowRecovery: false });
    if (!checked.ok) return checked;
    const recoveryCodes = await replaceRecoveryCodes(em, staff.id, at);
    await recordAudit(em, ctx, { action: 'mfa.recovery_codes', subjectType: 'Staff', subjectId: staff.id, changes: { recoveryCodes: recoveryCodes.length } });
    return { ok: true as const, recoveryCodes };
  });
  if (!result.ok) {
    await countFailedAttempt(ctx, staff, actorOf(ctx, staff), 'mfa.recovery_codes', result.reason);
    throw invalidInput({ code: 'is wrong or has already been used: enter the current code from your app' });
  }
  return { recoveryCodes: result.recoveryCodes, enabledAt: staff.mfaEnabledAt };
}

export interface MfaStatus {
  enrolled: boolean;
  required: boolean;
  enrolmentRequired: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function statusOf(ctx: RequestContext): Promise<MfaStatus> {
  const staff = await self(ctx);
  const required = ctx.staff!.mfaRequired === true;
  return {
    enrolled: staff.mfaEnabledAt !== null,
    required,
    enrolmentRequired: required && staff.mfaEnabledAt === null,
    enabledAt: staff.mfaEnabledAt,
    recoveryCodesLeft: staff.mfaEnabledAt ? await countUnusedRecoveryCodes(ctx.db.manager, staff.id) : 0,
  };
}

/** For an administrator: takes multi-factor sign-in off an account (a lost phone); the staff member sets it up again. */
export async function clearMfa(em: EntityManager, staffId: number): Promise<void> {
  await em.update(Staff, { id: staffId }, { mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, mfaPendingSecret: null, mfaPendingAt: null, mfaPendingFailures: 0 });
  await em.delete(RecoveryCode, { staffId });
}

