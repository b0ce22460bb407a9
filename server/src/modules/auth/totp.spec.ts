import { base32Decode, base32Encode, hotp, isReplayedTotp, matchTotp, otpauthUri, timeStep, totp, type TotpAlgorithm } from './totp';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';

// RFC 6238 Appendix B: the seeds are the ASCII digits 1234567890 repeated to the hash's key length.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: Array<[number, string, TotpAlgorithm]> = [
  [59, '94287082', 'sha1'], [59, '46119246', 'sha256'], [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'], [1111111109, '68084774', 'sha256'], [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'], [1111111111, '67062674', 'sha256'], [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'], [1234567890, '91819424', 'sha256'], [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'], [2000000000, '90698825', 'sha256'], [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'], [20000000000, '77737706', 'sha256'], [20000000000, '47863826', 'sha512'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at %i s gives %s with %s', (seconds, code, algorithm) => {
    expect(totp(SEEDS[algorithm], new Date(seconds * 1000), { algorithm, digits: 8 })).toBe(code);
  });

  it('matches the HOTP test values of RFC 4226 Appendix D', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(SEEDS.sha1, counter))).toEqual(expected);
  });

  it('round-trips base32, the form authenticator apps are given the key in', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb-oi').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow(RangeError);
  });

  it('accepts a code of the current step and one step either side, and nothing further', () => {
    const at = new Date(1_700_000_000_000);
    const step = timeStep(at);
    const codeAt = (s: number) => hotp(SEEDS.sha1, s);
    expect(matchTotp(SEEDS.sha1, codeAt(step), at, null)).toBe(step);
    expect(matchTotp(SEEDS.sha1, codeAt(step - 1), at, null)).toBe(step - 1);
    expect(matchTotp(SEEDS.sha1, codeAt(step + 1), at, null)).toBe(step + 1);
    expect(matchTotp(SEEDS.sha1, codeAt(step - 2), at, null)).toBeNull();
    expect(matchTotp(SEEDS.sha1, codeAt(step + 2), at, null)).toBeNull();
  });

  it('refuses a replayed code and any older one, and says it was a replay', () => {
    const at = new Date(1_700_000_000_000);
    const step = timeStep(at);
    const code = hotp(SEEDS.sha1, step);
    expect(matchTotp(SEEDS.sha1, code, at, step)).toBeNull();
    expect(isReplayedTotp(SEEDS.sha1, code, at, step)).toBe(true);
    expect(matchTotp(SEEDS.sha1, hotp(SEEDS.sha1, step - 1), at, step)).toBeNull();
    expect(matchTotp(SEEDS.sha1, hotp(SEEDS.sha1, step + 1), at, step)).toBe(step + 1);
    expect(isReplayedTotp(SEEDS.sha1, '000000', at, step)).toBe(false);
  });

  it('ignores spaces and refuses what is not six digits', () => {
    const at = new Date(1_700_000_000_000);
    const code = totp(SEEDS.sha1, at);
    expect(matchTotp(SEEDS.sha1, `${code.slice(0, 3)} ${code.slice(3)}`, at, null)).toBe(timeStep(at));
    expect(matchTotp(SEEDS.sha1, `${code}0`, at, null)).toBeNull();
    expect(matchTotp(SEEDS.sha1, 'abcdef', at, null)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps scan', () => {
    const uri = otpauthUri('InsureDesk', 'zhang.wei', Buffer.from('foobar'));
    expect(uri).toBe('otpauth://totp/InsureDesk:zhang.wei?secret=MZXW6YTBOI&issuer=InsureDesk&algorithm=SHA1&digits=6&period=30');
  });
});

describe('recovery codes', () => {
  it('makes ten different codes of 16 unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it('hashes the typed form and the printed form alike', () => {
    const [code] = newRecoveryCodes(1);
    expect(hashRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).not.toContain(normalizeRecoveryCode(code));
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
