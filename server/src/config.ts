import path from 'node:path';
import { owaspParallelism } from './modules/auth/password';

/**
 * Every setting comes from the environment, is validated once at start, and a bad value stops the
 * start with one line naming the setting and what is wrong with it.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Node processes serving requests (SERVER_PROCESSES): one per core; more than one needs DATABASE_URL. */
  serverProcesses: number;
  /** How far V8 lets the heap grow past what survived its last full collection (0: V8's own choice). */
  heapGrowthPercent: number;
  databaseUrl: string | null;
  dataDir: string;
  fieldEncryptionKey: Buffer | null;
  blindIndexKey: Buffer | null;
  /** Keys the audit trail's hash chain (HMAC-SHA256); the embedded database keeps one in data/keys.json. */
  auditChainKey: Buffer | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** scrypt's N as a power of two, and its passes: together one of OWASP's equivalent settings. */
  passwordHashCost: number;
  passwordHashParallelism: number;
  passwordHashConcurrency: number;
  demoPassword: string | null;
  seedDemo: 'auto' | 'always' | 'never';
  cookieSecure: boolean;
  defaultTimezone: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Font with the Chinese glyphs for PDF documents (Debian's fonts-noto-cjk by default). */
  pdfFontPath: string;
  /** Schema introspection: for everyone, for signed-in staff only (the console reads the schema), or for nobody. */
  graphqlIntrospection: 'on' | 'signed-in' | 'off';
  /** "Did you mean …?" hints in validation errors, which reveal field names. */
  graphqlFieldSuggestions: boolean;
  queryLimits: QueryLimits;
  /** Origins allowed to call the API from a browser (CORS); empty keeps cross-origin calls closed. */
  corsOrigins: string[];
  rateLimits: RateLimits;
}

/** The largest query /graphql accepts; the numbers are never shown to clients. */
export interface QueryLimits {
  depth: number;
  aliases: number;
  cost: number;
  /** The most values a response can hold, counting every row a list can return (security/query-cost.ts). */
  values: number;
  tokens: number;
  directives: number;
}

/** Operations per minute (token buckets: a full bucket is also the largest burst). */
export interface RateLimits {
  signIn: number;
  signInPerIp: number;
  mfa: number;
  reveal: number;
  inquiry: number;
  export: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max} (got ${value})`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim().replace(/\/$/, '');
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(`${name} must be a comma-separated list of origins like https://console.example.com (got "${entry.trim()}")`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      throw new ConfigError(`${name} must list bare origins (scheme://host[:port], no path), got "${entry.trim()}"`);
    }
    return origin;
  });
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function key(env: Env, name: string): Buffer | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const buf = Buffer.from(raw, 'base64');
  if (buf.length !== 32) {
    throw new ConfigError(`${name} must be 32 bytes encoded in base64 (got ${buf.length} bytes); generate one with: openssl rand -base64 32`);
  }
  return buf;
}

export function validateMysqlUrl(name: string, raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like mysql://user:password@host:3306/database`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(`${name} must start with mysql:// (got "${url.protocol}//")`);
  }
  if (!url.pathname || url.pathname === '/') throw new ConfigError(`${name} must name a database, e.g. mysql://root@127.0.0.1:3306/insuredesk`);
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const databaseUrl = validateMysqlUrl('DATABASE_URL', env.DATABASE_URL);
  const fieldEncryptionKey = key(env, 'FIELD_ENCRYPTION_KEY');
  const blindIndexKey = key(env, 'BLIND_INDEX_KEY');
  const auditChainKey = key(env, 'AUDIT_CHAIN_KEY');
  if (databaseUrl && (!fieldEncryptionKey || !blindIndexKey || !auditChainKey)) {
    // The embedded database keeps generated keys beside its file; a server database must not depend on a local file.
    throw new ConfigError('FIELD_ENCRYPTION_KEY, BLIND_INDEX_KEY and AUDIT_CHAIN_KEY are required when DATABASE_URL is set (each: openssl rand -base64 32)');
  }
  if (fieldEncryptionKey && blindIndexKey && fieldEncryptionKey.equals(blindIndexKey)) {
    throw new ConfigError('BLIND_INDEX_KEY must differ from FIELD_ENCRYPTION_KEY');
  }
  if (auditChainKey && [fieldEncryptionKey, blindIndexKey].some((other) => other?.equals(auditChainKey))) {
    throw new ConfigError('AUDIT_CHAIN_KEY must differ from FIELD_ENCRYPTION_KEY and BLIND_INDEX_KEY');
  }
  const serverProcesses = int(env, 'SERVER_PROCESSES', 1, 1, 64);
  if (serverProcesses > 1 && !databaseUrl) {
    // SQLite takes one writer at a time, and the embedded file is meant for one process on one machine.
    throw new ConfigError('SERVER_PROCESSES above 1 needs DATABASE_URL: the embedded database is served by one process');
  }
  const passwordHashCost = int(env, 'PASSWORD_HASH_COST', 15, 13, 20);
  const owaspPasses = owaspParallelism(passwordHashCost);
  const passwordHashParallelism = int(env, 'PASSWORD_HASH_PARALLELISM', owaspPasses, 1, 16);
  if (nodeEnv === 'production' && passwordHashParallelism < owaspPasses) {
    throw new ConfigError(
      `PASSWORD_HASH_PARALLELISM must be at least ${owaspPasses} with PASSWORD_HASH_COST ${passwordHashCost} in production (OWASP: scrypt N=2^${passwordHashCost}, r=8, p=${owaspPasses}), got ${passwordHashParallelism}`,
    );
  }
  const demoPassword = env.DEMO_PASSWORD || null;
  if (demoPassword !== null && demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD must be at least 8 characters');
  }
  const timezone = env.DEFAULT_TIMEZONE || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ConfigError(`DEFAULT_TIMEZONE must be an IANA time zone such as Asia/Shanghai (got "${timezone}")`);
  }
  return {
    env: nodeEnv,
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    serverProcesses,
    heapGrowthPercent: int(env, 'HEAP_GROWTH_PERCENT', 150, 0, 1000),
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    fieldEncryptionKey,
    blindIndexKey,
    auditChainKey,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    passwordHashCost,
    passwordHashParallelism,
    passwordHashConcurrency: int(env, 'PASSWORD_HASH_CONCURRENCY', 2, 1, 64),
    demoPassword,
    seedDemo: oneOf(env, 'SEED_DEMO', ['auto', 'always', 'never'] as const, 'auto'),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    defaultTimezone: timezone,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    pdfFontPath: env.PDF_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    graphqlIntrospection: oneOf(env, 'GRAPHQL_INTROSPECTION', ['on', 'signed-in', 'off'] as const, nodeEnv === 'production' ? 'signed-in' : 'on'),
    graphqlFieldSuggestions: bool(env, 'GRAPHQL_FIELD_SUGGESTIONS', nodeEnv !== 'production'),
    queryLimits: {
      depth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      aliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      cost: int(env, 'GRAPHQL_MAX_COST', 20000, 100, 10_000_000),
      values: int(env, 'GRAPHQL_MAX_VALUES', 250_000, 1000, 100_000_000),
      tokens: int(env, 'GRAPHQL_MAX_TOKENS', 5000, 100, 1_000_000),
      directives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 30, 1, 1000),
    },
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    rateLimits: {
      signIn: int(env, 'RATE_LIMIT_SIGN_IN', 10, 1, 100_000),
      signInPerIp: int(env, 'RATE_LIMIT_SIGN_IN_PER_IP', 100, 1, 100_000),
      mfa: int(env, 'RATE_LIMIT_MFA', 10, 1, 100_000),
      reveal: int(env, 'RATE_LIMIT_REVEAL', 60, 1, 100_000),
      inquiry: int(env, 'RATE_LIMIT_INQUIRY', 120, 1, 100_000),
      export: int(env, 'RATE_LIMIT_EXPORT', 20, 1, 100_000),
    },
  };
}
