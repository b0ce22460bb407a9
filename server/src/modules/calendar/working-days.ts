/**
 * Working-day arithmetic on local calendar dates (YYYY-MM-DD). A day is a working day when it is a
 * make-up working day (调休上班), or else a Monday to Friday that is not a public holiday. Pure: the
 * calendar comes in as data, so it can be tested without a database and edited without a release.
 */
export interface WorkingCalendar {
  /** Public holidays (法定节假日), including weekend days inside a holiday block. */
  holidays: ReadonlySet<string>;
  /** Weekend days announced as working days (调休上班). */
  workdays: ReadonlySet<string>;
}

export type CalendarDayKind = 'holiday' | 'workday';

export function calendarOf(days: Iterable<{ day: string; kind: CalendarDayKind | string }>): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const { day, kind } of days) (kind === 'workday' ? workdays : holidays).add(day);
  return { holidays, workdays };
}

export const WEEKENDS_ONLY: WorkingCalendar = { holidays: new Set(), workdays: new Set() };

// A calendar edited into "every day is a holiday" must fail loudly, not loop forever.
const MAX_SCAN_DAYS = 3660;

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Clocks and reports walk day by day through the same few hundred dates, for every complaint: each
// date's successor and weekday are remembered rather than parsed again (bounded; cleared when full).
const nextDays = new Map<string, string>();
const weekdays = new Map<string, number>();

/** Stores a computed value in a memo map, clearing the map first when it is full; returns the value. */
export function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= 100_000) cache.clear();
  cache.set(key, value);
  return value;
}

function nextDay(date: string): string {
  return nextDays.get(date) ?? remember(nextDays, date, shift(date, 1));
}

export function dayOfWeek(date: string): number {
  return weekdays.get(date) ?? remember(weekdays, date, new Date(`${date}T00:00:00Z`).getUTCDay());
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return !isWeekend(date);
}

/**
 * The n-th working day after `from` (`from` itself is not counted, as in "within 5 working days of
 * receipt"). n = 0 gives `from` unchanged.
 */
export function addWorkingDays(from: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number of at least 0 (got ${n})`);
  let date = from;
  let left = n;
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError(`no working day within ${MAX_SCAN_DAYS} days of ${from}: check the holiday calendar`);
    date = nextDay(date);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/** `date` when it is a working day, otherwise the next working day (a period ending on a holiday runs on). */
export function onOrNextWorkingDay(date: string, calendar: WorkingCalendar): string {
  return isWorkingDay(date, calendar) ? date : addWorkingDays(date, 1, calendar);
}

/**
 * Working days d with from < d ≤ to; negative when `to` is before `from`. The inverse of
 * addWorkingDays: workingDaysBetween(from, addWorkingDays(from, n)) === n.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  let scanned = 0;
  for (let date = nextDay(from); date <= to; date = nextDay(date)) {
    if (++scanned > MAX_SCAN_DAYS * 10) throw new RangeError('the range is too long to count');
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}

/** `date` moved by `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return days === 1 ? nextDay(date) : shift(date, days);
}
