import { change, distributionMean, rate, round2, summarise } from './report-stats';

describe('report arithmetic', () => {
  it('summarises handling times: mean, median, nearest-rank 90th percentile', () => {
    expect(summarise([])).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(summarise([3])).toEqual({ count: 1, mean: 3, median: 3, p90: 3 });
    expect(summarise([5, 1, 3, 2])).toEqual({ count: 4, mean: 2.75, median: 2.5, p90: 5 });
    // n = 10: the 9th smallest value.
    expect(summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90).toBe(9);
    expect(summarise([0, 0, 1]).mean).toBe(0.33);
  });

  it('computes rates and changes, null where they are undefined', () => {
    expect(rate(2, 3)).toBe(0.67);
    expect(rate(0, 0)).toBeNull();
    expect(change(6, 4)).toEqual({ current: 6, previous: 4, delta: 2, ratio: 0.5 });
    expect(change(3, 0)).toEqual({ current: 3, previous: 0, delta: 3, ratio: null });
    expect(change(null, 2)).toEqual({ current: null, previous: 2, delta: null, ratio: null });
  });

  it('averages a score distribution and rounds half away from zero', () => {
    expect(distributionMean({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 2 })).toBe(4);
    expect(distributionMean({})).toBeNull();
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-0.125)).toBe(-0.13);
  });
});
