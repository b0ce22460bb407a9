import { channelKeyHash, failuresCountFrom, generateChannelKey, generateQueryPassword, isLocked, normalizePolicyNumber, queryPasswordProblem, sameDigest } from './inquiry.rules';

describe('inquiry rules', () => {
  it('normalises policy numbers as typed', () => {
    expect(normalizePolicyNumber(' p bj 2025 0001 ')).toBe('PBJ20250001');
    expect(normalizePolicyNumber('x'.repeat(40))).toHaveLength(32);
  });

  it('counts failures within the window, or since the last reset when that is later', () => {
    const at = new Date('2026-01-01T10:00:00Z');
    expect(failuresCountFrom(at, 15, null).toISOString()).toBe('2026-01-01T09:45:00.000Z');
    expect(failuresCountFrom(at, 15, new Date('2026-01-01T09:00:00Z')).toISOString()).toBe('2026-01-01T09:45:00.000Z');
    expect(failuresCountFrom(at, 15, new Date('2026-01-01T09:55:00Z')).toISOString()).toBe('2026-01-01T09:55:00.000Z');
  });

  it('is locked strictly before the lock ends', () => {
    const until = new Date('2026-01-01T10:30:00Z');
    expect(isLocked(until, new Date('2026-01-01T10:29:59Z'))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, until)).toBe(false);
  });

  it('compares digests exactly, whatever their lengths', () => {
    expect(sameDigest('ab'.repeat(32), 'ab'.repeat(32))).toBe(true);
    expect(sameDigest('ab'.repeat(32), 'ac'.repeat(32))).toBe(false);
    expect(sameDigest('ab', 'abc')).toBe(false);
    expect(sameDigest('', '')).toBe(false);
    expect(sameDigest(null, null)).toBe(false);
  });

  it('refuses guessable query passwords', () => {
    expect(queryPasswordProblem('12345')).toBe('must be 6 to 20 characters');
    expect(queryPasswordProblem('888888')).toBe('must not repeat one character');
    expect(queryPasswordProblem('123456')).toBe('must not be a run of consecutive digits');
    expect(queryPasswordProblem('654321')).toBe('must not be a run of consecutive digits');
    expect(queryPasswordProblem('12 4567')).toBe('must not contain spaces');
    expect(queryPasswordProblem('730215')).toBeNull();
    for (let i = 0; i < 50; i++) expect(queryPasswordProblem(generateQueryPassword())).toBeNull();
  });

  it('makes channel keys that differ and hashes them to 64 hex characters', () => {
    const a = generateChannelKey('website');
    expect(a).toMatch(/^idk_web_[\w-]{43}$/);
    expect(generateChannelKey('website')).not.toBe(a);
    expect(channelKeyHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
