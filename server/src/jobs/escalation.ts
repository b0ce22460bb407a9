import { In, type DataSource, type EntityManager } from 'typeorm';
import { now } from '../clock';
import type { Config } from '../config';
import { sqlTime } from '../db/columns';
import { inTransaction } from '../db/transaction';
import { recordAudit } from '../modules/audit/audit.service';
import { clocksOf, complaintsWithClocksInBatches, loadClockContext, type ClockContext } from '../modules/complaints/complaint-deadlines';
import { ComplaintEvent } from '../modules/complaints/complaint-event.entity';
import { Complaint } from '../modules/complaints/complaint.entity';
import { nextDueOf, type ClockValue } from '../modules/complaints/complaint.clocks';
import { ComplaintSeverity, EscalationLevel } from '../modules/complaints/complaint.enums';
import { notify } from '../modules/notifications/notification.service';
import { escalationKey, escalationMessage, levelsDue } from './escalation-rules';

export interface EscalationRun {
  checked: number;
  escalated: number;
  refreshed: number;
}

const JOB_ACTOR = { requestId: 'job:escalation', staff: null };

/** Active staff holding a role through a grant valid now, in one branch or anywhere. */
async function holdersOf(em: EntityManager, role: string, branchId: number | null, at: Date): Promise<number[]> {
  const qb = em
    .createQueryBuilder()
    .select('DISTINCT s.id', 'id')
    .from('staff', 's')
    .innerJoin('role_grant', 'g', 'g.staff_id = s.id')
    .innerJoin('role', 'r', 'r.id = g.role_id')
    .where('r.name = :role', { role })
    .andWhere("s.status = 'active' AND g.status = 'active'")
    .andWhere('(g.valid_from IS NULL OR g.valid_from <= :at) AND (g.valid_until IS NULL OR g.valid_until > :at)', { at: sqlTime(at) });
  if (branchId !== null) qb.andWhere('s.branch_id = :branchId', { branchId });
  return (await qb.getRawMany<{ id: number | string }>()).map((row) => Number(row.id));
}

async function recipientsOf(em: EntityManager, c: Complaint, level: EscalationLevel, cc: ClockContext, at: Date): Promise<number[]> {
  if (level === EscalationLevel.compliance) return holdersOf(em, cc.policy.complianceEscalationRole, null, at);
  const managers = () => holdersOf(em, cc.policy.breachEscalationRole, c.branchId, at);
  if (level === EscalationLevel.breach) return managers();
  // The handler is warned; before there is one, whoever registered the complaint, else the branch managers.
  const handler = c.assigneeId ?? c.registeredById;
  return handler ? [handler] : managers();
}

/**
 * One escalation in its own transaction: the timeline event carries the unique key, so a second run
 * (or a second server running the job at the same moment) finds it taken and does nothing.
 */
async function escalate(db: DataSource, c: Complaint, clock: ClockValue, level: EscalationLevel, cc: ClockContext, at: Date): Promise<boolean> {
  const key = escalationKey(c.id, clock, level);
  const taken = () => db.getRepository(ComplaintEvent).exists({ where: { dedupeKey: key } });
  try {
    return await inTransaction(db, async (em) => {
      if (await em.getRepository(ComplaintEvent).exists({ where: { dedupeKey: key } })) return false;
      const recipients = await recipientsOf(em, c, level, cc, at);
      const data = { clock: clock.kind, level, cycle: clock.cycle, dueAt: clock.dueAt?.toISOString() ?? null, recipients };
      await em.save(em.create(ComplaintEvent, { complaintId: c.id, at, kind: `escalation_${level}`, staffId: null, staffName: null, fromState: null, toState: null, note: null, data, dedupeKey: key }));
      await notify(em, recipients, { kind: `escalation_${level}`, complaintId: c.id, ...escalationMessage(c.number, clock, level, cc.timezone) }, at);
      await recordAudit(em, JOB_ACTOR, { action: 'complaint.escalate', subjectType: 'Complaint', subjectId: c.id, changes: data });
      return true;
    });
  } catch (error) {
    if (await taken()) return false;
    throw error;
  }
}

/** The escalation keys among `keys` that already have their timeline event: one indexed look-up per 500. */
async function takenKeys(db: DataSource, keys: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.getRepository(ComplaintEvent).find({ select: { id: true, dedupeKey: true }, where: { dedupeKey: In(keys.slice(i, i + 500)) } });
    for (const row of rows) if (row.dedupeKey) taken.add(row.dedupeKey);
  }
  return taken;
}

/**
 * Checks every complaint with a clock still counting: stores its next deadline and escalates what is due.
 * Most overdue complaints were escalated in an earlier minute: their keys are looked up together first,
 * so only a new escalation costs a transaction (10,000 counting complaints: 13 s → see bench/NOTES.md).
 */
export async function runEscalations(db: DataSource, config: Config, at: Date = now()): Promise<EscalationRun> {
  const cc = await loadClockContext(db.manager, config.defaultTimezone);
  const run: EscalationRun = { checked: 0, escalated: 0, refreshed: 0 };
  const due: Array<{ complaint: Complaint; clock: ClockValue; level: EscalationLevel; key: string }> = [];
  for await (const batch of complaintsWithClocksInBatches(db.manager)) {
    for (const complaint of batch) {
      run.checked++;
      const clocks = clocksOf(complaint, cc, at);
      const next = nextDueOf(clocks);
      if ((next?.getTime() ?? null) !== (complaint.nextDueAt?.getTime() ?? null)) {
        await inTransaction(db, (em) => em.update(Complaint, { id: complaint.id }, { nextDueAt: next }));
        run.refreshed++;
      }
      const major = complaint.severity === ComplaintSeverity.major;
      for (const clock of clocks) {
        for (const level of levelsDue(clock, major, at, cc.policy.complianceAfterWorkingDays, cc.calendar, cc.timezone)) {
          due.push({ complaint, clock, level, key: escalationKey(complaint.id, clock, level) });
        }
      }
    }
  }
  const taken = await takenKeys(db, due.map((d) => d.key));
  for (const { complaint, clock, level, key } of due) {
    if (!taken.has(key) && (await escalate(db, complaint, clock, level, cc, at))) run.escalated++;
  }
  return run;
}
