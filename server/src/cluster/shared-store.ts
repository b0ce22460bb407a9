import cluster from 'node:cluster';

/**
 * The rate limits and the look-up budget are counters that must hold for the whole server, not per
 * process: with SERVER_PROCESSES > 1 a caller's requests land on every worker in turn, and a limit kept
 * in each worker's memory would let them through N times. So in a worker the stores live in the
 * primary process (primary.ts) and every call is a message to it and its answer; in a single process
 * the store is the local object. Only limited operations (sign-in, MFA, reveal, inquiries, exports,
 * searches by an exact sensitive value) ask a store: an ordinary list or page never does.
 */

/** The methods of T, each answering through a promise. */
export type Shared<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

export const STORE_MESSAGE = 'insuredesk:shared-store';
/** Set by the primary on the workers it forks: their stores are the primary's. */
export const SHARED_STORES_ENV = 'INSUREDESK_SHARED_STORES';

export interface StoreCall {
  type: typeof STORE_MESSAGE;
  id: number;
  store: string;
  method: string;
  args: unknown[];
}

export interface StoreAnswer {
  type: typeof STORE_MESSAGE;
  id: number;
  result?: unknown;
  error?: string;
}

/** A primary that does not answer within this time fails the request rather than hang it. */
const ANSWER_TIMEOUT_MS = 5_000;

const inWorker = () => cluster.isWorker && process.env[SHARED_STORES_ENV] === '1';

/** `local` in a single process; the primary's store of the same name in a worker. */
export function sharedStore<T extends object>(name: string, local: T): Shared<T> {
  return new Proxy({} as Shared<T>, {
    get: (_target, method) => {
      if (typeof method !== 'string') return undefined;
      if (inWorker()) return (...args: unknown[]) => askPrimary(name, method, args);
      const fn = (local as Record<string, unknown>)[method];
      if (typeof fn !== 'function') return undefined;
      return async (...args: unknown[]) => fn.apply(local, args);
    },
  });
}

let nextId = 1;
const pending = new Map<number, { label: string; resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
let listening = false;

function askPrimary(store: string, method: string, args: unknown[]): Promise<unknown> {
  if (!listening) {
    listening = true;
    process.on('message', (message: StoreAnswer) => {
      if (message?.type !== STORE_MESSAGE) return;
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error !== undefined) waiting.reject(new Error(`shared store ${waiting.label}: ${message.error}`));
      else waiting.resolve(message.result);
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`shared store ${store}.${method}: the primary process did not answer`));
    }, ANSWER_TIMEOUT_MS);
    // Not keeping the worker alive for a pending answer: a worker that is shutting down just stops.
    timer.unref();
    pending.set(id, { label: `${store}.${method}`, resolve, reject, timer });
    const call: StoreCall = { type: STORE_MESSAGE, id, store, method, args };
    process.send!(call);
  });
}

/** The stores the workers share, by name (primary.ts creates them; the modules that use them name them here). */
export const STORE = {
  operationBuckets: 'operation-buckets',
  operationRefusalsReported: 'operation-refusals-reported',
  inquiries: 'inquiries',
  lookups: 'lookups',
} as const;
