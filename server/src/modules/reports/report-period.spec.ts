import { periodBounds, periodProblems, previousPeriod, resolvePeriod, yearAgoPeriod } from './report-period';

describe('report periods', () => {
  it('resolves a quarter in Beijing time to UTC instants', () => {
    const q3 = resolvePeriod({ kind: 'quarter', year: 2026, index: 3 });
    expect(q3).toMatchObject({ from: '2026-07-01', to: '2026-09-30', label: '2026-Q3' });
    const bounds = periodBounds(q3, 'Asia/Shanghai');
    expect(bounds.start.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(bounds.end.toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('resolves months (leap February), half-years and years', () => {
    expect(resolvePeriod({ kind: 'month', year: 2028, index: 2 })).toMatchObject({ from: '2028-02-01', to: '2028-02-29', label: '2028-02' });
    expect(resolvePeriod({ kind: 'half_year', year: 2026, index: 2 })).toMatchObject({ from: '2026-07-01', to: '2026-12-31', label: '2026-H2' });
    expect(resolvePeriod({ kind: 'year', year: 2025 })).toMatchObject({ from: '2025-01-01', to: '2025-12-31', label: '2025' });
  });

  it('finds the previous period and the same period a year earlier', () => {
    expect(previousPeriod(resolvePeriod({ kind: 'quarter', year: 2026, index: 1 })).label).toBe('2025-Q4');
    expect(previousPeriod(resolvePeriod({ kind: 'month', year: 2026, index: 3 })).label).toBe('2026-02');
    expect(previousPeriod(resolvePeriod({ kind: 'year', year: 2026 })).label).toBe('2025');
    expect(yearAgoPeriod(resolvePeriod({ kind: 'half_year', year: 2026, index: 1 })).label).toBe('2025-H1');
    const custom = resolvePeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-10' });
    expect(previousPeriod(custom)).toMatchObject({ from: '2026-02-19', to: '2026-02-28' });
    expect(yearAgoPeriod(resolvePeriod({ kind: 'custom', from: '2028-02-29', to: '2028-03-01' }))).toMatchObject({ from: '2027-02-28', to: '2027-03-01' });
  });

  it('names every problem of a bad request', () => {
    expect(periodProblems({ kind: 'quarter', year: 2026, index: 5 })).toEqual({ 'period.index': 'must be 1 to 4 for a quarter' });
    expect(periodProblems({ kind: 'month', year: 1999, index: 1 })).toHaveProperty(['period.year']);
    expect(periodProblems({ kind: 'custom', from: '2026-02-30', to: '2026-03-01' })).toHaveProperty(['period.from']);
    expect(periodProblems({ kind: 'custom', from: '2026-03-02', to: '2026-03-01' })).toEqual({ 'period.to': 'must not be before the first day' });
    expect(periodProblems({ kind: 'year', year: 2026 })).toEqual({});
  });
});
