import crypto from 'node:crypto';
import { blindIndex, configureFieldCrypto, decryptField, encryptField } from './field-crypto';

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
