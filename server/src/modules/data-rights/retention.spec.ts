import { addMonths, addYears, isShortTerm, policyRetentionEnd, retentionEnd } from './retention';

const RULE = { shortTermMaxMonths: 12, shortTermYears: 5, longTermYears: 10 };

describe('retention dates', () => {
  it('adds months and years on the calendar, keeping month ends', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2025-03-10', -3)).toBe('2024-12-10');
  });

  it('counts a policy of one year or less as short-term', () => {
    expect(isShortTerm({ effectiveDate: '2025-01-01', expiryDate: '2025-12-31' }, RULE)).toBe(true);
    expect(isShortTerm({ effectiveDate: '2025-01-01', expiryDate: '2026-01-01' }, RULE)).toBe(true);
    expect(isShortTerm({ effectiveDate: '2025-06-01', expiryDate: '2025-08-31' }, RULE)).toBe(true);
    expect(isShortTerm({ effectiveDate: '2025-01-01', expiryDate: '2026-01-02' }, RULE)).toBe(false);
    expect(isShortTerm({ effectiveDate: '2020-01-01', expiryDate: '2039-12-31' }, RULE)).toBe(false);
  });

  it('keeps data 5 years after a short policy ends and 10 after a longer one', () => {
    expect(policyRetentionEnd({ effectiveDate: '2025-01-01', expiryDate: '2025-12-31' }, RULE)).toBe('2030-12-31');
    expect(policyRetentionEnd({ effectiveDate: '2020-01-01', expiryDate: '2029-12-31' }, RULE)).toBe('2039-12-31');
  });

  it('takes the latest end over all policies, whichever ended last', () => {
    const policies = [
      { effectiveDate: '2015-01-01', expiryDate: '2024-12-31' }, // long: 2034-12-31
      { effectiveDate: '2027-01-01', expiryDate: '2027-12-31' }, // short, but ends later: 2032-12-31
    ];
    expect(retentionEnd(policies, RULE, '2026-01-01')).toBe('2034-12-31');
    expect(retentionEnd([policies[1]], RULE, '2026-01-01')).toBe('2032-12-31');
  });

  it('follows the configured periods', () => {
    const rule = { shortTermMaxMonths: 6, shortTermYears: 3, longTermYears: 7 };
    expect(policyRetentionEnd({ effectiveDate: '2025-01-01', expiryDate: '2025-12-31' }, rule)).toBe('2032-12-31');
    expect(policyRetentionEnd({ effectiveDate: '2025-01-01', expiryDate: '2025-06-30' }, rule)).toBe('2028-06-30');
  });

  it('ends on the request day for a customer without policies', () => {
    expect(retentionEnd([], RULE, '2026-03-01')).toBe('2026-03-01');
  });
});
