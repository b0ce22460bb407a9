import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Locale, Localised, ReportCell, ReportRequest } from './report-definition';
import type { Period } from './report-period';
import { round2 } from './report-stats';

/** The small pieces reports 3 and 4 share; every SQL one runs alike on MySQL/MariaDB and SQLite. */

/** A raw aggregate as a number (mysql2 answers SUM and COUNT as strings, SQLite as numbers, NULL when no row). */
export const num = (value: unknown): number => Number(value ?? 0) || 0;

/** COUNT of the rows meeting a condition, inside one aggregate query. */
export const sumIf = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** `column` within the period's [start, end) (parameters :pFrom and :pTo). */
export const inPeriod = (column: string): string => `(${column} >= :pFrom AND ${column} < :pTo)`;

/**
 * The k-th smallest value of `column` (0-based) over the rows of `qb`, found by the database
 * (ORDER BY … LIMIT 1 OFFSET k): portable SQL has no percentile function, and nothing is loaded but
 * the one value.
 */
async function kthSmallest<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, k: number): Promise<number | null> {
  const row = await qb.clone().select(column, 'v').orderBy(column, 'ASC').offset(k).limit(1).getRawOne<{ v: unknown }>();
  return row ? num(row.v) : null;
}

export interface OrderStatistics {
  median: number | null;
  /** Nearest rank: the ⌈0.9·n⌉-th smallest value. */
  p90: number | null;
}

/** The median (mean of the two middle values when n is even) and 90th percentile of `column` over `count` rows of `qb`. */
export async function orderStatistics<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, count: number): Promise<OrderStatistics> {
  if (count <= 0) return { median: null, p90: null };
  const mid = Math.floor(count / 2);
  const median = count % 2 ? await kthSmallest(qb, column, mid) : ((await kthSmallest(qb, column, mid - 1))! + (await kthSmallest(qb, column, mid))!) / 2;
  return { median: median === null ? null : round2(median), p90: await kthSmallest(qb, column, Math.ceil(0.9 * count) - 1) };
}

/** What every report's content starts with: the zone, the scope, when, and the period (reports 3 and 4). */
export interface ReportHeader {
  timezone: string;
  scope: { branchId: number | null; name: string };
  generatedAt: string;
  period: Period;
}

export function reportHeader(request: ReportRequest): ReportHeader {
  return { timezone: request.timezone, scope: { branchId: request.branchId, name: request.scopeName }, generatedAt: request.asOf.toISOString(), period: request.period };
}

/**
 * A figure of a section built on something the requester may not read (the section is null): shown as
 * "not visible", never as zero, which would claim there was nothing.
 */
export function figureOr(locale: Locale): <T>(section: T | null, value: (s: T) => ReportCell) => ReportCell {
  return (section, value) => (section ? value(section) : NOT_VISIBLE[locale]);
}

export const NOT_VISIBLE: Localised = { zh: '无权查看（不计入）', en: 'Not visible to you (not counted)' };
