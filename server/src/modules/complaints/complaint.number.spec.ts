import { formatComplaintNumber, numberDayOf } from './complaint.number';

describe('complaint numbers', () => {
  it('are TS, the day received and a 4-digit sequence', () => {
    expect(formatComplaintNumber('20261122', 7)).toBe('TS202611220007');
    expect(formatComplaintNumber('20261122', 9999)).toBe('TS202611229999');
  });

  it('refuse a sequence outside 1–9999 or a malformed day', () => {
    expect(() => formatComplaintNumber('20261122', 0)).toThrow(RangeError);
    expect(() => formatComplaintNumber('20261122', 10_000)).toThrow(RangeError);
    expect(() => formatComplaintNumber('2026-11-22', 1)).toThrow(RangeError);
  });

  it('take the day in the local zone: late evening UTC is already tomorrow in Beijing', () => {
    expect(numberDayOf(new Date('2026-11-21T16:30:00Z'), 'Asia/Shanghai')).toBe('20261122');
    expect(numberDayOf(new Date('2026-11-21T15:30:00Z'), 'Asia/Shanghai')).toBe('20261121');
  });
});
