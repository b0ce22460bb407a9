import cluster, { type Worker } from 'node:cluster';
import { LookupBudget } from '../access/sensitive-lookups';
import type { Logger } from '../logger';
import { RateLimiter } from '../modules/inquiry/rate-limiter';
import { TokenBuckets } from '../security/rate-limit';
import { SHARED_STORES_ENV, STORE, STORE_MESSAGE, type StoreAnswer, type StoreCall } from './shared-store';

/** Set on the one worker that runs the minute jobs (escalations, access-review deadlines, anonymisation). */
export const RUNS_JOBS_ENV = 'INSUREDESK_RUNS_JOBS';

/** Every store a worker may ask for, by name; created on first use. */
export const STORES: Record<string, () => object> = {
  [STORE.operationBuckets]: () => new TokenBuckets(),
  [STORE.operationRefusalsReported]: () => new TokenBuckets(),
  [STORE.inquiries]: () => new RateLimiter(),
  [STORE.lookups]: () => new LookupBudget(),
};

const RESTART_DELAY_MS = 1_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * SERVER_PROCESSES > 1: this process serves no requests itself. It forks the workers, which share the
 * listening port (the cluster module hands connections to them in turn; `onListening` once all of them
 * listen), holds the stores they share (shared-store.ts), starts a worker again when one dies, and
 * stops them all on SIGTERM / SIGINT. The minute jobs run in exactly one worker, and in its
 * replacement if it dies, so an escalation is not raised twice.
 */
export function runPrimary(processes: number, logger: Logger, onListening: () => void): void {
  const stores = new Map<string, object>();
  let stopping = false;

  const answer = (worker: Worker, call: StoreCall) => {
    if (call?.type !== STORE_MESSAGE) return;
    let reply: StoreAnswer;
    try {
      const create = STORES[call.store];
      if (!create) throw new Error(`no store named ${call.store}`);
      const store = stores.get(call.store) ?? stores.set(call.store, create()).get(call.store)!;
      const fn = (store as Record<string, unknown>)[call.method];
      if (typeof fn !== 'function' || call.method === 'constructor') throw new Error(`no method ${call.method}`);
      reply = { type: STORE_MESSAGE, id: call.id, result: fn.apply(store, call.args) };
    } catch (error) {
      reply = { type: STORE_MESSAGE, id: call.id, error: error instanceof Error ? error.message : String(error) };
    }
    if (worker.isConnected()) worker.send(reply);
  };

  const fork = (runsJobs: boolean) => {
    const worker = cluster.fork({ [SHARED_STORES_ENV]: '1', [RUNS_JOBS_ENV]: runsJobs ? '1' : '0' });
    worker.on('message', (call: StoreCall) => answer(worker, call));
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code, signal, runsJobs }, 'a server process stopped; starting another');
      // Not unref'd: when every worker has died, this timer is what keeps the primary alive to fork again.
      setTimeout(() => fork(runsJobs), RESTART_DELAY_MS);
    });
  };
  let listening = 0;
  const countListening = () => {
    if (++listening < processes) return;
    cluster.off('listening', countListening);
    onListening();
  };
  cluster.on('listening', countListening);
  for (let i = 0; i < processes; i++) fork(i === 0);

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    let left = workers.length;
    if (!left) process.exit(0);
    for (const worker of workers) {
      worker.once('exit', () => --left || process.exit(0));
      worker.process.kill('SIGTERM');
    }
    setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
