/**
 * Working-day arithmetic on the console's side, for telling "3 working days left": Monday to Friday
 * are working days unless the holiday calendar says holiday, and a make-up Saturday or Sunday
 * (调休上班) is one. The server computes the deadlines themselves; this only counts towards them.
 */
import { addDays } from '../../common/zonedTime';

export type CalendarOverrides = ReadonlyMap<string, 'holiday' | 'workday'>;

export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(day: string, overrides: CalendarOverrides): boolean {
  const override = overrides.get(day);
  if (override) return override === 'workday';
  return !isWeekend(day);
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string, overrides: CalendarOverrides): number {
  let count = 0;
  // Bounded: no complaint clock spans more than a few months.
  for (let day = from, guard = 0; day <= to && guard < 800; day = addDays(day, 1), guard++) {
    if (isWorkingDay(day, overrides)) count++;
  }
  return count;
}

/** Calendar days from `from` to `to`, both included. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1);
}

