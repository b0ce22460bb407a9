import { calendarOf } from './working-days';
import { holidayRows } from '../../../../migrations/1763900000000-Complaints';
import {
  addWorkingDaysKeepingTime,
  calendarDaysDeadline,
  endOfLocalDay,
  localDateOf,
  startOfLocalDay,
  workingDaysDeadline,
  workingFractionInstant,
  workingMillisBetween,
  zoneOffsetMs,
} from './deadlines';

const PRC = calendarOf(holidayRows());
const SH = 'Asia/Shanghai';
const HOUR = 3600_000;

describe('local days in a zone', () => {
  it('knows Shanghai is UTC+8 and where its days start and end', () => {
    expect(zoneOffsetMs(new Date('2026-10-01T00:00:00Z'), SH)).toBe(8 * HOUR);
    expect(startOfLocalDay('2026-10-13', SH).toISOString()).toBe('2026-10-12T16:00:00.000Z');
    expect(endOfLocalDay('2026-10-13', SH).toISOString()).toBe('2026-10-13T15:59:59.999Z');
    expect(localDateOf(new Date('2026-09-30T17:00:00Z'), SH)).toBe('2026-10-01');
  });

  it('lands on local midnight in a zone with daylight saving too', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('deadlines', () => {
  it('puts "5 working days" from Wed 2026-09-30 at the end of Tue 2026-10-13, Beijing time', () => {
    const received = new Date('2026-09-30T10:00:00+08:00');
    expect(workingDaysDeadline(received, 5, PRC, SH).toISOString()).toBe('2026-10-13T15:59:59.999Z');
  });

  it('counts from the local day, not the UTC day', () => {
    // 01:00 on Friday 2026-11-20 in Beijing is still Thursday in UTC.
    const received = new Date('2026-11-19T17:00:00Z');
    expect(workingDaysDeadline(received, 1, PRC, SH).toISOString()).toBe('2026-11-23T15:59:59.999Z');
  });

  it('runs a calendar-day period ending on a holiday on to the next working day', () => {
    // 15 days after 2026-09-20 is Mon 10/5, inside the National Day week: the period ends Thu 10/8.
    expect(calendarDaysDeadline(new Date('2026-09-20T09:00:00+08:00'), 15, PRC, SH).toISOString()).toBe('2026-10-08T15:59:59.999Z');
    expect(calendarDaysDeadline(new Date('2026-11-02T09:00:00+08:00'), 15, PRC, SH).toISOString()).toBe('2026-11-17T15:59:59.999Z');
  });

  it('moves an instant by working days keeping its local time', () => {
    const due = endOfLocalDay('2026-09-30', SH);
    expect(addWorkingDaysKeepingTime(due, 1, PRC, SH).toISOString()).toBe(endOfLocalDay('2026-10-08', SH).toISOString());
    expect(addWorkingDaysKeepingTime(new Date('2026-02-13T10:00:00+08:00'), 2, PRC, SH).toISOString()).toBe('2026-02-24T02:00:00.000Z');
  });
});

describe('working time', () => {
  it('counts only the hours that fall on working days', () => {
    const from = new Date('2026-09-30T12:00:00+08:00');
    const to = new Date('2026-10-08T12:00:00+08:00');
    expect(workingMillisBetween(from, to, PRC, SH)).toBe(24 * HOUR);
    expect(workingMillisBetween(to, from, PRC, SH)).toBe(0);
  });

  it('places 80% of a clock spanning a holiday week by working time', () => {
    const start = new Date('2026-09-30T00:00:00+08:00');
    const due = workingDaysDeadline(start, 3, PRC, SH); // end of Sat 10/10
    // Working time: 9/30, 10/8, 10/9, 10/10 = 4 days; 80% of it (3.2 days) is reached at 04:48 on 10/10.
    const warnAt = workingFractionInstant(start, due, 0.8, PRC, SH).getTime();
    expect(Math.abs(warnAt - Date.parse('2026-10-10T04:48:00+08:00'))).toBeLessThan(1000);
  });

  it('falls back to wall time when no working time lies between', () => {
    const start = new Date('2026-10-02T00:00:00+08:00');
    const due = new Date('2026-10-03T00:00:00+08:00');
    expect(workingFractionInstant(start, due, 0.5, PRC, SH).toISOString()).toBe('2026-10-02T04:00:00.000Z');
  });
});
