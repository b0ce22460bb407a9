import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/**
 * Structured JSON log lines (pino) on stdout. Every line written while a request is being served
 * carries that request's id. Callers pass ids and outcomes, never tokens or clear sensitive values;
 * as a second line of defence, credential and personal-data keys are redacted wherever they sit in
 * the logged object, and anything shaped like a Chinese ID number or mobile number is masked.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  /** `data` may be a function: built only when debug lines are written (a request's debug line walks its document). */
  debug(data: object | (() => object), msg: string): void;
  info(data: object, msg: string): void;
  warn(data: object, msg: string): void;
  error(data: object, msg: string): void;
}

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` with `requestId` stamped on every log line written inside it, however deep the call. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** Keys whose values never reach a log line, at any depth, whatever the caller passed. */
const SECRET_KEYS = new Set(
  [
    'password', 'currentPassword', 'newPassword', 'queryPassword', 'passwordHash', 'otp', 'code', 'totp', 'secret', 'token',
    'authorization', 'cookie', 'set-cookie', 'x-channel-key', 'channelKey', 'recoveryCodes', 'idNumber', 'mobile', 'phone',
    'email', 'address', 'bankAccount', 'value', 'clearValue',
  ].map((k) => k.toLowerCase()),
);
const REDACTED = '[redacted]';

// A PRC resident ID (18 characters) and a mainland mobile number, wherever they appear in free text.
const ID_NUMBER = /(?<![\dA-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

function scrubText(text: string): string {
  return text.replace(ID_NUMBER, '$1***********$2').replace(MOBILE, '$1****$2');
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) return scrubError(value);
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : scrub(v, depth + 1);
  return out;
}

/** A database driver's error: its message quotes the offending values ("Duplicate entry '…' for key …"). */
function isDriverError(err: Error, code: unknown): boolean {
  return err.name === 'QueryFailedError' || 'driverError' in err || 'sqlMessage' in err || (typeof code === 'string' && /^(ER_|SQLITE_)/.test(code));
}

/**
 * Only the name, code, a scrubbed message and the stack: driver errors also carry the SQL and its
 * bound parameters, which may hold personal data, so those are left out and the values the driver
 * quotes in its message are blanked.
 */
function scrubError(err: Error): object {
  const code = (err as { code?: unknown }).code;
  const blank = isDriverError(err, code) ? (text: string) => text.replace(/'[^']*'/g, "'?'") : (text: string) => text;
  return {
    name: err.name,
    message: scrubText(blank(err.message)),
    ...(typeof code === 'string' ? { code } : {}),
    stack: err.stack ? scrubText(blank(err.stack)) : undefined,
  };
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const base = pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    { write },
  );
  const at = (name: Exclude<LogLevel, 'silent'>) => (data: object | (() => object), msg: string) => {
    if (LEVELS[name] < LEVELS[level]) return;
    base[name](scrub(typeof data === 'function' ? data() : data) as object, scrubText(msg));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
