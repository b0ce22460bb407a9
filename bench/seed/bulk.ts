import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Pool } from 'mysql2/promise';
import { Progress } from '../progress';

export type Row = unknown[];

/**
 * Multi-row INSERTs of `batch` rows each, two statements in flight so generating the next batch in
 * Node overlaps the database writing the last one. Rows come from a generator, so memory stays flat.
 */
export async function bulkInsert(pool: Pool, table: string, columns: string[], total: number, rows: Iterable<Row>, batch = 1000): Promise<number> {
  const progress = new Progress(table, total);
  const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
  const inFlight: Promise<unknown>[] = [];
  let chunk: Row[] = [];
  const flush = async () => {
    const values = chunk;
    chunk = [];
    inFlight.push(pool.query(sql, [values]).then(() => progress.tick(values.length)));
    if (inFlight.length >= 2) await inFlight.shift();
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= batch) await flush();
  }
  if (chunk.length) await flush();
  await Promise.all(inFlight);
  return progress.rate();
}

export interface TableWriter {
  /** `INSERT INTO table (columns) VALUES ?`, for mysql2's nested-array form. */
  insert: string;
  row: (entity: object) => Row;
}

/**
 * An entity's table as TypeORM would write it: the INSERT and each entity as a row (column
 * transformers such as field encryption, JSON, dates). `withId`: the ids are given, not generated.
 */
export function tableWriter(db: DataSource, entity: EntityTarget<ObjectLiteral>, withId: boolean): TableWriter {
  const metadata = db.getMetadata(entity);
  const columns = metadata.columns.filter((c) => withId || !c.isGenerated);
  return {
    insert: `INSERT INTO \`${metadata.tableName}\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES ?`,
    row: (record) =>
      columns.map((column) => {
        const value = (record as Record<string, unknown>)[column.propertyName];
        return value === undefined ? (column.default ?? null) : db.driver.preparePersistentValue(value, column);
      }),
  };
}
