import { todayIn } from '../../time/local-date';
import { addCalendarDays, addWorkingDays, isWorkingDay, onOrNextWorkingDay, remember, type WorkingCalendar } from './working-days';

/**
 * Deadlines as UTC instants from local working days. A deadline counted in days falls at the end of
 * the local day (23:59:59.999 in the staff's zone), so "5 working days" means until close of that day
 * wherever the server runs.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timezone, f);
  }
  return f;
}

/** Local time minus UTC at an instant, in milliseconds (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(at: Date, timezone: string): number {
  const parts = Object.fromEntries(formatter(timezone).formatToParts(at).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

export const localDateOf = (at: Date, timezone: string): string => todayIn(timezone, at);

// A clock walks every day it spans, and a report runs the clocks of thousands of complaints: the same
// few hundred local midnights, each two time-zone lookups, over and over. Remembered per zone and date.
const dayStarts = new Map<string, number>();

/** The UTC instant at which a local day begins (two passes, so a zone with daylight saving lands right). */
export function startOfLocalDay(date: string, timezone: string): Date {
  const key = `${timezone}|${date}`;
  return new Date(dayStarts.get(key) ?? remember(dayStarts, key, midnightOf(date, timezone)));
}

function midnightOf(date: string, timezone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const first = wall - zoneOffsetMs(new Date(wall), timezone);
  return wall - zoneOffsetMs(new Date(first), timezone);
}

/** The last millisecond of a local day, as a UTC instant. */
export function endOfLocalDay(date: string, timezone: string): Date {
  return new Date(startOfLocalDay(addCalendarDays(date, 1), timezone).getTime() - 1);
}

/** End of the n-th working day after the local day of `start`. */
export function workingDaysDeadline(start: Date, n: number, calendar: WorkingCalendar, timezone: string): Date {
  return endOfLocalDay(addWorkingDays(localDateOf(start, timezone), n, calendar), timezone);
}

/** End of the n-th calendar day after the local day of `start`; a last day that is not a working day runs on to the next one. */
export function calendarDaysDeadline(start: Date, n: number, calendar: WorkingCalendar, timezone: string): Date {
  return endOfLocalDay(onOrNextWorkingDay(addCalendarDays(localDateOf(start, timezone), n), calendar), timezone);
}

/** The same local time of day, n working days later ("breached by more than one working day"). */
export function addWorkingDaysKeepingTime(at: Date, n: number, calendar: WorkingCalendar, timezone: string): Date {
  const date = localDateOf(at, timezone);
  const intoDay = at.getTime() - startOfLocalDay(date, timezone).getTime();
  return new Date(startOfLocalDay(addWorkingDays(date, n, calendar), timezone).getTime() + intoDay);
}

/** The working days touched by [from, to], each as the part of it inside the interval. */
function workingSpans(from: Date, to: Date, calendar: WorkingCalendar, timezone: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const last = localDateOf(to, timezone);
  for (let date = localDateOf(from, timezone); date <= last; date = addCalendarDays(date, 1)) {
    if (!isWorkingDay(date, calendar)) continue;
    const start = Math.max(startOfLocalDay(date, timezone).getTime(), from.getTime());
    const end = Math.min(endOfLocalDay(date, timezone).getTime() + 1, to.getTime());
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/** Milliseconds of working time between two instants: only hours that fall on working days count. */
export function workingMillisBetween(from: Date, to: Date, calendar: WorkingCalendar, timezone: string): number {
  if (to <= from) return 0;
  return workingSpans(from, to, calendar, timezone).reduce((sum, [start, end]) => sum + end - start, 0);
}

/**
 * The instant at which `fraction` of the working time between start and due has passed: a 5-working-
 * day clock spanning the National Day week warns after 4 working days, not after 80% of two weeks.
 */
export function workingFractionInstant(start: Date, due: Date, fraction: number, calendar: WorkingCalendar, timezone: string): Date {
  const spans = workingSpans(start, due, calendar, timezone);
  const total = spans.reduce((sum, [s, e]) => sum + e - s, 0);
  if (total === 0) return new Date(start.getTime() + (due.getTime() - start.getTime()) * fraction);
  let left = total * fraction;
  for (const [s, e] of spans) {
    if (left <= e - s) return new Date(s + left);
    left -= e - s;
  }
  return due;
}
