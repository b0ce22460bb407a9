/**
 * The arithmetic of the reports, pure so it can be checked by hand: rounding, rates, changes and the
 * order statistics of handling times.
 */

/** Rounded to 2 decimals (half away from zero), so both databases and every export show the same figure. */
export function round2(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9) / 100;
}

/** share / total, rounded; null when nothing was counted. */
export function rate(share: number, total: number): number | null {
  return total > 0 ? round2(share / total) : null;
}

export interface HandlingSummary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/**
 * Mean, median (the middle value, or the mean of the two middle values) and 90th percentile by the
 * nearest-rank method (the ⌈0.9·n⌉-th smallest value) of durations in working days.
 */
export function summarise(durations: readonly number[]): HandlingSummary {
  const n = durations.length;
  if (!n) return { count: 0, mean: null, median: null, p90: null };
  const sorted = [...durations].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1];
  return { count: n, mean: round2(sorted.reduce((a, b) => a + b, 0) / n), median: round2(median), p90: round2(p90) };
}

export interface Change {
  current: number | null;
  previous: number | null;
  /** current − previous */
  delta: number | null;
  /** (current − previous) / previous, rounded; null when previous is 0 or unknown */
  ratio: number | null;
}

export function change(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { current, previous, delta: null, ratio: null };
  return { current, previous, delta: round2(current - previous), ratio: previous !== 0 ? round2((current - previous) / previous) : null };
}

/** Mean of a 1–5 score distribution ({ "1": n1, … }), rounded; null without answers. */
export function distributionMean(distribution: Record<string, number>): number | null {
  let n = 0;
  let sum = 0;
  for (const [score, count] of Object.entries(distribution)) {
    n += count;
    sum += Number(score) * count;
  }
  return n ? round2(sum / n) : null;
}

/** A rate as a whole percentage for tables ("83%"); null stays null (shown as —). */
export function pct(value: number | null): string | null {
  return value === null ? null : `${(value * 100).toFixed(0)}%`;
}
