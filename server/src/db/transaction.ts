import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 is one connection: two interleaved transactions on it would nest and fail. On the
 * embedded database, transactions therefore queue behind each other; on MySQL they run on the pool.
 */
let queue: Promise<unknown> = Promise.resolve();

export function isMysql(db: DataSource): boolean {
  return db.options.type === 'mysql' || db.options.type === 'mariadb';
}

const DEADLOCK_RETRIES = 3;

/** InnoDB picks a victim when two transactions wait on each other; the victim is rolled back whole and may simply run again. */
function isDeadlock(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

export async function inTransaction<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (isMysql(db)) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction(work);
      } catch (error) {
        if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
      }
    }
  }
  const run = queue.then(() => db.transaction(work));
  queue = run.catch(() => undefined);
  return run;
}
