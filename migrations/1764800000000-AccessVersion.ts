import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter of changes to what anyone may do: every write to role, role_grant or duty_conflict_rule
 * bumps it, by trigger, in the writer's own transaction. Each server process keeps built abilities keyed
 * by it (modules/auth/access-cache.ts), so a change made through any process, or by hand in SQL, reaches
 * every process on the next request. Staff status, branch, password reset and MFA are read from the
 * staff row on every request and need no bump.
 *
 * SQLite drops a table's triggers with the table: a later migration that rebuilds role, role_grant or
 * duty_conflict_rule on SQLite must create these triggers again (tests/api/access-version.test.ts checks).
 */
const WATCHED = ['role', 'role_grant', 'duty_conflict_rule'];
const EVENTS = [
  ['INSERT', 'ai'],
  ['UPDATE', 'au'],
  ['DELETE', 'ad'],
] as const;

export class AccessVersion1764800000000 implements MigrationInterface {
  name = 'AccessVersion1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query('CREATE TABLE access_version (id integer NOT NULL PRIMARY KEY, version bigint NOT NULL)');
    await q.query('INSERT INTO access_version (id, version) VALUES (1, 1)');
    const bump = 'UPDATE access_version SET version = version + 1 WHERE id = 1';
    for (const table of WATCHED) {
      for (const [event, suffix] of EVENTS) {
        const name = `trg_${table}_${suffix}_access_version`;
        await q.query(mysql ? `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH ROW ${bump}` : `CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN ${bump}; END`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WATCHED) for (const [, suffix] of EVENTS) await q.query(`DROP TRIGGER IF EXISTS trg_${table}_${suffix}_access_version`);
    await q.query('DROP TABLE access_version');
  }
}
