import { owaspParallelism, PasswordHasher } from './password';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(14, 1, 2);

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$14\$8\$1\$/);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse batterY', stored)).toBe(false);
  });

  it('records its passes and verifies hashes made under other settings', async () => {
    const stored = await new PasswordHasher(13, 2, 1).hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$13\$8\$2\$/);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery', stored.replace('$8$2$', '$8$1$'))).toBe(false);
  });

  it('tells a hash made under its own settings from one to make again', async () => {
    expect(hasher.isCurrent(await hasher.hash('pw'))).toBe(true);
    expect(hasher.isCurrent(await new PasswordHasher(14, 2, 1).hash('pw'))).toBe(false);
    expect(hasher.isCurrent(await new PasswordHasher(13, 1, 1).hash('pw'))).toBe(false);
  });

  it('refuses stored parameters beyond its bounds instead of computing them', async () => {
    const stored = await hasher.hash('pw');
    expect(await hasher.verify('pw', stored.replace(/^scrypt\$14\$/, 'scrypt$24$'))).toBe(false);
    expect(await hasher.verify('pw', stored.replace('$8$1$', '$8$99$'))).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('refuses work beyond the queue instead of piling it up', async () => {
    const tiny = new PasswordHasher(14, 1, 1, 1);
    const results = await Promise.allSettled([tiny.hash('a'), tiny.hash('b'), tiny.hash('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason.extensions.code).toBe('RATE_LIMITED');
  });
});

describe('owaspParallelism', () => {
  it("follows OWASP's table of equivalent scrypt settings", () => {
    expect([17, 18, 16, 15, 14, 13].map(owaspParallelism)).toEqual([1, 1, 2, 3, 5, 10]);
    expect(owaspParallelism(12)).toBe(Infinity);
  });
});
