import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { RssSampler } from './server';

export interface Quarter {
  year: number;
  index: number;
  from: string;
  to: string;
}

/** The last complete quarter before `at`, with its UTC bounds (local days in Asia/Shanghai, UTC+8). */
export function lastQuarter(at: Date): Quarter {
  const q = Math.floor(at.getUTCMonth() / 3);
  const year = q === 0 ? at.getUTCFullYear() - 1 : at.getUTCFullYear();
  const index = q === 0 ? 4 : q;
  const start = Date.UTC(year, (index - 1) * 3, 1) - 8 * 3600_000;
  const end = Date.UTC(year, index * 3, 1) - 8 * 3600_000;
  const fmt = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  return { year, index, from: fmt(start), to: fmt(end) };
}

export interface ReportTiming {
  runs: number[];
  rssPeak: number;
}

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Generates the company-wide complaint statistics for the quarter through the API and waits for the job; wall time per run. */
export async function timeApiReport(gql: Gql, quarter: Quarter, runs: number, rss: RssSampler): Promise<ReportTiming> {
  const times: number[] = [];
  rss.take();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { generateReport: job } = await gql(
      `mutation($p: ReportPeriodInput!) { generateReport(kind: complaint_statistics, period: $p) { id status } }`,
      { p: { kind: 'quarter', year: quarter.year, index: quarter.index } },
    );
    for (;;) {
      const { reportJob } = await gql(`query($id: ID!) { reportJob(id: $id) { status progress error reportId } }`, { id: job.id });
      if (reportJob.status === 'done') break;
      if (reportJob.status === 'failed') throw new Error(`report failed: ${reportJob.error}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    times.push(performance.now() - started);
  }
  return { runs: times, rssPeak: rss.take().peak };
}

/** The same figures hand-written: one conditional-aggregate pass, the breakdowns, escalations, and the step times the clocks need. */
export async function timeRawReport(db: Pool, quarter: Quarter, runs: number): Promise<number[]> {
  const q = <T = RowDataPacket[]>(sql: string, params: unknown[]) => db.query<RowDataPacket[]>(sql, params).then(([r]) => r as T);
  const { from, to } = quarter;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await Promise.all([
      q(
        `SELECT SUM(received_at >= ? AND received_at < ?) AS received, SUM(accepted_at >= ? AND accepted_at < ?) AS accepted,
                SUM(not_accepted_at >= ? AND not_accepted_at < ?) AS not_accepted, SUM(closed_at >= ? AND closed_at < ?) AS closed,
                SUM(withdrawn_at >= ? AND withdrawn_at < ?) AS withdrawn,
                SUM(received_at < ? AND NOT (COALESCE(closed_at, withdrawn_at, not_accepted_at) < ?) OR (received_at < ? AND closed_at IS NULL AND withdrawn_at IS NULL AND not_accepted_at IS NULL)) AS open_at_end
         FROM complaint`,
        [from, to, from, to, from, to, from, to, from, to, to, to, to],
      ),
      ...['category', 'channel', 'severity', 'branch_id'].map((col) => q(`SELECT ${col} AS k, COUNT(*) AS n FROM complaint WHERE received_at >= ? AND received_at < ? GROUP BY ${col}`, [from, to])),
      q(`SELECT satisfaction, COUNT(*) AS n FROM complaint WHERE closed_at >= ? AND closed_at < ? AND satisfaction IS NOT NULL GROUP BY satisfaction`, [from, to]),
      q(`SELECT kind, COUNT(*) AS n FROM complaint_event WHERE kind LIKE 'escalation%' AND at >= ? AND at < ? GROUP BY kind`, [from, to]),
      q(
        `SELECT id, received_at, accepted_at, materials_complete_at, first_response_at, closed_at, communicated_at, major_since, head_office_reported_at, regulator_due_at, regulator_reported_at, deadline_extended_at, reopened_at, state
         FROM complaint WHERE (received_at >= ? AND received_at < ?) OR (closed_at >= ? AND closed_at < ?)`,
        [from, to, from, to],
      ),
    ]);
    times.push(performance.now() - started);
  }
  return times;
}
