import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Sensitive customer fields are encrypted at rest with AES-256-GCM; a keyed HMAC of the normalised
 * value (the blind index) lets the database enforce uniqueness and answer exact-match searches
 * without ever holding the clear value.
 */
export interface FieldKeys {
  encryptionKey: Buffer;
  blindIndexKey: Buffer;
}

const FORMAT = 'v1';
// The encryption key imported once: a raw Buffer is re-imported by every createCipheriv (~15 % of a decryption).
let keys: { encryptionKey: crypto.KeyObject; blindIndexKey: Buffer } | null = null;

export function configureFieldCrypto(next: FieldKeys): void {
  keys = { encryptionKey: crypto.createSecretKey(next.encryptionKey), blindIndexKey: next.blindIndexKey };
}

function current() {
  if (!keys) throw new Error('field encryption keys are not configured');
  return keys;
}

export function encryptField(plain: string | null | undefined): string | null {
  if (plain === null || plain === undefined || plain === '') return null;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', current().encryptionKey, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptField(stored: string | null | undefined): string | null {
  if (stored === null || stored === undefined || stored === '') return null;
  const [format, iv, tag, body] = stored.split('.');
  if (format !== FORMAT || !iv || !tag || body === undefined) throw new Error('unrecognised encrypted field format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', current().encryptionKey, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** The blind index of a value that is already normalised (trimmed, upper-case where the format wants it). */
export function blindIndex(kind: string, normalized: string | null | undefined): string | null {
  if (normalized === null || normalized === undefined || normalized === '') return null;
  return crypto.createHmac('sha256', current().blindIndexKey).update(`${kind}:${normalized}`).digest('hex');
}

/** The embedded database's keys: the field keys and the audit chain's. */
export type LocalKeys = FieldKeys & { auditChainKey: Buffer };

/**
 * The embedded database's keys live beside it in data/keys.json (mode 0600), generated on first start.
 * Losing that file loses the encrypted fields, so a key in it is never replaced: a file from before the
 * audit chain was keyed only gains the chain's key.
 */
export function loadOrCreateKeyFile(dataDir: string): LocalKeys {
  const file = path.join(dataDir, 'keys.json');
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<'fieldEncryptionKey' | 'blindIndexKey' | 'auditChainKey', string>>) : null;
  const keys = {
    fieldEncryptionKey: stored?.fieldEncryptionKey ?? crypto.randomBytes(32).toString('base64'),
    blindIndexKey: stored?.blindIndexKey ?? crypto.randomBytes(32).toString('base64'),
    auditChainKey: stored?.auditChainKey ?? crypto.randomBytes(32).toString('base64'),
  };
  if (!stored) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
  } else if (!stored.auditChainKey) {
    // Written to a new file and renamed over the old one, so a crash cannot leave a half-written key file.
    fs.writeFileSync(`${file}.new`, JSON.stringify(keys), { mode: 0o600 });
    fs.renameSync(`${file}.new`, file);
  }
  return {
    encryptionKey: Buffer.from(keys.fieldEncryptionKey, 'base64'),
    blindIndexKey: Buffer.from(keys.blindIndexKey, 'base64'),
    auditChainKey: Buffer.from(keys.auditChainKey, 'base64'),
  };
}
