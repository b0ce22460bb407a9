import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

export interface DatabaseTarget {
  /** mysql://user:pass@host:3306/db, or null for the embedded SQLite file. */
  url: string | null;
  sqliteFile: string;
}

/**
 * MySQL/MariaDB through mysql2 when a URL is given, otherwise an embedded SQLite file. Both run the
 * same migrations; the schema is never synchronised from the entities.
 */
export function createDataSource(target: DatabaseTarget): DataSource {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false, logging: false } as const;
  if (target.url) {
    return new DataSource({
      ...common,
      type: 'mysql',
      url: target.url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      extra: { connectionLimit: 10 },
      // mysql2 captures a stack trace for every query to decorate a failure; TypeORM's error names the query anyway.
      trace: false,
    });
  }
  fs.mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: target.sqliteFile,
    enableWAL: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  });
}

export const sqliteFileIn = (dataDir: string) => path.join(dataDir, 'insuredesk.sqlite');
