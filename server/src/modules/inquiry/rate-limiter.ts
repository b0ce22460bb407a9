import { now } from '../../clock';
import { sharedStore, STORE } from '../../cluster/shared-store';

/**
 * A sliding one-minute window per source (channel key, IP address, staff member), in memory: the
 * workers of one server share it (shared-store.ts); behind a load balancer each instance keeps its own,
 * which still bounds guessing together with the per-policy lock-out that lives in the database.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(private readonly windowMs = 60_000) {}

  /** Counts one hit for the source; false when it already used up its limit in the window (the hit is then not counted). */
  take(source: string, limit: number, at: number = now().getTime()): boolean {
    this.sweep(at);
    const since = at - this.windowMs;
    const recent = (this.hits.get(source) ?? []).filter((t) => t > since);
    if (recent.length >= limit) {
      this.hits.set(source, recent);
      return false;
    }
    recent.push(at);
    this.hits.set(source, recent);
    return true;
  }

  reset(): void {
    this.hits.clear();
  }

  // Sources that went quiet are dropped now and then, so the map does not grow with every IP ever seen.
  private sweep(at: number): void {
    if (at - this.lastSweep < this.windowMs) return;
    this.lastSweep = at;
    for (const [source, times] of this.hits) if (!times.some((t) => t > at - this.windowMs)) this.hits.delete(source);
  }
}

/** One limiter for the whole server (every worker's, see shared-store.ts), shared by every channel. */
export const inquiryLimiter = sharedStore(STORE.inquiries, new RateLimiter());
