import type { EntityManager } from 'typeorm';
import { sqlTime } from '../../db/columns';
import { localDateOf } from '../calendar/deadlines';
import { workingDaysBetween } from '../calendar/working-days';
import type { ClockContext } from './complaint-deadlines';
import type { Complaint } from './complaint.entity';
import { computeClocks, type ClockValue } from './complaint.clocks';
import { ClockKind, ClockStatus } from './complaint.enums';

/**
 * Each complaint's deadline outcomes, stored on its row (plain columns, not mapped on the entity, so
 * the register never loads them) so the complaint statistics report is a SQL aggregation instead of
 * walking the working-day calendar for every complaint of the period.
 *
 * Per clock: `<clock>_outcome` is 'met' or 'breached' once settled, 'open' while still counting (then
 * `<clock>_due` says when it falls: the report judges it running or breached at its own "as of"), and
 * NULL for a clock the complaint does not have or that is paused (the report counts neither).
 * `handling_working_days` is set once the complaint is closed.
 *
 * They are written in the same transaction as every change to the complaint (create, update, each
 * workflow step), with the calendar and policy of that moment, in the server's default zone like
 * `next_due_at`. When the calendar or the policy is edited, the complaints whose clocks may still count
 * (the ones whose next deadline is refreshed) are recomputed too; a settled complaint keeps the outcome
 * judged when its deadline fell, which is what the regulator saw.
 */

export const OUTCOME_CLOCKS: readonly ClockKind[] = Object.values(ClockKind);
export const outcomeColumn = (clock: ClockKind) => `${clock}_outcome`;
export const dueColumn = (clock: ClockKind) => `${clock}_due`;
export const HANDLING_COLUMN = 'handling_working_days';

export type StoredOutcome = 'met' | 'breached' | 'open';
export type OutcomeValues = Record<string, string | number | null>;

type Source = Parameters<typeof computeClocks>[0] & Pick<Complaint, 'closedAt'>;

function outcomeOf(clock: ClockValue): StoredOutcome | null {
  if (clock.open) return 'open';
  if (clock.status === ClockStatus.met) return 'met';
  if (clock.status === ClockStatus.breached) return 'breached';
  return null;
}

/** The stored columns for one complaint (times as SQL text, so both databases bind them). */
export function outcomeValues(c: Source, cc: ClockContext, at: Date): OutcomeValues {
  const values: OutcomeValues = {};
  for (const clock of OUTCOME_CLOCKS) {
    values[outcomeColumn(clock)] = null;
    values[dueColumn(clock)] = null;
  }
  for (const clock of computeClocks(c, cc.policy, cc.calendar, cc.timezone, at)) {
    const outcome = outcomeOf(clock);
    if (!outcome) continue;
    values[outcomeColumn(clock.kind)] = outcome;
    values[dueColumn(clock.kind)] = clock.dueAt ? sqlTime(clock.dueAt) : null;
  }
  values[HANDLING_COLUMN] = c.closedAt ? workingDaysBetween(localDateOf(c.receivedAt, cc.timezone), localDateOf(c.closedAt, cc.timezone), cc.calendar) : null;
  return values;
}

type Runner = Pick<EntityManager, 'query'>;

/** Writes the outcomes of one complaint (raw: the columns are not on the entity). */
export async function storeOutcomes(em: Runner, id: number, values: OutcomeValues): Promise<void> {
  const columns = Object.keys(values);
  await em.query(`UPDATE complaint SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [...columns.map((column) => values[column]), id]);
}

/** Recomputes and stores the outcomes of complaints already loaded with their clock columns. */
export async function storeOutcomesOf(em: Runner, complaints: Iterable<Source & { id: number }>, cc: ClockContext, at: Date): Promise<void> {
  for (const c of complaints) await storeOutcomes(em, c.id, outcomeValues(c, cc, at));
}
