import 'reflect-metadata';
import { ConfigError } from '../config';

/** Runs a command-line tool: a bad setting prints one line and exits 1; so does any failure. */
export function runCli(task: () => Promise<number | void>): void {
  task()
    .then((code) => process.exit(code ?? 0))
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(error instanceof ConfigError ? `Configuration error: ${message}\n` : `Failed: ${message}\n`);
      process.exit(1);
    });
}
