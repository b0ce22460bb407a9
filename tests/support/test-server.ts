import 'reflect-metadata';
import crypto from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { openRuntime } from '../../server/src/bootstrap';
import { resetClock } from '../../server/src/clock';
import { loadConfig, type Config } from '../../server/src/config';
import { createLogger, type Logger } from '../../server/src/logger';
import { seedDemo } from '../../server/src/seed/demo';
import { GqlClient } from './client';
import { createTestDatabase, type TestDatabase } from './test-db';

export const TEST_PASSWORD = 'test-password-2026';

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt staff { id username } }
}`;

export interface TestServer {
  url: string;
  db: DataSource;
  config: Config;
  database: TestDatabase;
  /** Not signed in. */
  anonymous: GqlClient;
  /** Signs in over HTTP and returns a client carrying the session token. */
  signIn(username: string, password?: string): Promise<GqlClient>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Load a small deterministic demo data set: staff for every role, customers and policies in several branches. */
  demo?: { customers: number; policies: number } | false;
  env?: Record<string, string>;
  /** Where the server's log lines go (silent by default); the red-team canary reads them. */
  logger?: Logger;
  /** Rewrites the test database's URL before the server uses it (outage tests route it through a TCP proxy). */
  databaseUrl?: (url: string) => string;
}

/**
 * A real server on a free loopback port over a fresh database (SQLite, or MySQL/MariaDB when
 * TEST_DATABASE_URL is set), migrated by the same start-up path as production.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  resetClock();
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PASSWORD_HASH_COST: '14',
    PASSWORD_HASH_PARALLELISM: '1',
    LOG_LEVEL: 'silent',
    DATA_DIR: database.dataDir,
    DEMO_PASSWORD: TEST_PASSWORD,
    FIELD_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: crypto.randomBytes(32).toString('base64'),
    AUDIT_CHAIN_KEY: crypto.randomBytes(32).toString('base64'),
    ...(database.url ? { DATABASE_URL: options.databaseUrl?.(database.url) ?? database.url } : {}),
    ...options.env,
  });
  const { db } = await openRuntime({ config });
  if (options.demo !== false) await seedDemo(db, config, options.demo ?? { customers: 60, policies: 80 });
  const app = await createApp(config, db, options.logger ?? createLogger('silent'));
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const anonymous = new GqlClient(url);
  return {
    url,
    db,
    config,
    database,
    anonymous,
    async signIn(username, password = TEST_PASSWORD) {
      const data = await anonymous.ok<{ login: { token: string } }>(LOGIN, { username, password });
      return new GqlClient(url, data.login.token);
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await app.stop();
      await db.destroy();
      await database.drop();
      resetClock();
    },
  };
}
