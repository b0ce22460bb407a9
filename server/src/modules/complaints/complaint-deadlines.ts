import { Brackets, type EntityManager } from 'typeorm';
import { now } from '../../clock';
import { loadWorkingCalendar } from '../calendar/calendar-store';
import type { WorkingCalendar } from '../calendar/working-days';
import { Complaint } from './complaint.entity';
import { computeClocks, nextDueOf, type ClockValue } from './complaint.clocks';
import { ComplaintState } from './complaint.enums';
import { ComplaintPolicy } from './complaint-policy.entity';
import { outcomeValues, storeOutcomes } from './complaint-outcomes';

/** The one deadline policy record (created by the migration). */
export async function loadComplaintPolicy(em: EntityManager): Promise<ComplaintPolicy> {
  const policy = await em.getRepository(ComplaintPolicy).findOne({ where: { id: 1 } });
  if (!policy) throw new Error('the complaint policy record is missing: run the migrations');
  return policy;
}

export interface ClockContext {
  policy: ComplaintPolicy;
  calendar: WorkingCalendar;
  timezone: string;
}

export async function loadClockContext(em: EntityManager, timezone: string): Promise<ClockContext> {
  return { policy: await loadComplaintPolicy(em), calendar: await loadWorkingCalendar(em), timezone };
}

export const clocksOf = (c: Complaint, cc: ClockContext, at: Date = now()): ClockValue[] => computeClocks(c, cc.policy, cc.calendar, cc.timezone, at);

/**
 * Complaints that may still have a clock counting: everything not closed, except declined and
 * withdrawn ones whose reports are done (their stored next deadline is then empty).
 */
// Only what the clocks and escalations read: no encrypted contact details to decrypt for thousands of rows.
const CLOCK_COLUMNS = [
  'id', 'number', 'state', 'branchId', 'assigneeId', 'registeredById', 'severity', 'channel', 'receivedAt', 'majorSince', 'regulatorDueAt',
  'regulatorReportedAt', 'firstResponseAt', 'materialsRequestedAt', 'materialsCompleteAt', 'acceptedAt', 'notAcceptedAt',
  'communicatedAt', 'withdrawnAt', 'reopenedAt', 'appealCount', 'deadlineExtendedAt', 'headOfficeReportedAt', 'nextDueAt', 'closedAt',
].map((field) => `c.${field}`);

function complaintsWithClocks(em: EntityManager) {
  return em
    .getRepository(Complaint)
    .createQueryBuilder('c')
    .select(CLOCK_COLUMNS)
    .where('c.state <> :closed', { closed: ComplaintState.closed })
    .andWhere(
      new Brackets((qb) => {
        qb.where('c.state NOT IN (:...ended)', { ended: [ComplaintState.withdrawn, ComplaintState.not_accepted] }).orWhere('c.nextDueAt IS NOT NULL');
      }),
    )
    .orderBy('c.id', 'ASC');
}

/**
 * Those complaints, 250 at a time in id order. The minute job walks about 10,000 of them at a million
 * policies: loaded and judged in one go they held the server's only thread for 0.4–0.7 s every minute,
 * and every request in flight waited (bench/NOTES.md, fix 17). Each batch is its own query, so requests
 * are served between batches, and only one batch is held in memory.
 */
export async function* complaintsWithClocksInBatches(em: EntityManager, size = 250): AsyncGenerator<Complaint[]> {
  for (let after = 0; ; ) {
    const batch = await complaintsWithClocks(em).andWhere('c.id > :after', { after }).limit(size).getMany();
    if (batch.length) yield batch;
    if (batch.length < size) return;
    after = batch[batch.length - 1].id;
  }
}

/**
 * Stores each open complaint's next deadline again after the calendar or the policy changed, so the
 * "due today" and "overdue" filters follow the edit at once, and its deadline outcomes for the reports
 * (complaint-outcomes.ts). The version is not bumped: it is derived.
 */
export async function refreshOpenComplaintDeadlines(em: EntityManager, timezone: string): Promise<number> {
  const cc = await loadClockContext(em, timezone);
  const at = now();
  let changed = 0;
  for await (const batch of complaintsWithClocksInBatches(em)) {
    for (const complaint of batch) {
      await storeOutcomes(em, complaint.id, outcomeValues(complaint, cc, at));
      const next = nextDueOf(clocksOf(complaint, cc, at));
      if ((next?.getTime() ?? null) === (complaint.nextDueAt?.getTime() ?? null)) continue;
      await em.update(Complaint, { id: complaint.id }, { nextDueAt: next });
      changed++;
    }
  }
  return changed;
}
