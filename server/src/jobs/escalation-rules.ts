import { addWorkingDaysKeepingTime } from '../modules/calendar/deadlines';
import type { WorkingCalendar } from '../modules/calendar/working-days';
import type { ClockValue } from '../modules/complaints/complaint.clocks';
import { ClockKind, EscalationLevel } from '../modules/complaints/complaint.enums';
import { localDateTimeText } from '../time/local-date';

/**
 * Which escalations a clock calls for now: at the warning share of the clock the handler is warned;
 * once breached the branch manager is told instead; a major complaint breached by more than the
 * policy's working days goes to compliance as well. Pure, so the thresholds are tested without a job.
 */
export function levelsDue(
  clock: ClockValue,
  major: boolean,
  at: Date,
  complianceAfterWorkingDays: number,
  calendar: WorkingCalendar,
  timezone: string,
): EscalationLevel[] {
  if (!clock.open || !clock.dueAt) return [];
  if (at > clock.dueAt) {
    const levels = [EscalationLevel.breach];
    if (major && at > addWorkingDaysKeepingTime(clock.dueAt, complianceAfterWorkingDays, calendar, timezone)) levels.push(EscalationLevel.compliance);
    return levels;
  }
  // A warning after the breach would only be noise: the breach escalation says more.
  return clock.warnAt && at >= clock.warnAt ? [EscalationLevel.warning] : [];
}

/** The unique key of one escalation: running the job again finds it taken and escalates nothing twice. */
export function escalationKey(complaintId: number, clock: Pick<ClockValue, 'kind' | 'cycle'>, level: EscalationLevel): string {
  return `escalation:${complaintId}:${clock.kind}:${clock.cycle}:${level}`;
}

export const CLOCK_LABELS: Record<ClockKind, string> = {
  [ClockKind.first_response]: '首次响应',
  [ClockKind.materials_notice]: '补充材料告知',
  [ClockKind.resolution_target]: '处理时限（公司目标）',
  [ClockKind.resolution_regulatory]: '处理时限（监管时限）',
  [ClockKind.head_office_report]: '重大投诉报告总公司',
  [ClockKind.regulator_report]: '监管转办书面报告',
};

export function escalationMessage(number: string, clock: Pick<ClockValue, 'kind' | 'dueAt'>, level: EscalationLevel, timezone: string): { title: string; body: string } {
  const label = CLOCK_LABELS[clock.kind];
  const due = clock.dueAt ? localDateTimeText(clock.dueAt, timezone) : '';
  switch (level) {
    case EscalationLevel.warning:
      return { title: `投诉 ${number}：${label}即将到期`, body: `截止时间 ${due}，请及时处理。` };
    case EscalationLevel.breach:
      return { title: `投诉 ${number}：${label}已超时`, body: `截止时间 ${due} 已过，请督办。` };
    default:
      return { title: `重大投诉 ${number}：${label}超时逾一个工作日`, body: `截止时间 ${due} 已过，请合规部门关注。` };
  }
}
