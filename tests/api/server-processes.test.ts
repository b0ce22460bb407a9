import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// SERVER_PROCESSES=2 runs the real entry point (server/src/main.ts) as a primary with two workers on
// one port. A limit must hold for the server, not per worker: the cluster hands connections to the
// workers in turn, so with limits kept in each worker's memory a caller would get twice as many tries.
const ROOT = path.join(__dirname, '..', '..');
const SIGN_IN_LIMIT = 3;
const onMysql = !!process.env.TEST_DATABASE_URL;

/** The pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return fs.readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * The real entry point as deployed (NODE_ENV=production, where Apollo would also handle the signals),
 * on `db`, until it prints `ready`.
 */
async function startServer(db: TestDatabase, env: Record<string, string>, ready: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const key = () => crypto.randomBytes(32).toString('base64');
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tests/support/swc-register.js'), path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PASSWORD_HASH_COST: '17',
      COOKIE_SECURE: 'false',
      DATA_DIR: db.dataDir,
      ...(db.url ? { DATABASE_URL: db.url, FIELD_ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key(), AUDIT_CHAIN_KEY: key() } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'never',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base: `http://127.0.0.1:${port}` };
}

/** SIGTERM, and the exit code once it has stopped. */
function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('one server process', () => {
  it('stops on SIGTERM with exit code 0', async () => {
    const db = await createTestDatabase();
    try {
      const { child, base } = await startServer(db, {}, 'InsureDesk is running on');
      expect((await fetch(`${base}/readyz`, { headers: { connection: 'close' } })).status).toBe(200);
      expect(await stop(child)).toBe(0);
    } finally {
      await db.drop();
    }
  }, 120_000);
});

(onMysql ? describe : describe.skip)('several server processes (SERVER_PROCESSES=2, MySQL/MariaDB)', () => {
  let db: TestDatabase;
  let primary: ChildProcess;
  let base = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ child: primary, base } = await startServer(db, { SERVER_PROCESSES: '2', RATE_LIMIT_SIGN_IN: String(SIGN_IN_LIMIT) }, 'is running in 2 processes'));
  }, 120_000);

  afterAll(async () => {
    if (primary?.exitCode === null) primary.kill('SIGKILL');
    await db?.drop();
  });

  /** One sign-in attempt on a connection of its own, so the cluster hands each to the next worker. */
  async function signIn(username: string): Promise<{ status: number; code: string | undefined }> {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ query: `mutation { login(username: "${username}", password: "not-the-password") { token } }` }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return { status: res.status, code: body.errors?.[0]?.extensions?.code };
  }

  it('serves from two worker processes', async () => {
    expect(childrenOf(primary.pid!)).toHaveLength(2);
    const health = await fetch(`${base}/healthz`, { headers: { connection: 'close' } });
    expect(health.status).toBe(200);
  });

  it('holds one sign-in limit across the workers', async () => {
    const attempts = [];
    for (let i = 0; i < SIGN_IN_LIMIT * 2 + 2; i++) attempts.push(await signIn('nobody-here'));
    // The first three are judged (wrong name or password); every later one is refused, whichever worker took it.
    expect(attempts.slice(0, SIGN_IN_LIMIT).map((a) => a.code)).not.toContain('RATE_LIMITED');
    expect(attempts.slice(SIGN_IN_LIMIT).map((a) => [a.status, a.code])).toEqual(new Array(SIGN_IN_LIMIT + 2).fill([429, 'RATE_LIMITED']));
    // Another name from the same address has its own bucket.
    expect((await signIn('somebody-else')).code).not.toBe('RATE_LIMITED');
  });

  it('starts another worker when one dies', async () => {
    const [victim] = childrenOf(primary.pid!);
    process.kill(victim, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    let workers = childrenOf(primary.pid!);
    while (!(workers.length === 2 && !workers.includes(victim)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      workers = childrenOf(primary.pid!);
    }
    expect(workers).toHaveLength(2);
    expect(workers).not.toContain(victim);
    // Every connection is answered meanwhile by whichever worker is up.
    for (let i = 0; i < 4; i++) expect((await fetch(`${base}/readyz`, { headers: { connection: 'close' } })).status).toBe(200);
  }, 90_000);

  it('stops its workers and itself on SIGTERM', async () => {
    const workers = childrenOf(primary.pid!);
    expect(await stop(primary)).toBe(0);
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
  });
});
