import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Stops the server the global setup started and removes its temporary database. */
export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__E2E_SERVER__ as { child: ChildProcess; dataDir: string } | undefined;
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
