import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port';
import { ARTIFACTS, CHROMIUM, DEMO_PASSWORD } from './env';

const ROOT = path.resolve(__dirname, '../../..');
const SERVER_MAIN = path.join(ROOT, 'server/dist/server/src/main.js');
const CONSOLE_INDEX = path.join(ROOT, 'admin-ui/dist/index.html');

async function waitUntilReady(url: string, exited: () => string | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`the server stopped before it was ready (${exit}); see tests/e2e/artifacts/server.log`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000}s; see tests/e2e/artifacts/server.log`);
}

/**
 * Starts the built server (this runner builds nothing) on a free loopback port over a fresh
 * embedded database with the demo data, and waits for /readyz.
 */
export default async function globalSetup(): Promise<void> {
  for (const [file, hint] of [
    [SERVER_MAIN, 'run `npm run build` first'],
    [CONSOLE_INDEX, 'run `npm run build` first (it builds the console too)'],
    [CHROMIUM, 'install Debian\'s chromium: apt-get install -y chromium (or set CHROMIUM_PATH)'],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: ${hint}`);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const old of fs.readdirSync(ARTIFACTS)) if (old.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS, old));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insuredesk-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_PASSWORD,
    SEED_DEMO: 'auto',
    // The cheapest cost the server accepts outside production: the run signs in a dozen times.
    PASSWORD_HASH_COST: '14',
    PASSWORD_HASH_PARALLELISM: '1',
    LOG_LEVEL: 'warn',
  };
  // Always the embedded database: a developer's DATABASE_URL must not receive test data.
  delete env.DATABASE_URL;
  const log = fs.openSync(path.join(ARTIFACTS, 'server.log'), 'w');
  const child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', log, log] });
  let exit: string | null = null;
  child.on('exit', (code, signal) => (exit = `exit code ${code ?? signal}`));

  const url = `http://127.0.0.1:${port}`;
  (globalThis as Record<string, unknown>).__E2E_SERVER__ = { child, dataDir };
  try {
    await waitUntilReady(url, () => exit, 90_000);
  } catch (error) {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env.E2E_BASE_URL = url;
  // The data folder, for tests that run a command-line job (npm run jobs:once) against the same database.
  process.env.E2E_DATA_DIR = dataDir;
}
