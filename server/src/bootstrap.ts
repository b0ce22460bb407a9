import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from './config';
import { createDataSource, sqliteFileIn } from './db/data-source';
import { configureFieldCrypto, loadOrCreateKeyFile } from './db/field-crypto';
import { inTransaction } from './db/transaction';
import { createLogger, type Logger } from './logger';
import { configureAuditChainKey } from './modules/audit/audit-chain';
import { ensureBuiltInRoles } from './seed/roles';

export interface Runtime {
  config: Config;
  db: DataSource;
  logger: Logger;
}

/** Keys from the environment, or (embedded database only) from data/keys.json, created on first start. */
export function configureKeys(config: Config): void {
  const local = config.fieldEncryptionKey && config.blindIndexKey && config.auditChainKey ? null : loadOrCreateKeyFile(config.dataDir);
  configureFieldCrypto(config.fieldEncryptionKey && config.blindIndexKey ? { encryptionKey: config.fieldEncryptionKey, blindIndexKey: config.blindIndexKey } : local!);
  configureAuditChainKey(config.auditChainKey ?? local!.auditChainKey);
}

/** Config, keys and an open database with every migration applied: what the server and every CLI tool start from. */
export async function openRuntime(options: { migrate?: boolean; config?: Config } = {}): Promise<Runtime> {
  process.env.TZ = 'UTC';
  const config = options.config ?? loadConfig();
  const logger = createLogger(config.logLevel);
  configureKeys(config);
  const db = createDataSource({ url: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) });
  await db.initialize();
  if (options.migrate !== false) {
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await inTransaction(db, (em) => ensureBuiltInRoles(em));
  }
  return { config, db, logger };
}
