import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { sqlTime } from '../../db/columns';
import { startOfLocalDay } from '../calendar/deadlines';
import { addDays, todayIn } from '../../time/local-date';

/** Raw aggregates come back as numbers (SQLite) or strings (MySQL SUM/COUNT); NULL (an empty SUM) is 0. */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** One row of `SUM(CASE WHEN … THEN 1 ELSE 0 END)` per named condition: many counts in one query. */
export async function countsOf<T extends ObjectLiteral, K extends string>(qb: SelectQueryBuilder<T>, conditions: Record<K, string>): Promise<Record<K, number>> {
  const keys = Object.keys(conditions) as K[];
  qb.select(`SUM(CASE WHEN ${conditions[keys[0]]} THEN 1 ELSE 0 END)`, keys[0]);
  for (const key of keys.slice(1)) qb.addSelect(`SUM(CASE WHEN ${conditions[key]} THEN 1 ELSE 0 END)`, key);
  const row = (await qb.getRawOne<Record<string, unknown>>()) ?? {};
  return Object.fromEntries(keys.map((key) => [key, num(row[key])])) as Record<K, number>;
}

/** The Monday (local) of the week `date` falls in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The first day of the local quarter of today. */
export function quarterStart(timezone: string): string {
  const today = todayIn(timezone);
  const month = Number(today.slice(5, 7));
  return `${today.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
}

/** A local day's start as a query parameter. */
export const dayStartParam = (date: string, timezone: string) => sqlTime(startOfLocalDay(date, timezone));

/** A figure of a type the caller may not read is null ("no right"), never a zero that looks like good news. */
export const ifCan = <T>(ctx: RequestContext, subject: string, figure: () => Promise<T>): Promise<T | null> =>
  ctx.ability.can('read', subject) ? figure() : Promise.resolve(null);
