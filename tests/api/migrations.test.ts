import 'reflect-metadata';
import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, sqliteFileIn } from '../../server/src/db/data-source';
import { ENTITIES } from '../../server/src/db/entities';
import { MIGRATIONS } from '../../migrations';
import { configureAuditChainKey } from '../../server/src/modules/audit/audit-chain';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// Server start and seeding can take more than jest's 5 s default on a loaded machine (the api
// project's testTimeout in jest.config.js is not applied to hooks run under `projects`).
jest.setTimeout(60_000);

// The same migration files run up and down on the embedded SQLite database and on MySQL/MariaDB
// (TEST_DATABASE_URL picks which), starting from an empty database.

const FOUNDATION_TABLES = ['audit_chain_head', 'audit_entry', 'branch', 'customer', 'policy', 'role', 'role_grant', 'staff', 'staff_session'];

describe(`migrations on a fresh ${process.env.TEST_DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite'} database`, () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    // As at start-up (bootstrap.ts configureKeys): the migration that keys the audit chain signs its head.
    configureAuditChainKey(crypto.randomBytes(32));
    database = await createTestDatabase();
    db = createDataSource({ url: database.url, sqliteFile: sqliteFileIn(database.dataDir) });
    await db.initialize();
  });
  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await database?.drop();
  });

  async function tables(): Promise<string[]> {
    const rows: Record<string, string>[] = database.url
      ? await db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')
      : await db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    return rows.map((r) => r.name ?? r.NAME ?? r.TABLE_NAME).sort();
  }

  /** At least: the foundation's tables, every entity's table, and TypeORM's own record of applied migrations. */
  function expectedTables(): string[] {
    return [...new Set([...FOUNDATION_TABLES, ...db.entityMetadatas.map((m) => m.tableName), 'migrations'])].sort();
  }

  async function applied(): Promise<string[]> {
    const rows: { name: string }[] = await db.query('SELECT name FROM migrations ORDER BY id');
    return rows.map((r) => r.name);
  }

  /** Every entity can be written and read back through its mapping: columns and types match the migrated schema. */
  async function entitiesReadable(): Promise<void> {
    for (const entity of ENTITIES) await db.getRepository(entity).find({ take: 1 });
    await db.query("INSERT INTO branch (code, name, region, created_at) VALUES ('T1', '测试分公司', '北京市', '2026-01-01 00:00:00.000')");
    const rows: { code: string; name: string }[] = await db.query("SELECT code, name FROM branch WHERE code = 'T1'");
    expect(rows).toEqual([{ code: 'T1', name: '测试分公司' }]);
  }

  it('starts empty', async () => {
    expect(await tables()).toEqual([]);
    expect(await db.showMigrations()).toBe(true);
  });

  it('runs every migration up: all tables exist and nothing is pending', async () => {
    const ran = await db.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await tables()).toEqual(expect.arrayContaining(expectedTables()));
    expect(await applied()).toEqual(ran.map((m) => m.name));
    expect(await db.showMigrations()).toBe(false);
    await entitiesReadable();
  });

  it('matches the entities: every mapped column exists, with the same nullability', async () => {
    const runner = db.createQueryRunner();
    const problems: string[] = [];
    const uniqueChecked: string[] = [];
    try {
      for (const meta of db.entityMetadatas) {
        const table = await runner.getTable(meta.tableName);
        if (!table) {
          problems.push(`${meta.tableName}: no such table`);
          continue;
        }
        for (const column of meta.columns) {
          const found = table.findColumnByName(column.databaseName);
          if (!found) problems.push(`${meta.tableName}.${column.databaseName}: missing`);
          else if (found.isNullable !== column.isNullable) problems.push(`${meta.tableName}.${column.databaseName}: nullable ${found.isNullable}, entity says ${column.isNullable}`);
        }
        const uniqueColumns = [...meta.uniques, ...meta.indices.filter((i) => i.isUnique)].filter((u) => u.columns.length === 1).map((u) => u.columns[0]);
        for (const unique of uniqueColumns) {
          uniqueChecked.push(`${meta.tableName}.${unique.databaseName}`);
          const indexed = table.indices.some((i) => i.isUnique && i.columnNames.length === 1 && i.columnNames[0] === unique.databaseName);
          if (!indexed) problems.push(`${meta.tableName}.${unique.databaseName}: not unique in the database`);
        }
      }
    } finally {
      await runner.release();
    }
    expect(problems).toEqual([]);
    expect(uniqueChecked).toEqual(expect.arrayContaining(['customer.id_number_hash', 'policy.policy_number', 'staff.username', 'audit_entry.seq']));
  });

  it('undoes the migrations one by one, last first, until only the migrations table remains', async () => {
    const names = await applied();
    for (let left = names.length; left > 0; left--) {
      await db.undoLastMigration({ transaction: 'each' });
      expect(await applied()).toEqual(names.slice(0, left - 1));
    }
    expect(await tables()).toEqual(['migrations']);
    expect(await db.showMigrations()).toBe(true);
  });

  it('runs up again on the emptied database', async () => {
    const ran = await db.runMigrations({ transaction: 'each' });
    expect(ran).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(expect.arrayContaining(expectedTables()));
    await entitiesReadable();
    // And a second run finds nothing left to do.
    expect(await db.runMigrations({ transaction: 'each' })).toEqual([]);
  });
});
