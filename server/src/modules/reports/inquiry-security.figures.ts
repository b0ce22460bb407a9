import type { SelectQueryBuilder } from 'typeorm';
import { guardedQuery } from '../../access/guarded-query';
import { sqlTime } from '../../db/columns';
import { AuditEntry, AuditOutcome } from '../audit/audit-entry.entity';
import { InquiryChannel, InquiryOutcome, InquiryReason } from '../inquiry/inquiry.enums';
import { PolicyInquiry } from '../inquiry/policy-inquiry.entity';
import { Policy } from '../policies/policy.entity';
import { Staff } from '../staff/staff.entity';
import type { ReportRequest } from './report-definition';
import { inPeriod, num, orderStatistics, sumIf } from './report-sql';
import { rate, round2 } from './report-stats';

/**
 * The figures of report 3, policy-inquiry and information-security indicators (查询与信息安全指标),
 * all SQL aggregations over what the requester may read:
 * - inquiries come from the inquiry log (PolicyInquiry row rules: a manager reads their branch's);
 *   a branch's inquiries are those on its policies (unknown policy numbers belong to no branch);
 * - lock-outs, reveals (inquiry-security.reveals.ts) and refused attempts come from the audit trail
 *   (AuditEntry row rules): whoever may not read it gets `null` for those sections, not zeros. A
 *   branch's reveals and refusals are those of its staff (their branch today); its lock-outs are those
 *   of its policies.
 */

/** The most staff or actions a table lists, busiest first; the totals always count everything. */
export const TOP = 50;

export interface InquiryRow {
  /** A channel, or 'all' for the totals. */
  channel: string;
  total: number;
  verified: number;
  failed: number;
  /** Refused because the policy number was locked out. */
  locked: number;
  rateLimited: number;
  /** failed ÷ (verified + failed): attempts that reached verification. */
  failureRate: number | null;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface InquiryFigures {
  byChannel: InquiryRow[];
  totals: InquiryRow;
  /** Why verifications failed (failed outcomes only), every known reason in a fixed order. */
  failureReasons: CountRow[];
}

export interface LockoutFigures {
  /** Lock-outs started in the period (inquiry.lock audit entries). */
  locks: number;
  /** Distinct policy numbers locked out. */
  policyNumbers: number;
}

export interface RefusalFigures {
  total: number;
  staff: number;
  /** The attempted operation (query.x, mutation.y, document.download, auth.login …). */
  byAction: CountRow[];
  byStaff: Array<{ staffId: number | null; username: string; count: number }>;
}

const FAILURE_REASONS = [InquiryReason.unknown_policy, InquiryReason.id_mismatch, InquiryReason.password_mismatch, InquiryReason.no_query_password, InquiryReason.other_branch];

const periodParams = (request: ReportRequest) => ({ pFrom: sqlTime(request.bounds.start), pTo: sqlTime(request.bounds.end) });

function inquiries(request: ReportRequest): SelectQueryBuilder<PolicyInquiry> {
  const qb = guardedQuery(request, PolicyInquiry, 'i').andWhere(inPeriod('i.at'), periodParams(request));
  if (request.branchId !== null) qb.andWhere('i.branch_id = :scopeBranch', { scopeBranch: request.branchId });
  return qb;
}

async function inquiryRow(request: ReportRequest, channel: InquiryChannel | 'all'): Promise<InquiryRow> {
  const base = inquiries(request);
  if (channel !== 'all') base.andWhere('i.channel = :channel', { channel });
  const row = await base
    .clone()
    .select('COUNT(*)', 'total')
    .addSelect(sumIf(`i.outcome = '${InquiryOutcome.verified}'`), 'verified')
    .addSelect(sumIf(`i.outcome = '${InquiryOutcome.failed}'`), 'failed')
    .addSelect(sumIf(`i.outcome = '${InquiryOutcome.locked}'`), 'locked')
    .addSelect(sumIf(`i.outcome = '${InquiryOutcome.rate_limited}'`), 'rateLimited')
    .addSelect('AVG(i.response_ms)', 'meanMs')
    .addSelect('MAX(i.response_ms)', 'maxMs')
    .getRawOne<Record<string, unknown>>();
  const total = num(row?.total);
  const [verified, failed] = [num(row?.verified), num(row?.failed)];
  const { median, p90 } = await orderStatistics(base, 'i.response_ms', total);
  return {
    channel,
    total,
    verified,
    failed,
    locked: num(row?.locked),
    rateLimited: num(row?.rateLimited),
    failureRate: rate(failed, verified + failed),
    meanMs: total ? round2(num(row?.meanMs)) : null,
    medianMs: median,
    p90Ms: p90,
    maxMs: total ? num(row?.maxMs) : null,
  };
}

/** The inquiry log's figures, or null when the requester may not read the log at all. */
export async function inquiryFigures(request: ReportRequest): Promise<InquiryFigures | null> {
  if (!request.ability.can('read', 'PolicyInquiry')) return null;
  const byChannel: InquiryRow[] = [];
  for (const channel of Object.values(InquiryChannel)) byChannel.push(await inquiryRow(request, channel));
  const reasons: Array<{ k: string; n: unknown }> = await inquiries(request)
    .select('i.reason', 'k')
    .addSelect('COUNT(*)', 'n')
    .andWhere('i.outcome = :failed', { failed: InquiryOutcome.failed })
    .groupBy('i.reason')
    .getRawMany();
  const counts = new Map(reasons.map((r) => [String(r.k), num(r.n)]));
  return {
    byChannel,
    totals: await inquiryRow(request, 'all'),
    failureReasons: [...FAILURE_REASONS, ...[...counts.keys()].filter((k) => !FAILURE_REASONS.includes(k as InquiryReason))].map((key) => ({ key, count: counts.get(key) ?? 0 })),
  };
}

/** Audit entries of the period the requester may read, of the scope's staff when a branch is asked for. */
export function auditOfStaff(request: ReportRequest): SelectQueryBuilder<AuditEntry> {
  const qb = guardedQuery(request, AuditEntry, 'a').andWhere(inPeriod('a.at'), periodParams(request));
  if (request.branchId !== null) qb.innerJoin(Staff, 'st', 'st.id = a.staff_id').andWhere('st.branch_id = :scopeBranch', { scopeBranch: request.branchId });
  return qb;
}

export const canReadAudit = (request: ReportRequest) => request.ability.can('read', 'AuditEntry');

export async function lockoutFigures(request: ReportRequest): Promise<LockoutFigures | null> {
  if (!canReadAudit(request)) return null;
  const qb = guardedQuery(request, AuditEntry, 'a').andWhere(inPeriod('a.at'), periodParams(request)).andWhere("a.action = 'inquiry.lock'");
  // The entry names the policy (subject) when the number is one of ours: its branch is the scope.
  if (request.branchId !== null) {
    qb.innerJoin(Policy, 'p', "a.subject_type = 'Policy' AND a.subject_id = CAST(p.id AS CHAR)").andWhere('p.branch_id = :scopeBranch', { scopeBranch: request.branchId });
  }
  // The policy number as typed is in the entry's changes (JSON text); JSON_EXTRACT is common to MySQL, MariaDB, SQLite and TiDB.
  const row = await qb.select('COUNT(*)', 'locks').addSelect("COUNT(DISTINCT JSON_EXTRACT(a.changes, '$.policyNumber'))", 'numbers').getRawOne<Record<string, unknown>>();
  return { locks: num(row?.locks), policyNumbers: num(row?.numbers) };
}

export async function refusalFigures(request: ReportRequest): Promise<RefusalFigures | null> {
  if (!canReadAudit(request)) return null;
  const refused = () => auditOfStaff(request).andWhere('a.outcome = :denied', { denied: AuditOutcome.denied });
  const totals = await refused().select('COUNT(*)', 'total').addSelect('COUNT(DISTINCT a.staff_id)', 'staff').getRawOne<Record<string, unknown>>();
  const actions: Array<{ k: unknown; n: unknown }> = await refused()
    .select('a.action', 'k')
    .addSelect('COUNT(*)', 'n')
    .groupBy('a.action')
    .orderBy('n', 'DESC')
    .addOrderBy('a.action', 'ASC')
    .limit(TOP)
    .getRawMany();
  const staff: Array<Record<string, unknown>> = await refused()
    .select('a.staff_id', 'staffId')
    .addSelect('MAX(a.staff_username)', 'username')
    .addSelect('COUNT(*)', 'n')
    .groupBy('a.staff_id')
    .orderBy('n', 'DESC')
    .addOrderBy('a.staff_id', 'ASC')
    .limit(TOP)
    .getRawMany();
  return {
    total: num(totals?.total),
    staff: num(totals?.staff),
    byAction: actions.map((r) => ({ key: String(r.k), count: num(r.n) })),
    byStaff: staff.map((r) => ({ staffId: r.staffId === null ? null : num(r.staffId), username: String(r.username ?? '—'), count: num(r.n) })),
  };
}
