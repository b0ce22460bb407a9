import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { subject } from '@casl/ability';
import { In } from 'typeorm';
import type { AppAbility } from '../../access/ability';
import { now } from '../../clock';
import { blindIndex } from '../../db/field-crypto';
import type { RequestContext } from '../../graphql/context';
import { AppError, type Reason } from '../../graphql/errors';
import { passwordHasher } from '../auth/hasher';
import type { PasswordHasher } from '../auth/password';
import { Customer } from '../customers/customer.entity';
import { normalizeIdNumber } from '../customers/id-number';
import { Policy } from '../policies/policy.entity';
import { InquiryLock } from './inquiry-lock.entity';
import { QueryPassword } from './query-password.entity';
import { loadInquirySettings } from './inquiry-settings.service';
import type { InquirySettings } from './inquiry-settings.entity';
import { InquiryChannel, InquiryOutcome, InquiryReason } from './inquiry.enums';
import type { VerificationArgs } from './inquiry.inputs';
import { recordInquiry } from './inquiry-log.writer';
import { isLocked, normalizePolicyNumber, sameDigest } from './inquiry.rules';
import { summaryOf, type PolicySummary } from './inquiry.types';
import { inquiryLimiter } from './rate-limiter';

type Ctx = Pick<RequestContext, 'db' | 'config' | 'requestId'>;

/** Who is asking: a channel key (website, app) or a staff member (hotline, counter). */
export interface InquirySource {
  channel: InquiryChannel;
  channelKeyId: number | null;
  staff: { id: number; username: string } | null;
  /** The staff member's rights: they inquire only on the policies their rules allow (their branch). */
  ability: AppAbility | null;
  ip: string | null;
}

interface Decision {
  outcome: InquiryOutcome;
  reason: InquiryReason;
  policy: Policy | null;
}

let dummy: { hasher: PasswordHasher; hash: Promise<string> } | null = null;

/** A stored-looking hash to check the password against when the policy has none, so the work is the same. */
function dummyHash(hasher: PasswordHasher): Promise<string> {
  if (!dummy || dummy.hasher !== hasher) dummy = { hasher, hash: hasher.hash(`no-such-password-${Math.random()}`) };
  return dummy.hash;
}

/** Per-source limits: the channel key and the end customer's IP for self-service, the staff member for the console. */
async function withinRateLimits(source: InquirySource, settings: InquirySettings): Promise<boolean> {
  if (source.staff) return inquiryLimiter.take(`staff:${source.staff.id}`, settings.staffPerMinute);
  const keyOk = source.channelKeyId === null || (await inquiryLimiter.take(`key:${source.channelKeyId}`, settings.channelKeyPerMinute));
  return keyOk && (source.ip === null || (await inquiryLimiter.take(`ip:${source.ip}`, settings.ipPerMinute)));
}

/**
 * The three parts are checked with the same work whatever is wrong: the password is always hashed
 * (against a dummy when there is no policy or no password), the ID number's blind index is compared
 * in constant time against every party of the policy, and the reason is chosen only afterwards.
 */
async function verify(ctx: Ctx, source: InquirySource, number: string, args: VerificationArgs): Promise<Decision> {
  const policy = number ? await ctx.db.getRepository(Policy).findOne({ where: { policyNumber: number } }) : null;
  const stored = policy ? await ctx.db.getRepository(QueryPassword).findOne({ where: { policyId: policy.id } }) : null;
  const parties = policy
    ? await ctx.db.getRepository(Customer).find({ where: { id: In([policy.holderId, policy.insuredId]) }, select: { id: true, idNumberHash: true } })
    : [];
  const hasher = passwordHasher(ctx.config);
  const storedHash = stored?.passwordHash;
  const passwordOk = await hasher.verify(args.queryPassword, storedHash ?? (await dummyHash(hasher)));
  const given = blindIndex('idNumber', normalizeIdNumber(args.idNumber));
  const matches = parties.map((party) => sameDigest(party.idNumberHash, given));
  const idOk = matches.includes(true);
  const branchOk = !policy || !source.ability || source.ability.can('create', subject('PolicyInquiry', { branchId: policy.branchId }));
  const failed = (reason: InquiryReason): Decision => ({ outcome: InquiryOutcome.failed, reason, policy });
  if (!policy) return failed(InquiryReason.unknown_policy);
  if (!storedHash) return failed(InquiryReason.no_query_password);
  if (!idOk) return failed(InquiryReason.id_mismatch);
  if (!passwordOk) return failed(InquiryReason.password_mismatch);
  if (!branchOk) return failed(InquiryReason.other_branch);
  // A query password hashed under earlier settings is hashed again under the current ones while it is at
  // hand (same password, same setAt): old hashes, slower to check than the dummy, leave as customers ask.
  if (!hasher.isCurrent(storedHash)) {
    await ctx.db.getRepository(QueryPassword).update({ policyId: policy.id }, { passwordHash: await hasher.hash(args.queryPassword) });
  }
  return { outcome: InquiryOutcome.verified, reason: InquiryReason.verified, policy };
}

async function decide(ctx: Ctx, source: InquirySource, settings: InquirySettings, number: string, args: VerificationArgs): Promise<Decision> {
  if (!(await withinRateLimits(source, settings))) return { outcome: InquiryOutcome.rate_limited, reason: InquiryReason.source_rate_limited, policy: null };
  const lock = await ctx.db.getRepository(InquiryLock).findOne({ where: { policyNumber: number } });
  // Numbers that do not exist lock the same way, so a lock tells nothing about whether the policy is ours.
  if (isLocked(lock?.lockedUntil, now())) return { outcome: InquiryOutcome.locked, reason: InquiryReason.policy_locked, policy: null };
  return verify(ctx, source, number, args);
}

const ERRORS: Record<Exclude<InquiryOutcome, InquiryOutcome.verified>, Reason> = {
  [InquiryOutcome.failed]: 'VERIFICATION_FAILED',
  [InquiryOutcome.locked]: 'INQUIRY_LOCKED',
  [InquiryOutcome.rate_limited]: 'TOO_MANY_REQUESTS',
};

/**
 * One verified policy inquiry, the same for every channel: a complete match answers the policy
 * summary; anything else answers only that verification failed. Every attempt is logged, failures
 * count towards the policy number's lock-out, and every answer takes at least the configured minimum.
 */
export async function inquire(ctx: Ctx, source: InquirySource, args: VerificationArgs): Promise<PolicySummary> {
  const started = performance.now();
  const settings = await loadInquirySettings(ctx.db);
  const number = normalizePolicyNumber(args.policyNumber);
  const pad = () => sleep(Math.max(0, settings.minResponseMs - (performance.now() - started)));
  let result: { decision: Decision; inquiryId: number };
  try {
    const decision = await decide(ctx, source, settings, number, args);
    const responseMs = Math.round(performance.now() - started);
    const inquiryId = await recordInquiry(ctx, source, settings, { number, ...decision, responseMs });
    result = { decision, inquiryId };
  } catch (error) {
    await pad();
    throw error;
  }
  await pad();
  const { decision, inquiryId } = result;
  if (decision.outcome === InquiryOutcome.verified && decision.policy) return summaryOf(decision.policy, inquiryId);
  throw new AppError(ERRORS[decision.outcome as keyof typeof ERRORS]);
}
