import { holidayRows } from '../../../../migrations/1763900000000-Complaints';
import { calendarOf } from '../calendar/working-days';
import type { Complaint } from './complaint.entity';
import { computeClocks, nextDueOf, type ClockPolicy } from './complaint.clocks';
import { ClockKind, ClockStatus, ComplaintChannel, RegulatoryDayKind } from './complaint.enums';

const PRC = calendarOf(holidayRows());
const SH = 'Asia/Shanghai';
const POLICY: ClockPolicy = {
  firstResponseHours: 48,
  materialsNoticeWorkingDays: 5,
  resolutionTargetWorkingDays: 7,
  regulatoryResolutionDays: 15,
  regulatoryExtendedDays: 30,
  regulatoryDayKind: RegulatoryDayKind.calendar,
  headOfficeReportHours: 24,
  warnAtPercent: 80,
};
const t = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => t(`${date}T23:59:59.999`);

function complaint(fields: Partial<Complaint>): Complaint {
  return {
    receivedAt: t('2026-09-30T10:00:00'), channel: ComplaintChannel.hotline, majorSince: null, regulatorDueAt: null, regulatorReportedAt: null,
    firstResponseAt: null, materialsRequestedAt: null, materialsCompleteAt: null, acceptedAt: null, notAcceptedAt: null, communicatedAt: null,
    withdrawnAt: null, reopenedAt: null, appealCount: 0, deadlineExtendedAt: null, headOfficeReportedAt: null, ...fields,
  } as Complaint;
}

const clocks = (c: Complaint, at: Date, policy = POLICY) => Object.fromEntries(computeClocks(c, policy, PRC, SH, at).map((k) => [k.kind, k]));

describe('computeClocks', () => {
  it('runs four clocks on a fresh complaint, across the National Day week', () => {
    const k = clocks(complaint({}), t('2026-09-30T11:00:00'));
    expect(Object.keys(k)).toEqual([ClockKind.first_response, ClockKind.materials_notice, ClockKind.resolution_target, ClockKind.resolution_regulatory]);
    expect(k.first_response).toMatchObject({ dueAt: t('2026-10-02T10:00:00'), status: ClockStatus.running, timeLeftSeconds: 47 * 3600, open: true });
    expect(k.materials_notice.dueAt).toEqual(endOf('2026-10-13'));
    expect(k.resolution_target.dueAt).toEqual(endOf('2026-10-15'));
    expect(k.resolution_regulatory.dueAt).toEqual(endOf('2026-10-15'));
  });

  it('counts the regulatory limit in working days when the policy says so', () => {
    // 15 working days from 9/30: 10/8, 10/9, 10/10 (make-up), 10/12 … 10/16, 10/19 … 10/23, 10/26, 10/27.
    const k = clocks(complaint({}), t('2026-09-30T11:00:00'), { ...POLICY, regulatoryDayKind: RegulatoryDayKind.working });
    expect(k.resolution_regulatory.dueAt).toEqual(endOf('2026-10-27'));
  });

  it('pauses the resolution clocks while materials are awaited and restarts them from complete materials', () => {
    const waiting = clocks(complaint({ materialsRequestedAt: t('2026-09-30T12:00:00'), firstResponseAt: t('2026-09-30T12:00:00') }), t('2026-11-30T12:00:00'));
    expect(waiting.resolution_target).toMatchObject({ paused: true, status: ClockStatus.paused, dueAt: null, timeLeftSeconds: null, open: false });
    expect(waiting.materials_notice.status).toBe(ClockStatus.met);
    const resumed = clocks(complaint({ materialsRequestedAt: t('2026-09-30T12:00:00'), materialsCompleteAt: t('2026-10-09T15:00:00') }), t('2026-10-09T16:00:00'));
    // 10/10 (Sat, make-up), 10/12, 10/13, 10/14, 10/15, 10/16, 10/19.
    expect(resumed.resolution_target).toMatchObject({ paused: false, status: ClockStatus.running, startedAt: t('2026-10-09T15:00:00'), dueAt: endOf('2026-10-19') });
  });

  it('marks a clock met or breached by when it was answered, and breached while late', () => {
    const late = clocks(complaint({ firstResponseAt: t('2026-10-02T10:00:01') }), t('2026-10-03T00:00:00'));
    expect(late.first_response).toMatchObject({ status: ClockStatus.breached, timeLeftSeconds: null, open: false });
    const onTime = clocks(complaint({ firstResponseAt: t('2026-10-02T10:00:00') }), t('2026-10-03T00:00:00'));
    expect(onTime.first_response.status).toBe(ClockStatus.met);
    const running = clocks(complaint({}), t('2026-10-02T11:00:00'));
    expect(running.first_response).toMatchObject({ status: ClockStatus.breached, timeLeftSeconds: -3600, open: true });
  });

  it('extends the regulatory limit to 30 days once extended', () => {
    const k = clocks(complaint({ deadlineExtendedAt: t('2026-10-09T10:00:00') }), t('2026-10-09T11:00:00'));
    expect(k.resolution_regulatory.dueAt).toEqual(endOf('2026-10-30'));
    expect(k.resolution_target.dueAt).toEqual(endOf('2026-10-15'));
  });

  it('adds the head-office and regulator report clocks when they apply', () => {
    const c = complaint({ channel: ComplaintChannel.regulator, majorSince: t('2026-09-30T10:00:00'), regulatorDueAt: t('2026-10-20T17:00:00') });
    const k = clocks(c, t('2026-09-30T11:00:00'));
    expect(k.head_office_report.dueAt).toEqual(t('2026-10-01T10:00:00'));
    expect(k.regulator_report.dueAt).toEqual(t('2026-10-20T17:00:00'));
  });

  it('drops the resolution clocks of a complaint not accepted', () => {
    const k = clocks(complaint({ notAcceptedAt: t('2026-09-30T15:00:00'), firstResponseAt: t('2026-09-30T15:00:00') }), t('2026-10-30T00:00:00'));
    expect(Object.keys(k)).toEqual([ClockKind.first_response, ClockKind.materials_notice]);
    expect(nextDueOf(Object.values(k))).toBeNull();
  });

  it('stops running clocks at a withdrawal, keeping those already breached, but not the reports owed', () => {
    const c = complaint({ withdrawnAt: t('2026-10-08T09:00:00'), majorSince: t('2026-09-30T10:00:00') });
    const k = clocks(c, t('2026-11-30T00:00:00'));
    expect(k.first_response).toMatchObject({ status: ClockStatus.breached, open: false });
    expect(k.materials_notice).toBeUndefined();
    expect(k.resolution_target).toBeUndefined();
    expect(k.head_office_report).toMatchObject({ status: ClockStatus.breached, open: true });
  });

  it('restarts the resolution clocks on appeal, in a new cycle', () => {
    const c = complaint({ appealCount: 1, reopenedAt: t('2026-11-02T09:00:00'), communicatedAt: null, acceptedAt: t('2026-09-30T11:00:00') });
    const k = clocks(c, t('2026-11-02T10:00:00'));
    expect(k.resolution_target).toMatchObject({ startedAt: t('2026-11-02T09:00:00'), dueAt: endOf('2026-11-11'), cycle: 1 });
  });

  it('places the warning at 80%: by wall time on hour clocks, by working time on working-day clocks', () => {
    const k = clocks(complaint({ receivedAt: t('2026-11-02T09:00:00') }), t('2026-11-02T09:00:00'));
    expect(k.first_response.warnAt).toEqual(t('2026-11-03T23:24:00'));
    // 183 working hours from Mon 09:00 to the end of Wed 11/11; 80% is reached Tue 11/10 at 11:24.
    expect(Math.abs(k.resolution_target.warnAt!.getTime() - t('2026-11-10T11:24:00').getTime())).toBeLessThan(1000);
  });

  it('gives the earliest open deadline as the next one due', () => {
    const k = computeClocks(complaint({}), POLICY, PRC, SH, t('2026-09-30T11:00:00'));
    expect(nextDueOf(k)).toEqual(t('2026-10-02T10:00:00'));
    expect(nextDueOf(computeClocks(complaint({ firstResponseAt: t('2026-09-30T12:00:00') }), POLICY, PRC, SH, t('2026-09-30T13:00:00')))).toEqual(endOf('2026-10-13'));
  });
});
