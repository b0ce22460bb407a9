import { now } from '../clock';
import type { RateLimits } from '../config';

export type LimitedGroup = keyof RateLimits;

/** One bucket to take from: `cost` tokens out of a bucket holding at most `capacity`, refilled at `capacity` per minute. */
export interface BucketTake {
  key: string;
  cost: number;
  capacity: number;
}

const MINUTE_MS = 60_000;

/**
 * Token buckets in memory, keyed by operation group and caller (IP address or staff member). The
 * workers of one server (SERVER_PROCESSES) share one set through the primary process (shared-store.ts);
 * behind a load balancer each instance counts only its own traffic, so several hosts need a shared
 * store (Redis or the like) answering the same calls to hold one limit.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(private readonly clock: () => number = () => now().getTime()) {}

  /**
   * Takes from every bucket or from none: 0 when taken, otherwise the seconds until all of them hold
   * enough again (at most a minute; a request larger than a bucket can ever hold waits the full minute).
   */
  take(takes: BucketTake[]): number {
    const at = this.clock();
    this.sweep(at);
    let waitMs = 0;
    const levels = takes.map((t) => {
      const bucket = this.buckets.get(t.key);
      // A clock set back (a corrected server time, a test) leaves the bucket's time in the future: start it
      // afresh rather than wait until the clock catches up.
      const tokens = bucket && bucket.at <= at ? Math.min(t.capacity, bucket.tokens + ((at - bucket.at) * t.capacity) / MINUTE_MS) : t.capacity;
      if (tokens < t.cost) waitMs = Math.max(waitMs, t.cost > t.capacity ? MINUTE_MS : ((t.cost - tokens) * MINUTE_MS) / t.capacity);
      return tokens;
    });
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    takes.forEach((t, i) => this.buckets.set(t.key, { tokens: levels[i] - t.cost, at }));
    return 0;
  }

  reset(): void {
    this.buckets.clear();
  }

  // A bucket untouched for a minute is full again and can go, so the map does not grow with every IP ever seen.
  private sweep(at: number): void {
    if (at - this.lastSweep < MINUTE_MS) return;
    this.lastSweep = at;
    for (const [key, bucket] of this.buckets) if (at - bucket.at > MINUTE_MS) this.buckets.delete(key);
  }
}

/** Which root fields count against which limit: every aliased or repeated field counts once. */
export function groupOfField(field: string): LimitedGroup | null {
  if (field === 'login') return 'signIn';
  if (['beginMfaEnrolment', 'confirmMfaEnrolment', 'regenerateRecoveryCodes', 'changePassword'].includes(field)) return 'mfa';
  if (field === 'reveal') return 'reveal';
  if (field === 'channelPolicyInquiry' || field === 'assistedPolicyInquiry') return 'inquiry';
  if (/^export[A-Z]/.test(field)) return 'export';
  return null;
}
