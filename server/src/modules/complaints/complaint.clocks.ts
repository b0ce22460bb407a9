import { calendarDaysDeadline, workingDaysDeadline, workingFractionInstant } from '../calendar/deadlines';
import type { WorkingCalendar } from '../calendar/working-days';
import type { Complaint } from './complaint.entity';
import { ClockKind, ClockStatus, ComplaintChannel, RegulatoryDayKind } from './complaint.enums';
import type { ComplaintPolicy } from './complaint-policy.entity';

/**
 * Every deadline of a complaint, computed from its step times, the deadline policy and the working-
 * day calendar. Pure and cheap, so the API, the list's "due" column and the escalation job all
 * compute the same clocks the same way instead of storing copies that drift.
 */
export interface ClockValue {
  kind: ClockKind;
  startedAt: Date | null;
  dueAt: Date | null;
  /** When the handler is warned (the policy's share of the clock, by working time on working-day clocks). */
  warnAt: Date | null;
  completedAt: Date | null;
  /** Seconds to the deadline while the clock runs (negative once breached); null when stopped or paused. */
  timeLeftSeconds: number | null;
  paused: boolean;
  status: ClockStatus;
  /** Still counting: not met, not paused, not stopped by a withdrawal. */
  open: boolean;
  /** An appeal restarts the resolution clocks: a new cycle, escalated afresh. */
  cycle: number;
}

export type ClockPolicy = Pick<
  ComplaintPolicy,
  | 'firstResponseHours'
  | 'materialsNoticeWorkingDays'
  | 'resolutionTargetWorkingDays'
  | 'regulatoryResolutionDays'
  | 'regulatoryExtendedDays'
  | 'regulatoryDayKind'
  | 'headOfficeReportHours'
  | 'warnAtPercent'
>;

type Source = Pick<
  Complaint,
  | 'receivedAt' | 'channel' | 'majorSince' | 'regulatorDueAt' | 'regulatorReportedAt' | 'firstResponseAt' | 'materialsRequestedAt'
  | 'materialsCompleteAt' | 'acceptedAt' | 'notAcceptedAt' | 'communicatedAt' | 'withdrawnAt' | 'reopenedAt' | 'appealCount'
  | 'deadlineExtendedAt' | 'headOfficeReportedAt'
>;

const HOUR = 3600_000;

interface Draft {
  kind: ClockKind;
  start: Date | null;
  due: Date | null;
  warn: Date | null;
  completedAt: Date | null;
  /** A withdrawal stops it (the reports to head office and the regulator are owed all the same). */
  stopsOnWithdrawal: boolean;
  cycle?: number;
}

function settle(d: Draft, withdrawnAt: Date | null, at: Date): ClockValue | null {
  const base = { kind: d.kind, startedAt: d.start, dueAt: d.due, warnAt: d.warn, completedAt: d.completedAt, cycle: d.cycle ?? 0 };
  if (!d.due) return { ...base, timeLeftSeconds: null, paused: true, status: ClockStatus.paused, open: false };
  if (d.completedAt) {
    return { ...base, timeLeftSeconds: null, paused: false, status: d.completedAt <= d.due ? ClockStatus.met : ClockStatus.breached, open: false };
  }
  if (withdrawnAt && d.stopsOnWithdrawal) {
    // A clock that had already run out before the withdrawal stays on record as breached; the rest simply end.
    return d.due < withdrawnAt ? { ...base, timeLeftSeconds: null, paused: false, status: ClockStatus.breached, open: false } : null;
  }
  const left = Math.floor((d.due.getTime() - at.getTime()) / 1000);
  return { ...base, timeLeftSeconds: left, paused: false, status: at <= d.due ? ClockStatus.running : ClockStatus.breached, open: true };
}

const wallFraction = (start: Date, due: Date, fraction: number) => new Date(start.getTime() + (due.getTime() - start.getTime()) * fraction);

export function computeClocks(c: Source, policy: ClockPolicy, calendar: WorkingCalendar, timezone: string, at: Date): ClockValue[] {
  const share = policy.warnAtPercent / 100;
  const drafts: Draft[] = [];
  const firstDue = new Date(c.receivedAt.getTime() + policy.firstResponseHours * HOUR);
  drafts.push({ kind: ClockKind.first_response, start: c.receivedAt, due: firstDue, warn: wallFraction(c.receivedAt, firstDue, share), completedAt: c.firstResponseAt, stopsOnWithdrawal: true });

  const noticeDue = workingDaysDeadline(c.receivedAt, policy.materialsNoticeWorkingDays, calendar, timezone);
  drafts.push({
    kind: ClockKind.materials_notice,
    start: c.receivedAt,
    due: noticeDue,
    warn: workingFractionInstant(c.receivedAt, noticeDue, share, calendar, timezone),
    // Telling the complainant what is missing, or deciding on acceptance, answers this clock.
    completedAt: c.materialsRequestedAt ?? c.acceptedAt ?? c.notAcceptedAt,
    stopsOnWithdrawal: true,
  });

  if (!c.notAcceptedAt) {
    // Counted from complete materials; paused (no start) while the complainant owes materials.
    const start = c.reopenedAt ?? c.materialsCompleteAt ?? (c.materialsRequestedAt ? null : c.receivedAt);
    const cycle = c.appealCount;
    const targetDue = start && workingDaysDeadline(start, policy.resolutionTargetWorkingDays, calendar, timezone);
    drafts.push({
      kind: ClockKind.resolution_target,
      start,
      due: targetDue,
      warn: start && targetDue && workingFractionInstant(start, targetDue, share, calendar, timezone),
      completedAt: c.communicatedAt,
      stopsOnWithdrawal: true,
      cycle,
    });
    const days = c.deadlineExtendedAt ? policy.regulatoryExtendedDays : policy.regulatoryResolutionDays;
    const working = policy.regulatoryDayKind === RegulatoryDayKind.working;
    const regDue = start && (working ? workingDaysDeadline : calendarDaysDeadline)(start, days, calendar, timezone);
    const regWarn = start && regDue && (working ? workingFractionInstant(start, regDue, share, calendar, timezone) : wallFraction(start, regDue, share));
    drafts.push({ kind: ClockKind.resolution_regulatory, start, due: regDue, warn: regWarn, completedAt: c.communicatedAt, stopsOnWithdrawal: true, cycle });
  }

  if (c.majorSince) {
    const due = new Date(c.majorSince.getTime() + policy.headOfficeReportHours * HOUR);
    drafts.push({ kind: ClockKind.head_office_report, start: c.majorSince, due, warn: wallFraction(c.majorSince, due, share), completedAt: c.headOfficeReportedAt, stopsOnWithdrawal: false });
  }
  if (c.channel === ComplaintChannel.regulator && c.regulatorDueAt) {
    drafts.push({
      kind: ClockKind.regulator_report,
      start: c.receivedAt,
      due: c.regulatorDueAt,
      warn: wallFraction(c.receivedAt, c.regulatorDueAt, share),
      completedAt: c.regulatorReportedAt,
      stopsOnWithdrawal: false,
    });
  }
  return drafts.map((d) => settle(d, c.withdrawnAt, at)).filter((clock): clock is ClockValue => clock !== null);
}

/** The earliest deadline still counting: what "due today" and "overdue" are filtered on. */
export function nextDueOf(clocks: ClockValue[]): Date | null {
  const due = clocks.filter((clock) => clock.open && clock.dueAt).map((clock) => clock.dueAt!.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}
