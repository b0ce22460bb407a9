import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { Staff } from '../staff/staff.entity';
import { countFailedAttempt } from './auth.service';
import { passwordHasher } from './hasher';
import { passwordProblem } from './password-rules';
import { endSessionsOf } from './session.service';

/**
 * The staff member's own password change, also the way out of a reset ("choose a new password at next
 * sign-in"). The current password is asked for even then, so a session left open cannot change it.
 * Every other session of the account ends: whoever knew the old password is signed out.
 */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
  const staff = await ctx.db.getRepository(Staff).findOneOrFail({ where: { id: ctx.staff!.id } });
  if (staff.lockedUntil && staff.lockedUntil > now()) throw new AppError('ACCOUNT_LOCKED');
  const hasher = passwordHasher(ctx.config);
  if (!(await hasher.verify(currentPassword, staff.passwordHash))) {
    await countFailedAttempt(ctx, staff, { requestId: ctx.requestId, staff: { id: staff.id, username: staff.username } }, 'auth.change_password', 'wrong current password');
    throw invalidInput({ currentPassword: 'is not your current password' });
  }
  const problem = passwordProblem(newPassword, staff);
  if (problem) throw invalidInput({ newPassword: problem });
  if (await hasher.verify(newPassword, staff.passwordHash)) throw invalidInput({ newPassword: 'must differ from the current password' });
  const passwordHash = await hasher.hash(newPassword);
  await inTransaction(ctx.db, async (em) => {
    await em.update(Staff, { id: staff.id }, { passwordHash, mustChangePassword: false, passwordChangedAt: now(), failedLoginCount: 0, lockedUntil: null });
    const ended = await endSessionsOf(em, staff.id, 'password_changed', ctx.staff!.sessionId);
    await recordAudit(em, ctx, {
      action: 'auth.change_password',
      subjectType: 'Staff',
      subjectId: staff.id,
      changes: { afterReset: staff.mustChangePassword, otherSessionsEnded: ended },
    });
  });
  return true;
}
