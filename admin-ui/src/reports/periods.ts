/** The periods a report can cover, as the form offers them (the server: ReportPeriodInput). */
export const PERIOD_KINDS = ['quarter', 'month', 'half_year', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** How many periods of a kind a year has (month 1–12, quarter 1–4, half-year 1–2). */
export const INDEX_COUNT: Record<Exclude<PeriodKind, 'year' | 'custom'>, number> = { month: 12, quarter: 4, half_year: 2 };

/** The current period of a kind (the one containing today, local time) as the form's default. */
export function currentIndex(kind: PeriodKind, today: string): number {
  const month = Number(today.slice(5, 7));
  return kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : kind === 'half_year' ? Math.ceil(month / 6) : 1;
}
