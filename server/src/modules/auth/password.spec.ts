import { PasswordHasher } from './password';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(14, 2);

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$14\$8\$1\$/);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('refuses work beyond the queue instead of piling it up', async () => {
    const tiny = new PasswordHasher(14, 1, 1);
    const results = await Promise.allSettled([tiny.hash('a'), tiny.hash('b'), tiny.hash('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason.extensions.code).toBe('RATE_LIMITED');
  });
});
