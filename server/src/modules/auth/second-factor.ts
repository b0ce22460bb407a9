import type { EntityManager } from 'typeorm';
import { Staff } from '../staff/staff.entity';
import { RecoveryCode } from './recovery-code.entity';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { base32Decode, isReplayedTotp, matchTotp } from './totp';

export type SecondFactorKind = 'totp' | 'recovery_code';

export type SecondFactorCheck =
  | { ok: true; kind: SecondFactorKind; recoveryCodesLeft: number }
  | { ok: false; reason: 'wrong code' | 'one-time code already used' | 'recovery code already used or unknown' };

export function countUnusedRecoveryCodes(em: EntityManager, staffId: number): Promise<number> {
  return em.createQueryBuilder(RecoveryCode, 'c').where('c.staffId = :staffId AND c.usedAt IS NULL', { staffId }).getCount();
}

/**
 * Checks a one-time code of an enrolled staff member and uses it up: a TOTP code moves the account's
 * last accepted time step forward (so the same code, or an older one, is refused from then on), a
 * recovery code is marked used. Both writes are conditional, so two requests racing with the same code
 * cannot both succeed.
 */
export async function consumeSecondFactor(em: EntityManager, staff: Staff, code: string, at: Date, options: { allowRecovery?: boolean } = {}): Promise<SecondFactorCheck> {
  const left = () => countUnusedRecoveryCodes(em, staff.id);
  if (options.allowRecovery !== false && looksLikeRecoveryCode(code)) {
    const used = await em
      .createQueryBuilder()
      .update(RecoveryCode)
      .set({ usedAt: at })
      .where('staff_id = :staffId AND code_hash = :hash AND used_at IS NULL', { staffId: staff.id, hash: hashRecoveryCode(code) })
      .execute();
    return used.affected === 1 ? { ok: true, kind: 'recovery_code', recoveryCodesLeft: await left() } : { ok: false, reason: 'recovery code already used or unknown' };
  }
  if (!staff.mfaSecret) return { ok: false, reason: 'wrong code' };
  const secret = base32Decode(staff.mfaSecret);
  const step = matchTotp(secret, code, at, staff.mfaLastStep);
  if (step === null) return { ok: false, reason: isReplayedTotp(secret, code, at, staff.mfaLastStep) ? 'one-time code already used' : 'wrong code' };
  const moved = await em
    .createQueryBuilder()
    .update(Staff)
    .set({ mfaLastStep: step })
    .where('id = :id AND (mfa_last_step IS NULL OR mfa_last_step < :step)', { id: staff.id, step })
    .execute();
  if (moved.affected !== 1) return { ok: false, reason: 'one-time code already used' };
  staff.mfaLastStep = step;
  return { ok: true, kind: 'totp', recoveryCodesLeft: await left() };
}
