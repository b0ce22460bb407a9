import type { EntityManager } from 'typeorm';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AuditOutcome } from '../audit/audit-entry.entity';
import { recordAudit } from '../audit/audit.service';
import { notifyBranch } from '../notifications/notify-branch';
import type { Policy } from '../policies/policy.entity';
import { InquiryLock } from './inquiry-lock.entity';
import type { InquirySettings } from './inquiry-settings.entity';
import { InquiryOutcome, type InquiryReason } from './inquiry.enums';
import { localDateTimeText } from '../../time/local-date';
import { failuresCountFrom } from './inquiry.rules';
import type { InquirySource } from './inquiry.service';
import { PolicyInquiry } from './policy-inquiry.entity';

/** The role told when a policy of their branch is locked: the branch's customer-service managers. */
export const LOCK_ALERT_ROLE = 'manager';

export interface InquiryResult {
  number: string;
  outcome: InquiryOutcome;
  reason: InquiryReason;
  policy: Policy | null;
  responseMs: number;
}

/** Sets (or creates) the lock-out row of a policy number. Two first failures at once may both insert: the second updates. */
export async function saveLock(em: EntityManager, number: string, changes: Partial<InquiryLock>): Promise<void> {
  const repo = em.getRepository(InquiryLock);
  if (await repo.exists({ where: { policyNumber: number } })) {
    await repo.update({ policyNumber: number }, changes);
    return;
  }
  try {
    await repo.insert({ policyNumber: number, lockedUntil: null, countFrom: null, lockCount: 0, ...changes });
  } catch {
    await repo.update({ policyNumber: number }, changes);
  }
}

async function lockIfDue(em: EntityManager, ctx: Pick<RequestContext, 'requestId' | 'config'>, source: InquirySource, settings: InquirySettings, result: InquiryResult, at: Date) {
  const lock = await em.getRepository(InquiryLock).findOne({ where: { policyNumber: result.number } });
  const from = failuresCountFrom(at, settings.failureWindowMinutes, lock?.countFrom ?? null);
  const failures = await em
    .getRepository(PolicyInquiry)
    .createQueryBuilder('i')
    .where('i.policyNumber = :number AND i.outcome = :failed AND i.at > :from', { number: result.number, failed: InquiryOutcome.failed, from: sqlTime(from) })
    .getCount();
  if (failures < settings.maxFailures) return;
  const lockedUntil = new Date(at.getTime() + settings.lockMinutes * 60_000);
  await saveLock(em, result.number, { lockedUntil, countFrom: at, lockCount: (lock?.lockCount ?? 0) + 1 });
  const policy = result.policy;
  await recordAudit(em, { requestId: ctx.requestId, staff: source.staff }, {
    action: 'inquiry.lock',
    subjectType: policy ? 'Policy' : null,
    subjectId: policy?.id ?? null,
    changes: { policyNumber: result.number, failures, windowMinutes: settings.failureWindowMinutes, lockedUntil: lockedUntil.toISOString(), channel: source.channel },
    outcome: AuditOutcome.failed,
    reason: `${failures} failed verifications within ${settings.failureWindowMinutes} minutes`,
  });
  if (!policy) return;
  const until = localDateTimeText(lockedUntil, ctx.config.defaultTimezone);
  await notifyBranch(em, policy.branchId, LOCK_ALERT_ROLE, {
    kind: 'inquiry_locked',
    complaintId: null,
    title: `保单 ${policy.policyNumber}：查询已锁定`,
    body: `${settings.failureWindowMinutes} 分钟内身份验证失败 ${failures} 次，保单查询锁定至 ${until}。如系客户本人，请核实身份后重置查询密码。`,
  }, at);
}

/**
 * Writes the log line of one inquiry and what follows from it, in one transaction: a success starts
 * the failure count afresh; a failure may lock the number, which is audited and told to its branch.
 */
export function recordInquiry(ctx: Pick<RequestContext, 'db' | 'requestId' | 'config'>, source: InquirySource, settings: InquirySettings, result: InquiryResult): Promise<number> {
  return inTransaction(ctx.db, async (em) => {
    const at = now();
    const entry = await em.save(
      em.create(PolicyInquiry, {
        at,
        channel: source.channel,
        policyNumber: result.number,
        policyId: result.policy?.id ?? null,
        branchId: result.policy?.branchId ?? null,
        outcome: result.outcome,
        reason: result.reason,
        staffId: source.staff?.id ?? null,
        channelKeyId: source.channelKeyId,
        sourceIp: source.ip?.slice(0, 64) ?? null,
        responseMs: result.responseMs,
      }),
    );
    if (result.outcome === InquiryOutcome.verified) {
      await em.getRepository(InquiryLock).update({ policyNumber: result.number }, { countFrom: at });
    } else if (result.outcome === InquiryOutcome.failed) {
      await lockIfDue(em, ctx, source, settings, result, at);
    }
    return entry.id;
  });
}
