import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from '../../db/transaction';
import { AppError } from '../../graphql/errors';
import { localDateOf } from '../calendar/deadlines';

/**
 * Complaint numbers: `TS` + the local date received (yyyyMMdd) + a 4-digit sequence of that day,
 * gapless and unique. One counter row per day is incremented inside the registering transaction:
 * locked with SELECT … FOR UPDATE on MySQL, so concurrent registrations queue on that row, and rolled
 * back with the registration if it fails, so no number is lost.
 */
export const MAX_DAILY_SEQUENCE = 9999;

export function numberDayOf(receivedAt: Date, timezone: string): string {
  return localDateOf(receivedAt, timezone).replace(/-/g, '');
}

export function formatComplaintNumber(day: string, sequence: number): string {
  if (!/^\d{8}$/.test(day)) throw new RangeError(`"${day}" is not a yyyyMMdd day`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) throw new RangeError(`sequence ${sequence} must be 1 to ${MAX_DAILY_SEQUENCE}`);
  return `TS${day}${String(sequence).padStart(4, '0')}`;
}

/**
 * On MySQL, makes sure the day's counter row exists before the transaction that locks it, so two
 * first registrations of a day never race to insert it (the loser would fail on the duplicate key).
 * SQLite runs one transaction at a time and creates the row inside it.
 */
export async function prepareDailyCounter(db: DataSource, day: string): Promise<void> {
  if (!isMysql(db)) return;
  const exists = async () => ((await db.query('SELECT day FROM complaint_number_counter WHERE day = ?', [day])) as unknown[]).length > 0;
  if (await exists()) return;
  try {
    await db.query('INSERT INTO complaint_number_counter (day, last_seq) VALUES (?, 0)', [day]);
  } catch (error) {
    // Someone else inserted it first: that is all we wanted.
    if (!(await exists())) throw error;
  }
}

/** The next number of the day, taken inside the caller's transaction. */
export async function takeNextNumber(em: EntityManager, day: string): Promise<string> {
  const lock = isMysql(em.connection) ? ' FOR UPDATE' : '';
  const rows: { last_seq: number | string }[] = await em.query(`SELECT last_seq FROM complaint_number_counter WHERE day = ?${lock}`, [day]);
  const next = rows.length ? Number(rows[0].last_seq) + 1 : 1;
  if (next > MAX_DAILY_SEQUENCE) throw new AppError('COMPLAINT_NUMBERS_EXHAUSTED');
  if (rows.length) await em.query('UPDATE complaint_number_counter SET last_seq = ? WHERE day = ?', [next, day]);
  else await em.query('INSERT INTO complaint_number_counter (day, last_seq) VALUES (?, ?)', [day, next]);
  return formatComplaintNumber(day, next);
}
