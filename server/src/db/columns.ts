import type { ValueTransformer } from 'typeorm';

/** BIGINT comes back from mysql2 as a string; amounts in fen stay well inside Number.MAX_SAFE_INTEGER. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** One column shape for every UTC timestamp, so MySQL keeps milliseconds like SQLite does. */
export const timestamp = { type: 'datetime', precision: 3 } as const;

/**
 * A UTC time as both databases compare it in raw query parameters (better-sqlite3 cannot bind a
 * Date, and this is the text form TypeORM stores datetimes in on SQLite).
 */
export function sqlTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
