import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { openRuntime } from '../../server/src/bootstrap';
import { now } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { decryptField } from '../../server/src/db/field-crypto';
import { inTransaction } from '../../server/src/db/transaction';
import { loadClockContext } from '../../server/src/modules/complaints/complaint-deadlines';
import { backfillComplaintOutcomes } from '../../server/src/modules/complaints/complaint-outcomes.backfill';
import { Staff } from '../../server/src/modules/staff/staff.entity';
import { createRng } from '../../server/src/seed/demo-generator';
import { seedDemo } from '../../server/src/seed/demo';
import { demoQueryPassword } from '../../server/src/seed/demo-inquiry';
import { numberFlag, parseFlags } from '../args';
import { benchUrl, connectionOptions, databaseName, newKeys, recreateDatabase, saveFixture } from '../bench-db';
import { seedBranches } from './branches';
import { bulkInsert } from './bulk';
import { seedComplaints } from './complaints';
import { CUSTOMER_COLUMNS, customerRows, type CustomerIndex } from './customers';
import { seedInspections } from './inspections';
import { POLICY_COLUMNS, policyRows, type PolicyIndex } from './policies';

export const BENCH_PASSWORD = 'bench-password-2026';

/**
 * npm run bench:seed -- --customers N --policies N --complaints N --inspections N [--database-url URL]
 *
 * Recreates the benchmark database, runs the real migrations and the demo seed (roles, demo logins,
 * templates, query passwords), adds a national branch network, then bulk-loads the volume with
 * multi-row INSERTs.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const size = {
    customers: numberFlag(flags, 'customers', 5_000),
    policies: numberFlag(flags, 'policies', 10_000),
    complaints: numberFlag(flags, 'complaints', 2_000),
    inspections: numberFlag(flags, 'inspections', 200),
  };
  if (size.customers < 100) throw new Error('--customers must be at least 100');
  const url = benchUrl(flags.get('database-url'));
  const started = Date.now();
  const log = (text: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}\n`);
  log(`recreating ${databaseName(url)}, migrating, demo base data`);
  await recreateDatabase(url);
  const keys = newKeys();
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: url, FIELD_ENCRYPTION_KEY: keys.fieldEncryptionKey, BLIND_INDEX_KEY: keys.blindIndexKey, AUDIT_CHAIN_KEY: keys.auditChainKey, DEMO_PASSWORD: BENCH_PASSWORD });
  const { db } = await openRuntime({ config });
  await seedDemo(db, config, { customers: 40, policies: 60 });
  const staff = new Map((await db.getRepository(Staff).find()).map((s) => [s.username, s]));
  const branches = await inTransaction(db, (em) => seedBranches(em, staff.get('manager')!.passwordHash));
  const pool = mysql.createPool({ ...connectionOptions(url, databaseName(url)), connectionLimit: 3 });
  // A bulk load of rows consistent by construction (parents first, unique values generated unique):
  // skipping the per-row foreign-key and unique lookups is what keeps it to minutes.
  pool.on('connection', (connection) => void connection.query('SET SESSION foreign_key_checks = 0, unique_checks = 0'));
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query(sql, params))[0] as T[];
  const nextId = async (table: string) => Number((await one<{ m: number }>(`SELECT COALESCE(MAX(id), 0) AS m FROM ${table}`))[0].m) + 1;
  const rng = createRng(numberFlag(flags, 'seed', 20261122));
  const at = now();
  const rates: Record<string, number> = {};

  log(`customers over ${branches.length} branches`);
  const customers: CustomerIndex = { firstId: await nextId('customer'), count: size.customers, names: new Array<string>(size.customers), isGroup: new Uint8Array(size.customers) };
  rates.customer = await bulkInsert(pool, 'customer', CUSTOMER_COLUMNS, size.customers, customerRows(rng, branches, customers, at, new Set((await one<{ h: string }>('SELECT id_number_hash AS h FROM customer')).map((r) => r.h))));

  const taken = new Map<string, number>();
  for (const { policy_number: n } of await one<{ policy_number: string }>('SELECT policy_number FROM policy')) {
    const key = n.slice(1, -7);
    taken.set(key, Math.max(taken.get(key) ?? 0, Number(n.slice(-7))));
  }
  const policies: PolicyIndex = { firstId: await nextId('policy'), count: size.policies, holder: new Int32Array(size.policies) };
  rates.policy = await bulkInsert(pool, 'policy', POLICY_COLUMNS, size.policies, policyRows(rng, branches, customers, policies, at, taken));

  const daySequence = new Map((await one<{ day: string; last_seq: number }>('SELECT day, last_seq FROM complaint_number_counter')).map((r) => [r.day, Number(r.last_seq)]));
  const complaintFirstId = await nextId('complaint');
  const cc = await loadClockContext(db.manager, config.defaultTimezone);
  rates.complaint = await seedComplaints(db, pool, rng, cc, branches, customers, policies, { firstId: complaintFirstId, count: size.complaints, daySequence }, at);
  // Loaded behind the service's back: their deadline outcomes (for the complaint report) as the migration stores them.
  log(`complaint deadline outcomes: ${await backfillComplaintOutcomes(db.manager, cc.timezone)}`);
  const counters = [...daySequence.entries()];
  for (let i = 0; i < counters.length; i += 1000) {
    await pool.query('INSERT INTO complaint_number_counter (day, last_seq) VALUES ? ON DUPLICATE KEY UPDATE last_seq = VALUES(last_seq)', [counters.slice(i, i + 1000)]);
  }

  const [template] = await one<{ id: number }>("SELECT id FROM quality_template WHERE code = 'HOTLINE' ORDER BY revision DESC LIMIT 1");
  rates.inspection = await seedInspections(db, pool, rng, branches, { firstId: await nextId('quality_inspection'), count: size.inspections, templateId: template.id, inspectorId: staff.get('inspector')!.id, complaintFirstId, complaintCount: size.complaints }, at);

  // The benchmark signs one staff member in and drives inquiries at 20 at once: lift the per-staff rate limit (a setting administrators edit).
  await pool.query('UPDATE inquiry_settings SET staff_per_minute = 10000');
  log('ANALYZE TABLE');
  await pool.query('ANALYZE TABLE customer, policy, complaint, complaint_event, quality_inspection, quality_score');

  const manager = staff.get('manager')!;
  const [inquiry] = await one<{ policy_number: string; id_number_enc: string }>(
    `SELECT p.policy_number, c.id_number_enc FROM policy_query_password q JOIN policy p ON p.id = q.policy_id JOIN customer c ON c.id = p.holder_id
     WHERE p.branch_id = ? AND p.status = 'in_force' ORDER BY p.id LIMIT 1`,
    [manager.branchId],
  );
  const idNumber = decryptField(inquiry.id_number_enc)!;
  const [customer] = await one<{ id: number }>(
    `SELECT c.complainant_customer_id AS id FROM complaint c WHERE c.branch_id = ? AND c.complainant_customer_id IS NOT NULL
     AND EXISTS (SELECT 1 FROM policy p WHERE p.holder_id = c.complainant_customer_id) ORDER BY c.id DESC LIMIT 1`,
    [manager.branchId],
  );
  const counts = Object.fromEntries(
    await Promise.all(['customer', 'policy', 'complaint', 'complaint_event', 'quality_inspection'].map(async (t) => [t, Number((await one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)])),
  );
  const seconds = (Date.now() - started) / 1000;
  saveFixture(url, {
    ...keys,
    password: BENCH_PASSWORD,
    manager: 'manager',
    compliance: 'compliance',
    managerBranchId: manager.branchId!,
    inquiry: { policyNumber: inquiry.policy_number, idNumber, queryPassword: demoQueryPassword(idNumber) },
    customerId: customer?.id ?? customers.firstId,
    namePrefix: '王',
    size: { customers: counts.customer, policies: counts.policy, complaints: counts.complaint, inspections: counts.quality_inspection },
    seededAt: new Date().toISOString(),
    seedSeconds: Math.round(seconds),
  });
  await pool.end();
  await db.destroy();
  log(`done in ${seconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
  log(`insert rates (rows/s): ${Object.entries(rates).map(([t, r]) => `${t} ${Math.round(r).toLocaleString('en')}`).join(', ')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
