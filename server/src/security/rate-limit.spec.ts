import { groupOfField, TokenBuckets } from './rate-limit';

describe('token buckets', () => {
  it('allows a full bucket at once, then refills at the per-minute rate', () => {
    let at = 0;
    const buckets = new TokenBuckets(() => at);
    expect(buckets.take([{ key: 'k', cost: 10, capacity: 10 }])).toBe(0);
    expect(buckets.take([{ key: 'k', cost: 1, capacity: 10 }])).toBe(6);
    at += 6_000;
    expect(buckets.take([{ key: 'k', cost: 1, capacity: 10 }])).toBe(0);
    expect(buckets.take([{ key: 'k', cost: 1, capacity: 10 }])).toBeGreaterThan(0);
  });

  it('starts a bucket afresh when the clock is set back, instead of waiting for the clock to catch up', () => {
    let at = 1_000_000;
    const buckets = new TokenBuckets(() => at);
    expect(buckets.take([{ key: 'k', cost: 10, capacity: 10 }])).toBe(0);
    at -= 86_400_000;
    expect(buckets.take([{ key: 'k', cost: 1, capacity: 10 }])).toBe(0);
  });

  it('takes from every bucket or from none', () => {
    const buckets = new TokenBuckets(() => 0);
    expect(buckets.take([{ key: 'a', cost: 3, capacity: 5 }])).toBe(0);
    expect(buckets.take([{ key: 'a', cost: 3, capacity: 5 }, { key: 'b', cost: 3, capacity: 5 }])).toBeGreaterThan(0);
    expect(buckets.take([{ key: 'b', cost: 5, capacity: 5 }])).toBe(0);
  });

  it('never lets a request larger than the bucket through', () => {
    const buckets = new TokenBuckets(() => 0);
    expect(buckets.take([{ key: 'k', cost: 20, capacity: 10 }])).toBe(60);
  });

  it('counts the guarded operations by group', () => {
    expect(['login', 'confirmMfaEnrolment', 'reveal', 'channelPolicyInquiry', 'exportCustomers', 'allCustomers', 'exporter'].map(groupOfField)).toEqual([
      'signIn', 'mfa', 'reveal', 'inquiry', 'export', null, null,
    ]);
  });
});
