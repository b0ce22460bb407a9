import type { DataSource } from 'typeorm';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { ReportJob } from './report-job.entity';
import { ReportJobStatus } from './report.enums';

/**
 * Long work, kept simple and in-process: a generation request stores a job row (queued) and returns at
 * once; the work runs later in this process (setImmediate), one job at a time, reading the database
 * in chunks and yielding to the event loop between them, so other users' requests are served in the
 * meantime. The job row carries the progress (0–100) that the console polls, and a heartbeat: a job
 * whose heartbeat stopped for STALE_AFTER_MS (its process ended) is reported as failed, to be
 * generated again. Several servers may share a database: each runs the jobs it was asked for.
 */
export const STALE_AFTER_MS = 10 * 60_000;

type Work = () => Promise<void>;
const queue: Work[] = [];
let draining: Promise<void> | null = null;

async function drain(): Promise<void> {
  while (queue.length) {
    const work = queue.shift()!;
    try {
      await work();
    } catch {
      // The work records its own failure on the job row.
    }
  }
  draining = null;
}

export function enqueue(work: Work): void {
  queue.push(work);
  draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
}

/** Resolves once every queued job has run (tests, and a graceful stop). */
export async function idle(): Promise<void> {
  while (draining) await draining;
}

/** Writes a job's state in its own short transaction (the embedded database has one connection). */
export function updateJob(db: DataSource, id: number, changes: Partial<Omit<ReportJob, 'parameters'>>): Promise<unknown> {
  return inTransaction(db, (em) => em.update(ReportJob, { id }, { ...changes, heartbeatAt: now() }));
}

/** A progress callback that writes only whole-percent changes. */
export function progressWriter(db: DataSource, id: number): (percent: number) => Promise<void> {
  let last = -1;
  return async (percent: number) => {
    const p = Math.max(0, Math.min(99, Math.floor(percent)));
    if (p === last) return;
    last = p;
    await updateJob(db, id, { progress: p });
  };
}

/** A queued or running job whose process is gone is failed, so the console stops waiting for it. */
export async function settleStale(db: DataSource, job: ReportJob): Promise<ReportJob> {
  const open = job.status === ReportJobStatus.queued || job.status === ReportJobStatus.running;
  if (!open || now().getTime() - job.heartbeatAt.getTime() < STALE_AFTER_MS) return job;
  const error = 'interrupted: the server stopped while generating this report; generate it again';
  await updateJob(db, job.id, { status: ReportJobStatus.failed, error, finishedAt: now() });
  return Object.assign(job, { status: ReportJobStatus.failed, error });
}
