import { addCalendarDays } from '../calendar/working-days';
import { startOfLocalDay } from '../calendar/deadlines';

/**
 * Report periods in local calendar terms (the company's zone, Asia/Shanghai by default): a quarter is
 * 1 July 00:00 to 1 October 00:00 Beijing time, i.e. [30 June 16:00Z, 30 September 16:00Z). Pure.
 */
export type PeriodKind = 'month' | 'quarter' | 'half_year' | 'year' | 'custom';

export interface PeriodSpec {
  kind: PeriodKind;
  /** month, quarter, half_year, year */
  year?: number | null;
  /** month 1–12, quarter 1–4, half_year 1–2 */
  index?: number | null;
  /** custom: first and last local day, inclusive (YYYY-MM-DD) */
  from?: string | null;
  to?: string | null;
}

export interface Period {
  kind: PeriodKind;
  year: number | null;
  index: number | null;
  /** First local day, inclusive. */
  from: string;
  /** Last local day, inclusive. */
  to: string;
  /** A short label: 2026-Q3, 2026-07, 2026-H1, 2026, 2026-07-01~2026-07-15. */
  label: string;
}

export interface PeriodBounds {
  /** UTC instant the first local day begins. */
  start: Date;
  /** UTC instant the day after the last local day begins (exclusive). */
  end: Date;
}

export const MAX_CUSTOM_DAYS = 3660;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const pad = (n: number) => String(n).padStart(2, '0');

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The last day of a month (1–12). */
function lastDayOf(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function monthsPer(kind: PeriodKind): number {
  return kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'half_year' ? 6 : 12;
}

const INDEX_MAX: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 12, quarter: 4, half_year: 2, year: 1 };

/** Checks a period request; returns the problems by field (empty when it is valid). */
export function periodProblems(spec: PeriodSpec): Record<string, string> {
  const problems: Record<string, string> = {};
  if (spec.kind === 'custom') {
    if (!spec.from || !isDate(spec.from)) problems['period.from'] = 'must be a date written YYYY-MM-DD';
    if (!spec.to || !isDate(spec.to)) problems['period.to'] = 'must be a date written YYYY-MM-DD';
    if (!Object.keys(problems).length) {
      if (spec.to! < spec.from!) problems['period.to'] = 'must not be before the first day';
      else if ((Date.parse(spec.to!) - Date.parse(spec.from!)) / 86_400_000 + 1 > MAX_CUSTOM_DAYS) problems['period.to'] = `a period spans at most ${MAX_CUSTOM_DAYS} days`;
    }
    return problems;
  }
  if (!INDEX_MAX[spec.kind]) {
    problems['period.kind'] = 'must be month, quarter, half_year, year or custom';
    return problems;
  }
  if (!Number.isInteger(spec.year) || spec.year! < 2000 || spec.year! > 2100) problems['period.year'] = 'must be a year between 2000 and 2100';
  const max = INDEX_MAX[spec.kind];
  if (spec.kind !== 'year' && (!Number.isInteger(spec.index) || spec.index! < 1 || spec.index! > max)) problems['period.index'] = `must be 1 to ${max} for a ${spec.kind.replace('_', '-')}`;
  return problems;
}

/** The period a valid request names (call periodProblems first). */
export function resolvePeriod(spec: PeriodSpec): Period {
  if (spec.kind === 'custom') return { kind: 'custom', year: null, index: null, from: spec.from!, to: spec.to!, label: `${spec.from}~${spec.to}` };
  const year = spec.year!;
  const index = spec.kind === 'year' ? 1 : spec.index!;
  const months = monthsPer(spec.kind);
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const label =
    spec.kind === 'month' ? `${year}-${pad(index)}` : spec.kind === 'quarter' ? `${year}-Q${index}` : spec.kind === 'half_year' ? `${year}-H${index}` : String(year);
  return { kind: spec.kind, year, index: spec.kind === 'year' ? null : index, from: `${year}-${pad(firstMonth)}-01`, to: lastDayOf(year, lastMonth), label };
}

/** The UTC instants of a period in a time zone. */
export function periodBounds(period: Pick<Period, 'from' | 'to'>, timezone: string): PeriodBounds {
  return { start: startOfLocalDay(period.from, timezone), end: startOfLocalDay(addCalendarDays(period.to, 1), timezone) };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The period just before: the previous month/quarter/half/year, or for a custom range as many days just before it. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'custom') {
    const length = daysBetween(period.from, period.to) + 1;
    const to = addCalendarDays(period.from, -1);
    return resolvePeriod({ kind: 'custom', from: addCalendarDays(to, -(length - 1)), to });
  }
  if (period.kind === 'year') return resolvePeriod({ kind: 'year', year: period.year! - 1 });
  const count = INDEX_MAX[period.kind];
  const index = period.index! - 1;
  return index >= 1 ? resolvePeriod({ kind: period.kind, year: period.year, index }) : resolvePeriod({ kind: period.kind, year: period.year! - 1, index: count });
}

/** A local date one year earlier; 29 February becomes 28 February. */
function yearEarlier(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = Math.min(d, Number(lastDayOf(y - 1, m).slice(8)));
  return `${y - 1}-${pad(m)}-${pad(day)}`;
}

/** The same period a year earlier. */
export function yearAgoPeriod(period: Period): Period {
  if (period.kind === 'custom') return resolvePeriod({ kind: 'custom', from: yearEarlier(period.from), to: yearEarlier(period.to) });
  return resolvePeriod({ kind: period.kind, year: period.year! - 1, index: period.index });
}
