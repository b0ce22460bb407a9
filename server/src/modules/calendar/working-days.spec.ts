import { holidayRows } from '../../../../migrations/1763900000000-Complaints';
import { addWorkingDays, calendarOf, isWorkingDay, onOrNextWorkingDay, WEEKENDS_ONLY, workingDaysBetween } from './working-days';

// The calendar exactly as the migration ships it, so these specs also check the shipped data.
const PRC = calendarOf(holidayRows());

describe('the shipped 2025–2026 calendar', () => {
  it('has every make-up working day on a weekend and every holiday block as announced', () => {
    const rows = holidayRows();
    for (const row of rows.filter((r) => r.kind === 'workday')) expect([0, 6]).toContain(new Date(`${row.day}T00:00:00Z`).getUTCDay());
    expect(rows.filter((r) => r.kind === 'workday').map((r) => r.day)).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
    expect(rows.filter((r) => r.kind === 'holiday' && r.day.startsWith('2026-02'))).toHaveLength(9);
    expect(rows.filter((r) => r.kind === 'holiday' && r.day.startsWith('2025-10'))).toHaveLength(8);
    expect(new Set(rows.map((r) => r.day)).size).toBe(rows.length);
  });
});

describe('isWorkingDay', () => {
  it('counts Monday to Friday, not weekends, without a calendar', () => {
    expect(isWorkingDay('2026-11-20', WEEKENDS_ONLY)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', WEEKENDS_ONLY)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22', WEEKENDS_ONLY)).toBe(false); // Sunday
  });

  it('knows public holidays on weekdays and make-up working days on weekends', () => {
    expect(isWorkingDay('2026-10-01', PRC)).toBe(false); // Thursday, National Day
    expect(isWorkingDay('2026-10-10', PRC)).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2026-02-14', PRC)).toBe(true); // Saturday before the Spring Festival
    expect(isWorkingDay('2026-02-23', PRC)).toBe(false); // Monday, last day of the Spring Festival
    expect(isWorkingDay('2025-01-26', PRC)).toBe(true); // Sunday make-up day
  });
});

describe('addWorkingDays', () => {
  it('skips a plain weekend', () => {
    expect(addWorkingDays('2026-11-19', 1, PRC)).toBe('2026-11-20'); // Thu → Fri
    expect(addWorkingDays('2026-11-20', 1, PRC)).toBe('2026-11-23'); // Fri → Mon
    expect(addWorkingDays('2026-11-18', 5, PRC)).toBe('2026-11-25'); // Wed → next Wed
    expect(addWorkingDays('2026-11-21', 1, PRC)).toBe('2026-11-23'); // received on a Saturday
  });

  it('jumps the 2026 National Day week and counts the make-up Saturday 10/10', () => {
    // Received Wednesday 30 September: 10/8 Thu, 10/9 Fri, 10/10 Sat (make-up), 10/12 Mon, 10/13 Tue.
    expect(addWorkingDays('2026-09-30', 5, PRC)).toBe('2026-10-13');
    expect(addWorkingDays('2026-09-30', 5, WEEKENDS_ONLY)).toBe('2026-10-07');
    expect(addWorkingDays('2026-09-30', 3, PRC)).toBe('2026-10-10');
    // The mid-autumn block just before: received Thu 9/24, then 9/28, 9/29, 9/30, 10/8, 10/9 …
    expect(addWorkingDays('2026-09-24', 4, PRC)).toBe('2026-10-08');
  });

  it('counts the Sunday make-up day before the 2026 National Day', () => {
    expect(addWorkingDays('2026-09-18', 1, PRC)).toBe('2026-09-20');
  });

  it('jumps the 2026 Spring Festival and counts both make-up Saturdays', () => {
    // Fri 2/13 → Sat 2/14 (make-up) → holiday 2/15–2/23 → Tue 2/24.
    expect(addWorkingDays('2026-02-13', 1, PRC)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, PRC)).toBe('2026-02-24');
    // 3: 2/25, 4: 2/26, 5: 2/27, 6: 2/28 (Sat, make-up), 7: Mon 3/2.
    expect(addWorkingDays('2026-02-13', 6, PRC)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7, PRC)).toBe('2026-03-02');
  });

  it('handles New Year 2026 with its Sunday make-up day and the 2025 Spring Festival', () => {
    expect(addWorkingDays('2025-12-31', 1, PRC)).toBe('2026-01-04');
    expect(addWorkingDays('2025-01-24', 1, PRC)).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-27', 1, PRC)).toBe('2025-02-05');
  });

  it('returns the start for 0 and refuses negative or fractional counts', () => {
    expect(addWorkingDays('2026-10-03', 0, PRC)).toBe('2026-10-03');
    expect(() => addWorkingDays('2026-10-03', -1, PRC)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-03', 1.5, PRC)).toThrow(RangeError);
  });

  it('fails loudly on a calendar without working days instead of looping', () => {
    const allHolidays = { holidays: { has: () => true } as unknown as Set<string>, workdays: new Set<string>() };
    expect(() => addWorkingDays('2026-01-01', 1, allHolidays)).toThrow(/holiday calendar/);
  });
});

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays across holidays and make-up days', () => {
    for (const from of ['2026-09-30', '2026-02-10', '2025-09-26', '2026-04-30', '2026-12-30']) {
      for (const n of [0, 1, 3, 5, 7, 15]) expect(workingDaysBetween(from, addWorkingDays(from, n, PRC), PRC)).toBe(n);
    }
  });

  it('counts the days after the start up to and including the end', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-08', PRC)).toBe(1);
    expect(workingDaysBetween('2026-09-30', '2026-10-11', PRC)).toBe(3);
    expect(workingDaysBetween('2026-10-01', '2026-10-07', PRC)).toBe(0);
    expect(workingDaysBetween('2026-10-13', '2026-09-30', PRC)).toBe(-5);
  });
});

describe('onOrNextWorkingDay', () => {
  it('keeps a working day and moves a holiday on', () => {
    expect(onOrNextWorkingDay('2026-10-09', PRC)).toBe('2026-10-09');
    expect(onOrNextWorkingDay('2026-10-04', PRC)).toBe('2026-10-08');
    expect(onOrNextWorkingDay('2026-10-11', PRC)).toBe('2026-10-12');
  });
});
