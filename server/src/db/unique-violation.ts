/**
 * True when the database refused a write because it would duplicate a unique key, and — when
 * `marker` is given — the key's index or column name contains it (MySQL/MariaDB: "Duplicate entry
 * '…' for key 'uq_customer_id_number_hash'"; SQLite: "UNIQUE constraint failed: customer.id_number_hash").
 * Only the key part of the message is searched, never the duplicated value, which the caller may
 * have chosen. Two concurrent writers can both pass a "does it exist yet?" check; the unique index
 * stops the second, and the service turns that into a CONFLICT that never echoes the value.
 */
export function isUniqueViolation(error: unknown, marker?: string): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (code !== 'ER_DUP_ENTRY' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  if (marker === undefined) return true;
  if (typeof e?.message !== 'string') return false;
  const key = /for key '([^']*)'\s*$/.exec(e.message)?.[1] ?? /UNIQUE constraint failed: (.*)$/.exec(e.message)?.[1] ?? '';
  return key.includes(marker);
}
