import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

export interface TestDatabase {
  url: string | null;
  dataDir: string;
  label: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new schema on the server named by TEST_DATABASE_URL,
 * or a new SQLite file in a temporary folder. Migrations are applied by the server start, as in production.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insuredesk-test-'));
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    return { url: null, dataDir, label: 'sqlite', drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `insuredesk_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const server = new URL(base);
  const admin = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    label: 'mysql',
    drop: async () => {
      const conn = await mysql.createConnection({
        host: server.hostname,
        port: Number(server.port || 3306),
        user: decodeURIComponent(server.username),
        password: decodeURIComponent(server.password),
      });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
