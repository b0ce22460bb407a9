import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../graphql/context';
import { AppError, ErrorCode } from '../graphql/errors';

/** Driver and socket codes that mean "the database is not there", as opposed to "the query was wrong". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_SERVER_GONE_ERROR',
  'CR_SERVER_GONE_ERROR', 'CR_SERVER_LOST', 'CR_CONNECTION_ERROR', 'ER_CONNECTION_KILLED',
]);
const UNREACHABLE_MESSAGES = /Connection lost|connection is in closed state|Pool is closed|Too many connections|server has gone away|read ECONNRESET|connect ECONNREFUSED|Connection terminated/i;

/** RETRY_AFTER_SECONDS: what a refused client is told to wait; the pool reconnects by itself meanwhile. */
export const RETRY_AFTER_SECONDS = 5;

/** True for an error (or one it wraps) that says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown; thrownValue?: unknown };
  if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
  // graphql wraps a thrown non-Error (mysql2's pool rejects with a plain object) as NonErrorThrown { thrownValue }.
  return [e.driverError, e.originalError, e.cause, e.thrownValue].some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

export function databaseUnavailable(): AppError {
  return new AppError('DATABASE_UNAVAILABLE', {
    extensions: { retryAfter: RETRY_AFTER_SECONDS, http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });
}

/** A GraphQL answer that carries DATABASE_UNAVAILABLE goes out as HTTP 503 with Retry-After, so proxies and clients back off. */
export function databaseOutagePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** The readiness probe: one trivial query, given up on after `timeoutMs` so a hung connection reads as down. */
export async function databaseIsUp(db: DataSource, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.query('SELECT 1').then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
