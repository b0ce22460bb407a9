import { holidayRows } from '../../../migrations/1763900000000-Complaints';
import { calendarOf } from '../modules/calendar/working-days';
import type { ClockValue } from '../modules/complaints/complaint.clocks';
import { ClockKind, ClockStatus, EscalationLevel } from '../modules/complaints/complaint.enums';
import { escalationKey, escalationMessage, levelsDue } from './escalation-rules';

const PRC = calendarOf(holidayRows());
const SH = 'Asia/Shanghai';
const t = (local: string) => new Date(`${local}+08:00`);

const clock = (fields: Partial<ClockValue> = {}): ClockValue => ({
  kind: ClockKind.head_office_report,
  startedAt: t('2026-09-29T10:00:00'),
  dueAt: t('2026-09-30T10:00:00'),
  warnAt: t('2026-09-30T05:12:00'),
  completedAt: null,
  timeLeftSeconds: 0,
  paused: false,
  status: ClockStatus.running,
  open: true,
  cycle: 0,
  ...fields,
});

describe('levelsDue', () => {
  it('warns from the warning instant until the deadline', () => {
    expect(levelsDue(clock(), false, t('2026-09-30T05:11:00'), 1, PRC, SH)).toEqual([]);
    expect(levelsDue(clock(), false, t('2026-09-30T05:12:00'), 1, PRC, SH)).toEqual([EscalationLevel.warning]);
    expect(levelsDue(clock(), false, t('2026-09-30T10:00:00'), 1, PRC, SH)).toEqual([EscalationLevel.warning]);
  });

  it('escalates a breach to the manager, and a major one breached for more than a working day to compliance', () => {
    expect(levelsDue(clock(), false, t('2026-09-30T10:00:01'), 1, PRC, SH)).toEqual([EscalationLevel.breach]);
    expect(levelsDue(clock(), false, t('2026-10-20T10:00:00'), 1, PRC, SH)).toEqual([EscalationLevel.breach]);
    // Due Wed 9/30 10:00; the next working day is Thu 10/8 after the National Day week.
    expect(levelsDue(clock(), true, t('2026-10-07T23:00:00'), 1, PRC, SH)).toEqual([EscalationLevel.breach]);
    expect(levelsDue(clock(), true, t('2026-10-08T10:00:01'), 1, PRC, SH)).toEqual([EscalationLevel.breach, EscalationLevel.compliance]);
  });

  it('leaves met, paused and stopped clocks alone', () => {
    const late = t('2026-12-01T00:00:00');
    expect(levelsDue(clock({ open: false, completedAt: t('2026-09-30T09:00:00') }), true, late, 1, PRC, SH)).toEqual([]);
    expect(levelsDue(clock({ open: false, paused: true, dueAt: null }), true, late, 1, PRC, SH)).toEqual([]);
  });
});

describe('escalation keys and messages', () => {
  it('key each escalation by complaint, clock, cycle and level', () => {
    expect(escalationKey(42, { kind: ClockKind.first_response, cycle: 0 }, EscalationLevel.breach)).toBe('escalation:42:first_response:0:breach');
    expect(escalationKey(42, { kind: ClockKind.first_response, cycle: 1 }, EscalationLevel.breach)).not.toBe(escalationKey(42, { kind: ClockKind.first_response, cycle: 0 }, EscalationLevel.breach));
  });

  it('word the notification in Chinese with the local deadline', () => {
    const message = escalationMessage('TS202609300001', clock(), EscalationLevel.breach, SH);
    expect(message.title).toBe('投诉 TS202609300001：重大投诉报告总公司已超时');
    expect(message.body).toContain('2026');
  });
});
