import { OUTCOME_CLOCKS } from '../complaints/complaint-outcomes';
import { ClockKind, ComplaintCategory, ComplaintChannel, ComplaintSeverity } from '../complaints/complaint.enums';
import { Branch } from '../branches/branch.entity';
import type { ReportRequest } from './report-definition';
import type { Period, PeriodBounds } from './report-period';
import { change, distributionMean, rate, summarise, type Change, type HandlingSummary } from './report-stats';
import { closedBreakdown, ESCALATION_KINDS, escalationCounts, receivedBreakdown, STEP_FIGURES, stepCountsByBranch, type StepFigure, type SumRow } from './complaint-statistics.sql';

/**
 * Report 1, complaint statistics (投诉统计), for one period and scope.
 *
 * Counts, breakdowns, escalations and the satisfaction distribution are SQL aggregations (COUNT,
 * conditional SUM, GROUP BY) over the complaints the caller may read: the rows pass the same CASL row
 * filter as every list (guardedQuery), so a manager's figures cover only their branch. Nothing of a
 * complaint is loaded for them.
 *
 * Two figures depend on the working-day calendar: handling time in working days (mean, median, 90th
 * percentile) and each deadline met or breached. Both are stored on the complaint whenever it changes
 * (complaint-outcomes.ts), so they too are aggregated in SQL: the handling times as their distribution
 * (days → count, exact median and percentile), the deadlines as conditional sums, a clock still counting
 * judged running or breached at the report's "as of". A settled deadline keeps the outcome judged when it
 * fell, with the calendar of that time (the regulator's view); an edit of the calendar or the policy
 * recomputes the complaints whose clocks may still count.
 *
 * Definitions (all times compared in UTC against the period's local-day bounds):
 * - received / accepted / not accepted / closed / withdrawn: the step's time falls in the period;
 * - open at period end: received before the end, and not closed, withdrawn or declined before it;
 * - breakdowns by category, channel, severity and branch: complaints received in the period;
 *   regulator-transferred: received in the period on the `regulator` channel;
 * - handling time: complaints closed in the period, working days from the local day received to the
 *   local day closed (received Monday, closed Wednesday = 2);
 * - deadlines: every clock of the complaints received in the period, as it stands when the report is
 *   generated (settled outcomes as stored, see above): met, breached, or still running (not counted in the rates); rates = met or breached ÷
 *   (met + breached);
 * - escalations: timeline events escalation_warning / _breach / _compliance dated in the period;
 * - satisfaction: return-call scores (1–5) of complaints closed in the period.
 */

export interface ComplaintTotals {
  received: number;
  accepted: number;
  notAccepted: number;
  closed: number;
  withdrawn: number;
  openAtEnd: number;
  regulatorTransferred: number;
  major: number;
  escalations: number;
  deadlinesBreached: number;
  handlingMean: number | null;
  satisfactionMean: number | null;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface BranchRow {
  branchId: number;
  branchName: string;
  received: number;
  closed: number;
  openAtEnd: number;
}

export interface DeadlineRow {
  clock: ClockKind;
  met: number;
  breached: number;
  running: number;
  metRate: number | null;
  breachedRate: number | null;
}

export interface PeriodFigures {
  period: Period;
  totals: ComplaintTotals;
  byCategory: CountRow[];
  byChannel: CountRow[];
  bySeverity: CountRow[];
  byBranch: BranchRow[];
  handling: HandlingSummary;
  deadlines: DeadlineRow[];
  escalations: { warning: number; breach: number; compliance: number; total: number; complaints: number };
  satisfaction: { responses: number; mean: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
}

export interface ComparisonRow {
  metric: keyof ComplaintTotals;
  previous: Change;
  yearAgo: Change;
}

export interface ComplaintStatistics {
  kind: 'complaint_statistics';
  /** Bumped when the content's shape changes, so old snapshots stay readable. */
  schemaVersion: 1;
  timezone: string;
  scope: { branchId: number | null; name: string };
  generatedAt: string;
  current: PeriodFigures;
  previous: { period: Period; totals: ComplaintTotals };
  yearAgo: { period: Period; totals: ComplaintTotals };
  comparison: ComparisonRow[];
}

const num = (value: unknown) => Number(value ?? 0) || 0;

/** A period of the report and its local-day bounds. */
export interface PeriodWindow {
  period: Period;
  bounds: PeriodBounds;
}

/**
 * The figures of each period, all from the same four statements (complaint-statistics.sql.ts), run at
 * once. `progress` hears 0–1 as the statements finish.
 */
export async function periodFigures(req: ReportRequest, windows: readonly PeriodWindow[], progress: (fraction: number) => Promise<void>): Promise<PeriodFigures[]> {
  const bounds = windows.map((w) => w.bounds);
  let finished = 0;
  const counted = <T>(statement: Promise<T>) => statement.then(async (result) => {
    await progress(++finished / 5);
    return result;
  });
  const [steps, received, closed, escalations, branches] = await Promise.all([
    counted(stepCountsByBranch(req, bounds)),
    counted(receivedBreakdown(req, bounds)),
    counted(closedBreakdown(req, bounds)),
    counted(escalationCounts(req, bounds)),
    counted(req.db.getRepository(Branch).find({ select: { id: true, name: true } })),
  ]);
  const branchNames = new Map(branches.map((b) => [b.id, b.name]));
  return windows.map(({ period }, i) => figuresOf(period, i, { steps, received, closed, escalations, branchNames }));
}

interface Sums {
  steps: SumRow[];
  received: SumRow[];
  closed: SumRow[];
  escalations: SumRow;
  branchNames: Map<number, string>;
}

/** Period `i`'s figures from the statements' sums. */
function figuresOf(period: Period, i: number, sums: Sums): PeriodFigures {
  const { steps, received, closed } = sums;
  const total = (rows: SumRow[], column: string) => rows.reduce((n, r) => n + num(r[`${column}_${i}`]), 0);
  const step = Object.fromEntries(STEP_FIGURES.map((f) => [f, total(steps, f)])) as Record<StepFigure, number>;
  const byBranch = steps
    .map((r) => ({ branchId: num(r.b), branchName: sums.branchNames.get(num(r.b)) ?? `#${num(r.b)}`, received: num(r[`received_${i}`]), closed: num(r[`closed_${i}`]), openAtEnd: num(r[`openAtEnd_${i}`]) }))
    .filter((r) => r.received || r.closed || r.openAtEnd)
    .sort((a, b) => a.branchId - b.branchId);
  const countsBy = (key: 'category' | 'channel' | 'severity', keys: string[]) => countRows(received, key, keys, (r) => num(r[`n_${i}`]));

  const deadlines: DeadlineRow[] = OUTCOME_CLOCKS.map((clock) => {
    const [met, breached, running] = (['met', 'breached', 'running'] as const).map((o) => total(received, `${clock}_${o}`));
    return { clock, met, breached, running, metRate: rate(met, met + breached), breachedRate: rate(breached, met + breached) };
  });

  // Exact order statistics from the distribution of whole days: a few dozen rows, not one per complaint.
  const durations = closed.filter((r) => r.d !== null && r.d !== undefined).flatMap((r) => new Array<number>(num(r[`n_${i}`])).fill(num(r.d)));
  const handling = summarise(durations);
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const r of closed) {
    const score = String(num(r.s));
    if (r.s !== null && score in distribution) distribution[score as keyof typeof distribution] += num(r[`n_${i}`]);
  }
  const responses = Object.values(distribution).reduce((a, b) => a + b, 0);
  const satisfactionMean = distributionMean(distribution);

  const level = (kind: (typeof ESCALATION_KINDS)[number]) => num(sums.escalations[`${kind}_${i}`]);
  const escalations = { warning: level('escalation_warning'), breach: level('escalation_breach'), compliance: level('escalation_compliance'), total: 0, complaints: num(sums.escalations[`complaints_${i}`]) };
  escalations.total = escalations.warning + escalations.breach + escalations.compliance;

  const totals: ComplaintTotals = {
    ...step,
    escalations: escalations.total,
    deadlinesBreached: deadlines.reduce((n, d) => n + d.breached, 0),
    handlingMean: handling.mean,
    satisfactionMean,
  };
  return {
    period,
    totals,
    byCategory: countsBy('category', Object.values(ComplaintCategory)),
    byChannel: countsBy('channel', Object.values(ComplaintChannel)),
    bySeverity: countsBy('severity', Object.values(ComplaintSeverity)),
    byBranch,
    handling,
    deadlines,
    escalations,
    satisfaction: { responses, mean: satisfactionMean, distribution },
  };
}

/** Counts by one column: every known value, zero included, in a fixed order; then anything unexpected the data holds. */
function countRows(rows: SumRow[], column: string, keys: string[], count: (r: SumRow) => number): CountRow[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(String(r[column]), (counts.get(String(r[column])) ?? 0) + count(r));
  return [...keys.map((key) => ({ key, count: counts.get(key) ?? 0 })), ...[...counts].filter(([k, n]) => !keys.includes(k) && n > 0).map(([key, count]) => ({ key, count }))];
}

export const COMPARED: Array<keyof ComplaintTotals> = [
  'received', 'accepted', 'closed', 'openAtEnd', 'regulatorTransferred', 'major', 'escalations', 'deadlinesBreached', 'handlingMean', 'satisfactionMean',
];

export function comparison(current: ComplaintTotals, previous: ComplaintTotals, yearAgo: ComplaintTotals): ComparisonRow[] {
  return COMPARED.map((metric) => ({ metric, previous: change(current[metric], previous[metric]), yearAgo: change(current[metric], yearAgo[metric]) }));
}
