/** One deadline of a complaint as the API computes it (type ComplaintClock). */
export interface Clock {
  kind: ClockKind;
  startedAt: string | null;
  /** Null while paused (awaiting materials). */
  dueAt: string | null;
  /** When the handler is warned: the policy's share (80 % by default) of the clock has run. */
  warnAt: string | null;
  completedAt: string | null;
  timeLeftSeconds: number | null;
  paused: boolean;
  status: 'running' | 'paused' | 'met' | 'breached';
}

export const CLOCK_KINDS = ['first_response', 'materials_notice', 'resolution_target', 'resolution_regulatory', 'head_office_report', 'regulator_report'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** How a clock counts, which is how its time left is told: hours, working days or calendar days. */
export type ClockUnit = 'hours' | 'working_days' | 'days';

/** What a badge shows, in the order of urgency a person reads colours. */
export type ClockTone = 'breached' | 'warning' | 'running' | 'paused' | 'met' | 'late';
