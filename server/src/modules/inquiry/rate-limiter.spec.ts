import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit within a minute and refuses the next hit', () => {
    const limiter = new RateLimiter();
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) expect(limiter.take('ip:1', 3, t + i)).toBe(true);
    expect(limiter.take('ip:1', 3, t + 10)).toBe(false);
  });

  it('keeps sources apart', () => {
    const limiter = new RateLimiter();
    expect(limiter.take('ip:1', 1, 5)).toBe(true);
    expect(limiter.take('ip:1', 1, 6)).toBe(false);
    expect(limiter.take('staff:7', 1, 7)).toBe(true);
  });

  it('lets hits age out of the sliding window', () => {
    const limiter = new RateLimiter(60_000);
    const t = 1_000_000;
    expect(limiter.take('key:1', 2, t)).toBe(true);
    expect(limiter.take('key:1', 2, t + 30_000)).toBe(true);
    expect(limiter.take('key:1', 2, t + 59_000)).toBe(false);
    // The first hit is more than a minute old now; the refused one was never counted.
    expect(limiter.take('key:1', 2, t + 60_001)).toBe(true);
    expect(limiter.take('key:1', 2, t + 60_002)).toBe(false);
  });
});
