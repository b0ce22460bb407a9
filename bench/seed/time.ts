export const DAY_MS = 24 * 3600_000;
export const THREE_YEARS_MS = 3 * 365 * DAY_MS;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
