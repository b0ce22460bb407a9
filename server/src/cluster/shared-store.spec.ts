import { RateLimiter } from '../modules/inquiry/rate-limiter';
import { sharedStore } from './shared-store';

// In one process a shared store is the local object behind promises; in a cluster worker the same calls
// go to the primary (tests/api/server-processes.test.ts drives that with the real entry point).
describe('sharedStore in a single process', () => {
  it('answers from the local object, keeping its state between calls', async () => {
    const local = new RateLimiter();
    const limiter = sharedStore('test', local);
    const at = Date.UTC(2026, 11, 7, 9);
    expect(await limiter.take('ip:1', 2, at)).toBe(true);
    expect(await limiter.take('ip:1', 2, at + 1)).toBe(true);
    expect(await limiter.take('ip:1', 2, at + 2)).toBe(false);
    // The same object: what the store counted, the local limiter holds.
    expect(local.take('ip:1', 2, at + 3)).toBe(false);
    expect(local.take('ip:1', 2, at + 61_000)).toBe(true);
  });

  it('has no method the local object lacks', () => {
    const limiter = sharedStore('test', new RateLimiter()) as unknown as Record<string, unknown>;
    expect(limiter.nothingLikeThis).toBeUndefined();
  });
});
