import type { Clock, ClockTone, ClockUnit } from './clockTypes';
import { addDays, localDate } from '../../common/zonedTime';
import { calendarDaysBetween, workingDaysBetween, type CalendarOverrides } from './workingDays';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A message key under app.complaints.clock and its count: "剩 3 个工作日", "超时 5 小时". */
export interface ClockText {
  key: string;
  count?: number;
}

export interface ClockView {
  tone: ClockTone;
  text: ClockText;
}

export interface ClockContext {
  now: Date;
  unit: ClockUnit;
  overrides: CalendarOverrides;
  timeZone: string;
}

/**
 * The colour follows the clock's state: met, paused, breached, or running — "warning" once the
 * policy's share of the clock (80 % by default) has run, which is the server's `warnAt`. Time is
 * measured against the browser's clock, so an open page keeps counting between refreshes.
 */
export function clockView(clock: Clock, ctx: ClockContext): ClockView {
  if (clock.completedAt) return { tone: clock.status === 'breached' ? 'late' : 'met', text: { key: clock.status === 'breached' ? 'status.late' : 'status.met' } };
  if (clock.paused || !clock.dueAt) return { tone: 'paused', text: { key: 'status.paused' } };
  // Stopped without an answer (the complaint was withdrawn after the deadline): on record as breached, no longer counting.
  if (!isCounting(clock)) return { tone: 'late', text: { key: 'status.breached' } };
  const due = new Date(clock.dueAt);
  const over = ctx.now.getTime() > due.getTime() || clock.status === 'breached';
  const warned = !!clock.warnAt && ctx.now.getTime() >= new Date(clock.warnAt).getTime();
  return { tone: over ? 'breached' : warned ? 'warning' : 'running', text: timeText(due, over, ctx) };
}

/** Still counting down (or up, once breached): neither answered, paused nor stopped by a withdrawal. */
export function isCounting(clock: Clock): boolean {
  return !clock.completedAt && (clock.paused || clock.timeLeftSeconds !== null);
}

function timeText(due: Date, over: boolean, { now, unit, overrides, timeZone }: ClockContext): ClockText {
  const ms = Math.abs(due.getTime() - now.getTime());
  const prefix = over ? 'over' : 'left';
  if (ms < HOUR) return { key: `${prefix}_minutes`, count: Math.max(1, Math.floor(ms / MINUTE)) };
  // Under a day, hours say more than "1 working day"; hour clocks (48 h, 24 h) always count hours until 3 days.
  if (ms < DAY || (unit === 'hours' && ms < 3 * DAY)) return { key: `${prefix}_hours`, count: Math.floor(ms / HOUR) };
  const today = localDate(now, timeZone);
  const dueDay = localDate(due, timeZone);
  if (unit === 'working_days') {
    const days = over ? workingDaysBetween(addDays(dueDay, 1), today, overrides) : workingDaysBetween(today, dueDay, overrides);
    // Over a weekend or holiday no working day has passed yet: hours tell how late it is.
    if (days > 0) return { key: `${prefix}_working_days`, count: days };
    return { key: `${prefix}_hours`, count: Math.floor(ms / HOUR) };
  }
  const days = over ? calendarDaysBetween(addDays(dueDay, 1), today) : calendarDaysBetween(today, dueDay);
  return { key: `${prefix}_days`, count: Math.max(1, days) };
}
