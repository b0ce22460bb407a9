import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { findGuarded } from '../../access/guarded-query';
import { lookupBudget } from '../../access/sensitive-lookups';
import { assertCan } from '../../access/write-guard';
import { now } from '../../clock';
import { blindIndex } from '../../db/field-crypto';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { AuditOutcome } from '../audit/audit-entry.entity';
import { recordAudit, recordAuditAlone } from '../audit/audit.service';
import { passwordHasher } from '../auth/hasher';
import { Customer } from '../customers/customer.entity';
import { normalizeIdNumber } from '../customers/id-number';
import { Policy } from '../policies/policy.entity';
import { InquiryLock } from './inquiry-lock.entity';
import type { ResetQueryPasswordArgs } from './inquiry.inputs';
import { generateQueryPassword, isLocked, normalizePolicyNumber, queryPasswordProblem, sameDigest } from './inquiry.rules';
import { saveLock } from './inquiry-log.writer';
import type { QueryPasswordReset } from './inquiry.types';
import { QueryPassword } from './query-password.entity';

/** Stores a query password's hash for a policy, replacing any earlier one. */
export async function storeQueryPassword(em: EntityManager, policyId: number, passwordHash: string, setById: number | null, setVia: string, at: Date): Promise<void> {
  const repo = em.getRepository(QueryPassword);
  if (await repo.exists({ where: { policyId } })) await repo.update({ policyId }, { passwordHash, setAt: at, setById, setVia });
  else await repo.insert({ policyId, passwordHash, setAt: at, setById, setVia });
}

/**
 * A new query password after staff have verified the customer by other means (the ID document at the
 * counter, security questions on the hotline). The ID number given must be the holder's or the
 * insured's, the reset lifts any lock-out on the number, and it is audited — never the password itself.
 */
export async function resetQueryPassword(ctx: RequestContext, args: ResetQueryPasswordArgs): Promise<QueryPasswordReset> {
  const policy = await findGuarded(ctx, Policy, args.policyId);
  assertCan(ctx.ability, 'update', subject('QueryPassword', { branchId: policy.branchId }));
  const chosen = args.newPassword ?? null;
  const problem = chosen === null ? null : queryPasswordProblem(chosen);
  if (problem) throw invalidInput({ newPassword: problem });
  // Matching the ID number answers "is it this one?": wrong numbers spend the same budget as searches by ID number.
  if (!(await lookupBudget.reserve(ctx.staff!.id))) throw new AppError('TOO_MANY_REQUESTS', { message: 'Too many ID numbers that did not match: try again later' });
  const parties = await ctx.db.getRepository(Customer).find({ where: [{ id: policy.holderId }, { id: policy.insuredId }], select: { id: true, idNumberHash: true } });
  const given = blindIndex('idNumber', normalizeIdNumber(args.idNumber));
  const matches = parties.some((party) => sameDigest(party.idNumberHash, given));
  if (matches) await lookupBudget.refund(ctx.staff!.id);
  if (!matches) {
    await recordAuditAlone(ctx.db, ctx, {
      action: 'query_password.reset',
      subjectType: 'Policy',
      subjectId: policy.id,
      changes: { identityCheck: args.identityCheck },
      outcome: AuditOutcome.failed,
      reason: 'ID number does not match the policyholder or the insured',
    });
    throw invalidInput({ idNumber: 'does not match the policyholder or the insured of this policy' });
  }
  const password = chosen ?? generateQueryPassword();
  const passwordHash = await passwordHasher(ctx.config).hash(password);
  const at = now();
  const number = normalizePolicyNumber(policy.policyNumber);
  const unlocked = await inTransaction(ctx.db, async (em) => {
    await storeQueryPassword(em, policy.id, passwordHash, ctx.staff!.id, 'staff_reset', at);
    const lock = await em.getRepository(InquiryLock).findOne({ where: { policyNumber: number } });
    const wasLocked = isLocked(lock?.lockedUntil, at);
    // Earlier failures were someone not knowing the old password: they no longer count against the new one.
    await saveLock(em, number, { lockedUntil: null, countFrom: at });
    await recordAudit(em, ctx, {
      action: 'query_password.reset',
      subjectType: 'Policy',
      subjectId: policy.id,
      changes: { identityCheck: args.identityCheck, chosenByCustomer: chosen !== null, unlocked: wasLocked },
    });
    return wasLocked;
  });
  return { policyId: policy.id, setAt: at, temporaryPassword: chosen === null ? password : null, unlocked };
}
