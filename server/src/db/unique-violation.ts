/**
 * True when the database refused a write because it would duplicate a unique key whose index or
 * column name contains `marker` (MySQL/MariaDB: "Duplicate entry … for key 'uq_customer_id_number_hash'";
 * SQLite: "UNIQUE constraint failed: customer.id_number_hash"). Two concurrent writers can both pass
 * a "does it exist yet?" check; the unique index stops the second, and this turns that into a CONFLICT.
 */
export function isUniqueViolation(error: unknown, marker: string): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (code !== 'ER_DUP_ENTRY' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  return typeof e?.message === 'string' && e.message.includes(marker);
}
