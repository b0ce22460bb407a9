import type { SelectQueryBuilder } from 'typeorm';
import { andRowFilter, guardedQuery } from '../../access/guarded-query';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import type { RequestContext } from '../../graphql/context';
import { addDays, todayIn } from '../../time/local-date';
import { endOfLocalDay } from '../calendar/deadlines';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintState } from '../complaints/complaint.enums';
import { countsOf, dayStartParam, mondayOf } from './dashboard-sql';
import type { BranchComplaintsWidget, ClockStatusCounts, ComplaintQueueWidget, WeeklyComplaintFlow } from './dashboard.types';

const QUEUE_SHOWN = 8;
const OVERDUE_SHOWN = 10;
const TREND_WEEKS = 12;

/** The register's "open": not closed, withdrawn or declined (a communicated one awaits its return call). */
export const ENDED_STATES = [ComplaintState.closed, ComplaintState.withdrawn, ComplaintState.not_accepted];

/** Open complaints the caller may read. */
export function openComplaints(ctx: RequestContext): SelectQueryBuilder<Complaint> {
  return guardedQuery(ctx, Complaint, 'c').andWhere('c.state NOT IN (:...endedStates)', { endedStates: ENDED_STATES });
}

/**
 * The buckets of the status chart. "Due soon" is due later today (local), so overdue and due-soon
 * numbers open the register with its own filters (overdue; due today and not overdue) and match it.
 */
async function clockStatusCounts(ctx: RequestContext, qb: SelectQueryBuilder<Complaint>): Promise<ClockStatusCounts> {
  const tz = ctx.config.defaultTimezone;
  qb.setParameters({ csNow: sqlTime(now()), csEndOfDay: sqlTime(endOfLocalDay(todayIn(tz), tz)) });
  const counts = await countsOf(qb, {
    overdue: 'c.next_due_at < :csNow',
    dueSoon: 'c.next_due_at >= :csNow AND c.next_due_at <= :csEndOfDay',
    onTime: 'c.next_due_at > :csEndOfDay',
    paused: 'c.next_due_at IS NULL',
  });
  return { ...counts, total: counts.overdue + counts.dueSoon + counts.onTime + counts.paused };
}

/** The agent's queue: their own open complaints, nearest deadline first. */
export async function complaintQueue(ctx: RequestContext): Promise<ComplaintQueueWidget> {
  const mine = () => openComplaints(ctx).andWhere('c.assignee_id = :me', { me: ctx.staff!.id });
  const [counts, items] = await Promise.all([
    clockStatusCounts(ctx, mine()),
    mine()
      .addSelect('CASE WHEN c.next_due_at IS NULL THEN 1 ELSE 0 END', 'no_clock')
      .orderBy('no_clock', 'ASC')
      .addOrderBy('c.nextDueAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(QUEUE_SHOWN)
      .getMany(),
  ]);
  return { counts, items };
}

/** Received and closed per local week (Monday to Sunday), in one query of two sums per week. */
async function weeklyFlow(ctx: RequestContext, qb: SelectQueryBuilder<Complaint>): Promise<WeeklyComplaintFlow[]> {
  const tz = ctx.config.defaultTimezone;
  const first = addDays(mondayOf(todayIn(tz)), -7 * (TREND_WEEKS - 1));
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => addDays(first, 7 * i));
  const params: Record<string, string> = {};
  const conditions: Record<string, string> = {};
  weeks.forEach((week, i) => {
    params[`w${i}`] = dayStartParam(week, tz);
    params[`w${i + 1}`] = dayStartParam(addDays(week, 7), tz);
    conditions[`r${i}`] = `c.received_at >= :w${i} AND c.received_at < :w${i + 1}`;
    conditions[`c${i}`] = `c.closed_at >= :w${i} AND c.closed_at < :w${i + 1}`;
  });
  qb.setParameters(params).andWhere('(c.received_at >= :w0 OR c.closed_at >= :w0)');
  const counts = await countsOf(qb, conditions);
  return weeks.map((weekStart, i) => ({ weekStart, received: counts[`r${i}`], closed: counts[`c${i}`] }));
}

/** The supervisor's view: the complaints they may assign (a manager: their branch). */
export async function branchComplaints(ctx: RequestContext): Promise<BranchComplaintsWidget> {
  const supervised = (qb: SelectQueryBuilder<Complaint>) => andRowFilter(ctx, qb, 'assign');
  const [counts, overdue, trend] = await Promise.all([
    clockStatusCounts(ctx, supervised(openComplaints(ctx))),
    supervised(openComplaints(ctx)).andWhere('c.next_due_at < :at', { at: sqlTime(now()) }).orderBy('c.nextDueAt', 'ASC').addOrderBy('c.id', 'ASC').take(OVERDUE_SHOWN).getMany(),
    weeklyFlow(ctx, supervised(guardedQuery(ctx, Complaint, 'c'))),
  ]);
  return { counts, overdue, trend };
}
