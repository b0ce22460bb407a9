import 'reflect-metadata';
import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, sqliteFileIn } from '../../server/src/db/data-source';
import { inTransaction } from '../../server/src/db/transaction';
import { configureAuditChainKey, entryHash, GENESIS_HASH } from '../../server/src/modules/audit/audit-chain';
import { AuditEntry, AuditOutcome } from '../../server/src/modules/audit/audit-entry.entity';
import { verifyAuditChain } from '../../server/src/modules/audit/audit-verify';
import { recordAudit } from '../../server/src/modules/audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

jest.setTimeout(60_000);

// A trail written before the chain was keyed (plain SHA-256 links) goes through the migration that keys
// it: the old entries still verify, the new ones are HMACs under AUDIT_CHAIN_KEY, and someone who rewrites
// the new ones in SQL with plain hashes is caught at the first of them.

const KEYING = 'KeyedAuditChain1764600000000';
const ACTOR = { requestId: 'upgrade-test', staff: null };

describe(`an audit trail from before the chain key (${process.env.TEST_DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite'})`, () => {
  let database: TestDatabase;
  let db: DataSource;
  const repo = () => db.getRepository(AuditEntry);
  const head = async () => (await db.query('SELECT seq, hash, keyed_from, mac FROM audit_chain_head WHERE id = 1'))[0] as { seq: number; hash: string; keyed_from: number | null; mac: string | null };

  /** What the application wrote before keying: a plain SHA-256 link, and the head moved on to it. */
  async function appendPlain(seq: number, prevHash: string, reason: string): Promise<string> {
    const entry = repo().create({
      seq, at: new Date(Date.UTC(2026, 0, seq)), staffId: null, staffUsername: 'it.admin', action: 'staff.update',
      subjectType: 'Staff', subjectId: '1', changes: { status: { from: 'active', to: 'disabled' } }, reason,
      requestId: `old-${seq}`, outcome: AuditOutcome.success, prevHash, contentDigest: null, redactedAt: null,
    });
    entry.hash = entryHash(entry, false);
    await repo().save(entry);
    await db.query('UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1', [seq, entry.hash]);
    return entry.hash;
  }

  beforeAll(async () => {
    configureAuditChainKey(crypto.randomBytes(32));
    database = await createTestDatabase();
    db = createDataSource({ url: database.url, sqliteFile: sqliteFileIn(database.dataDir) });
    await db.initialize();
    // Migrate, then step back to just before the keying migration: the schema an older release left.
    await db.runMigrations({ transaction: 'each' });
    const applied = async () => ((await db.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((r) => r.name);
    while ((await applied()).includes(KEYING)) await db.undoLastMigration({ transaction: 'each' });
    let prev = GENESIS_HASH;
    for (const seq of [1, 2, 3]) prev = await appendPlain(seq, prev, `离职 ${seq}`);
    await db.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await database?.drop();
  });

  it('keys the chain from the next entry on and still verifies the old entries under their plain hashes', async () => {
    expect(await head()).toMatchObject({ seq: 3, keyed_from: 4, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 3, firstBrokenId: null, problem: null });
  });

  it('writes new entries as HMACs under the key, and the chain verifies across the boundary', async () => {
    const added = await inTransaction(db, (em) => recordAudit(em, ACTOR, { action: 'staff.update', subjectType: 'Staff', subjectId: 1, reason: '复职' }));
    await inTransaction(db, (em) => recordAudit(em, ACTOR, { action: 'staff.update', subjectType: 'Staff', subjectId: 1, reason: '再次复核' }));
    expect(added.seq).toBe(4);
    expect(added.hash).toBe(entryHash(added, true));
    expect(added.hash).not.toBe(entryHash(added, false));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5 });
  });

  it('names the first keyed entry when the keyed tail is rewritten with recomputed plain hashes', async () => {
    const entries = await repo().find({ order: { seq: 'ASC' } });
    const original = await head();
    try {
      let prev = entries[2].hash;
      for (const entry of entries.slice(3)) {
        const forged = Object.assign(new AuditEntry(), { ...entry, prevHash: prev, reason: '无事发生' });
        forged.hash = entryHash(forged, false);
        await repo().update({ id: entry.id }, { reason: forged.reason, prevHash: prev, hash: forged.hash });
        prev = forged.hash;
      }
      await db.query('UPDATE audit_chain_head SET hash = ? WHERE id = 1', [prev]);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 3, firstBrokenId: entries[3].id, problem: expect.stringMatching(/without the audit key/) });
      // Rewriting an old (plain) entry too, recomputing every link after it: still caught, at the first keyed entry at the latest.
      let from = GENESIS_HASH;
      for (const entry of entries.slice(0, 3)) {
        const forged = Object.assign(new AuditEntry(), { ...entry, prevHash: from, reason: entry.seq === 2 ? '无事发生' : entry.reason });
        forged.hash = entryHash(forged, false);
        await repo().update({ id: entry.id }, { reason: forged.reason, prevHash: from, hash: forged.hash });
        from = forged.hash;
      }
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 3, firstBrokenId: entries[3].id });
    } finally {
      for (const entry of entries) await repo().save(entry);
      await db.query('UPDATE audit_chain_head SET seq = ?, hash = ?, keyed_from = ?, mac = ? WHERE id = 1', [original.seq, original.hash, original.keyed_from, original.mac]);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5 });
  });

  it('does not let a migration run again re-sign the head over keyed entries as if they were old', async () => {
    // Down and up again moves keyed_from past the keyed entries; they still verify as keyed, and a plain
    // entry after them is a break wherever the head says keying began.
    while (((await db.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).some((r) => r.name === KEYING)) await db.undoLastMigration({ transaction: 'each' });
    await db.runMigrations({ transaction: 'each' });
    expect(await head()).toMatchObject({ seq: 5, keyed_from: 6 });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5 });
    const last = await repo().findOneByOrFail({ seq: 5 });
    const forged = Object.assign(new AuditEntry(), { ...last, reason: '无事发生' });
    forged.hash = entryHash(forged, false);
    await repo().update({ id: last.id }, { reason: forged.reason, hash: forged.hash });
    await db.query('UPDATE audit_chain_head SET hash = ? WHERE id = 1', [forged.hash]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 4, firstBrokenId: last.id, problem: expect.stringMatching(/without the audit key/) });
  });
});
