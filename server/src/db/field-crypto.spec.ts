import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blindIndex, configureFieldCrypto, decryptField, encryptField, loadOrCreateKeyFile } from './field-crypto';

describe('field encryption', () => {
  beforeAll(() => configureFieldCrypto({ encryptionKey: crypto.randomBytes(32), blindIndexKey: crypto.randomBytes(32) }));

  it('round-trips and never stores the clear value', () => {
    const stored = encryptField('110105199003071234')!;
    expect(stored).not.toContain('110105199003071234');
    expect(decryptField(stored)).toBe('110105199003071234');
  });

  it('uses a fresh IV each time, so equal values do not look equal at rest', () => {
    expect(encryptField('13812345678')).not.toBe(encryptField('13812345678'));
  });

  it('detects tampering', () => {
    const stored = encryptField('secret')!;
    const parts = stored.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => decryptField(parts.join('.'))).toThrow();
  });

  it('gives a stable blind index that depends on the kind and the key', () => {
    expect(blindIndex('idNumber', 'X1')).toBe(blindIndex('idNumber', 'X1'));
    expect(blindIndex('idNumber', 'X1')).not.toBe(blindIndex('phone', 'X1'));
    const before = blindIndex('idNumber', 'X1');
    configureFieldCrypto({ encryptionKey: crypto.randomBytes(32), blindIndexKey: crypto.randomBytes(32) });
    expect(blindIndex('idNumber', 'X1')).not.toBe(before);
  });

  it('keeps empty values empty', () => {
    expect(encryptField(null)).toBeNull();
    expect(decryptField(null)).toBeNull();
    expect(blindIndex('phone', '')).toBeNull();
  });
});

describe('the embedded database key file', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'insuredesk-keys-'));

  it('creates all three keys once and reads the same ones back', () => {
    const at = dir();
    const first = loadOrCreateKeyFile(at);
    expect(new Set([first.encryptionKey, first.blindIndexKey, first.auditChainKey].map((k) => k.toString('hex'))).size).toBe(3);
    expect(loadOrCreateKeyFile(at)).toEqual(first);
    expect(fs.statSync(path.join(at, 'keys.json')).mode & 0o777).toBe(0o600);
  });

  it('adds the audit chain key to a file from before it existed, keeping the field keys', () => {
    const at = dir();
    const old = { fieldEncryptionKey: crypto.randomBytes(32).toString('base64'), blindIndexKey: crypto.randomBytes(32).toString('base64') };
    fs.writeFileSync(path.join(at, 'keys.json'), JSON.stringify(old), { mode: 0o600 });
    const keys = loadOrCreateKeyFile(at);
    expect(keys.encryptionKey.toString('base64')).toBe(old.fieldEncryptionKey);
    expect(keys.blindIndexKey.toString('base64')).toBe(old.blindIndexKey);
    expect(keys.auditChainKey).toHaveLength(32);
    expect(loadOrCreateKeyFile(at).auditChainKey).toEqual(keys.auditChainKey);
  });
});
