import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';

/**
 * The benchmark's own database (never the `test` database the suites use) and what the seed leaves
 * for the benchmark beside it: the field keys the rows were encrypted with, and one verified-inquiry
 * fixture. Kept in bench/.keys (git-ignored, mode 0600).
 */
export const DEFAULT_BENCH_URL = 'mysql://root@127.0.0.1:3306/insuredesk_bench';

export interface BenchFixture {
  fieldEncryptionKey: string;
  blindIndexKey: string;
  auditChainKey: string;
  password: string;
  manager: string;
  compliance: string;
  managerBranchId: number;
  inquiry: { policyNumber: string; idNumber: string; queryPassword: string };
  /** A customer of the manager's branch who holds policies and complained. */
  customerId: number;
  namePrefix: string;
  size: { customers: number; policies: number; complaints: number; inspections: number };
  seededAt: string;
  seedSeconds: number;
}

export function benchUrl(flag: string | undefined): string {
  const url = flag ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
  const name = databaseName(url);
  if (!name || name === 'test' || name.startsWith('insuredesk_t_')) throw new Error(`refusing to use database "${name}": pick a dedicated benchmark database`);
  return url;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function connectionOptions(url: string, database?: string) {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
  };
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = await mysql.createConnection(connectionOptions(url));
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
}

const fixtureFile = (url: string) => path.join(__dirname, '..', '..', '.keys', `${databaseName(url)}.json`);

export function newKeys() {
  const key = () => crypto.randomBytes(32).toString('base64');
  return { fieldEncryptionKey: key(), blindIndexKey: key(), auditChainKey: key() };
}

export function saveFixture(url: string, fixture: BenchFixture): void {
  const file = fixtureFile(url);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(fixture, null, 2), { mode: 0o600 });
}

export function loadFixture(url: string): BenchFixture {
  const file = fixtureFile(url);
  if (!fs.existsSync(file)) throw new Error(`no benchmark data for ${databaseName(url)}: run npm run bench:seed first (${file} is missing)`);
  const fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchFixture;
  // Seeded before the audit chain was keyed: the keying migration signs the chain with a key made now.
  if (!fixture.auditChainKey) saveFixture(url, { ...fixture, auditChainKey: newKeys().auditChainKey });
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchFixture;
}
