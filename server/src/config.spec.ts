import crypto from 'node:crypto';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

// Every setting is validated once at start; a bad one stops the start with one line that names the
// setting and says what is wrong.

const key = (bytes = 32) => crypto.randomBytes(bytes).toString('base64');

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('\n');
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('starts from sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      env: 'development',
      port: 4000,
      host: '0.0.0.0',
      serverProcesses: 1,
      heapGrowthPercent: 150,
      databaseUrl: null,
      dataDir: path.resolve('data'),
      fieldEncryptionKey: null,
      blindIndexKey: null,
      auditChainKey: null,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      passwordHashCost: 15,
      passwordHashParallelism: 3,
      passwordHashConcurrency: 2,
      demoPassword: null,
      seedDemo: 'auto',
      cookieSecure: false,
      defaultTimezone: 'Asia/Shanghai',
      logLevel: 'info',
      pdfFontPath: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      graphqlIntrospection: 'on',
      graphqlFieldSuggestions: true,
      queryLimits: { depth: 12, aliases: 30, cost: 20000, values: 250_000, tokens: 5000, directives: 30 },
      corsOrigins: [],
      rateLimits: { signIn: 10, signInPerIp: 100, mfa: 10, reveal: 60, inquiry: 120, export: 20 },
    });
  });

  it('closes introspection to anonymous callers and hides field suggestions in production', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production).toMatchObject({ graphqlIntrospection: 'signed-in', graphqlFieldSuggestions: false, cookieSecure: true });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'off' }).graphqlIntrospection).toBe('off');
  });

  it('reads CORS origins and refuses anything but bare origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.com, http://localhost:5173/' }).corsOrigins).toEqual(['https://a.example.com', 'http://localhost:5173']);
    expect(configError({ CORS_ORIGINS: 'https://a.example.com/path' }).message).toMatch(/^CORS_ORIGINS /);
    expect(configError({ CORS_ORIGINS: '*' }).message).toMatch(/^CORS_ORIGINS /);
  });

  it('takes valid settings from the environment', () => {
    const fieldKey = key();
    const indexKey = key();
    const chainKey = key();
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'mysql://app:secret@db.internal:3306/insuredesk',
      FIELD_ENCRYPTION_KEY: fieldKey,
      BLIND_INDEX_KEY: indexKey,
      AUDIT_CHAIN_KEY: chainKey,
      SESSION_IDLE_MINUTES: '15',
      DEMO_PASSWORD: 'long-enough-password',
    });
    expect(config).toMatchObject({ env: 'production', port: 8080, databaseUrl: 'mysql://app:secret@db.internal:3306/insuredesk', sessionIdleMinutes: 15, cookieSecure: true });
    expect(config.fieldEncryptionKey).toEqual(Buffer.from(fieldKey, 'base64'));
    expect(config.blindIndexKey).toEqual(Buffer.from(indexKey, 'base64'));
    expect(config.auditChainKey).toEqual(Buffer.from(chainKey, 'base64'));
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it.each(['abc', '4000x', '-1', '65536', '3.5'])('refuses PORT=%s, naming PORT', (port) => {
    expect(configError({ PORT: port }).message).toMatch(/^PORT /);
  });

  it.each([
    ['not a url', /DATABASE_URL must be a URL/],
    ['postgres://user@host:5432/db', /DATABASE_URL must start with mysql:\/\//],
    ['mysql://root@127.0.0.1:3306', /DATABASE_URL must name a database/],
    ['mysql://root@127.0.0.1:3306/', /DATABASE_URL must name a database/],
  ])('refuses DATABASE_URL=%s, naming DATABASE_URL', (url, message) => {
    expect(configError({ DATABASE_URL: url, FIELD_ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key(), AUDIT_CHAIN_KEY: key() }).message).toMatch(message);
  });

  it.each(['FIELD_ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_CHAIN_KEY'])('refuses a %s shorter than 32 bytes, naming it and the size', (name) => {
    const message = configError({ [name]: key(16) }).message;
    expect(message).toMatch(new RegExp(`^${name} must be 32 bytes`));
    expect(message).toContain('got 16 bytes');
  });

  it('refuses a key longer than 32 bytes too', () => {
    expect(configError({ FIELD_ENCRYPTION_KEY: key(48) }).message).toMatch(/^FIELD_ENCRYPTION_KEY .*got 48 bytes/);
  });

  it('refuses DATABASE_URL without the encryption, blind-index and audit-chain keys', () => {
    const url = 'mysql://root@127.0.0.1:3306/insuredesk';
    const all = { FIELD_ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key(), AUDIT_CHAIN_KEY: key() };
    const missingOne = Object.keys(all).map((name) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== name)));
    for (const env of [{}, ...missingOne] as Record<string, string>[]) {
      const message = configError({ DATABASE_URL: url, ...env }).message;
      for (const name of ['FIELD_ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_CHAIN_KEY', 'DATABASE_URL']) expect(message).toContain(name);
    }
  });

  it('runs several server processes only on a database server', () => {
    expect(configError({ SERVER_PROCESSES: '2' }).message).toBe('SERVER_PROCESSES above 1 needs DATABASE_URL: the embedded database is served by one process');
    const server = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/insuredesk', FIELD_ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key(), AUDIT_CHAIN_KEY: key() };
    expect(loadConfig({ ...server, SERVER_PROCESSES: '2' }).serverProcesses).toBe(2);
    expect(configError({ ...server, SERVER_PROCESSES: '0' }).message).toMatch(/^SERVER_PROCESSES/);
  });

  it('refuses the audit-chain key when it is one of the other keys', () => {
    const same = key();
    expect(configError({ FIELD_ENCRYPTION_KEY: same, BLIND_INDEX_KEY: key(), AUDIT_CHAIN_KEY: same }).message).toMatch(/AUDIT_CHAIN_KEY must differ/);
  });

  it('refuses the same key for encryption and the blind index', () => {
    const same = key();
    expect(configError({ FIELD_ENCRYPTION_KEY: same, BLIND_INDEX_KEY: same }).message).toMatch(/BLIND_INDEX_KEY must differ from FIELD_ENCRYPTION_KEY/);
  });

  it.each(['staging', 'prod', 'TEST'])('refuses NODE_ENV=%s, naming NODE_ENV and the allowed values', (nodeEnv) => {
    const message = configError({ NODE_ENV: nodeEnv }).message;
    expect(message).toMatch(/^NODE_ENV must be one of development, production, test/);
    expect(message).toContain(nodeEnv);
  });

  it('refuses other bad settings by name', () => {
    expect(configError({ NODE_ENV: 'production', PASSWORD_HASH_COST: '14', PASSWORD_HASH_PARALLELISM: '1' }).message).toMatch(
      /^PASSWORD_HASH_PARALLELISM must be at least 5 with PASSWORD_HASH_COST 14/,
    );
    expect(configError({ PASSWORD_HASH_COST: '12' }).message).toMatch(/^PASSWORD_HASH_COST/);
    expect(configError({ DEMO_PASSWORD: 'short' }).message).toMatch(/^DEMO_PASSWORD/);
    expect(configError({ DEFAULT_TIMEZONE: 'Mars/Olympus' }).message).toMatch(/^DEFAULT_TIMEZONE/);
    expect(configError({ COOKIE_SECURE: 'maybe' }).message).toMatch(/^COOKIE_SECURE/);
    expect(configError({ SESSION_IDLE_MINUTES: '0' }).message).toMatch(/^SESSION_IDLE_MINUTES/);
  });
});
