import { addDays, localDateTimeText, todayIn } from './local-date';

describe('local dates and times', () => {
  const at = new Date('2026-12-07T17:20:00Z');

  it("gives today's date in the staff's zone, not UTC's", () => {
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-12-08');
    expect(todayIn('UTC', at)).toBe('2026-12-07');
  });

  it('writes a moment as staff read it, per zone and language (formatters kept per pair)', () => {
    expect(localDateTimeText(at, 'Asia/Shanghai')).toBe('2026年12月8日 01:20');
    expect(localDateTimeText(at, 'UTC')).toBe('2026年12月7日 17:20');
    expect(localDateTimeText(at, 'Asia/Shanghai', 'en-GB')).toBe('8 Dec 2026, 01:20');
    expect(localDateTimeText(at, 'Asia/Shanghai')).toBe('2026年12月8日 01:20');
  });

  it('adds calendar days across a month end', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
