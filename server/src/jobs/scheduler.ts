import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { describeRun, runAnonymisation } from './anonymisation';
import { runEscalations } from './escalation';
import { runRectificationEscalations } from '../modules/quality/rectification-escalation';

export interface RunningJobs {
  stop(): Promise<void>;
}

/**
 * Runs the escalation job every minute inside the server. A run that is still going when the next is
 * due is not doubled up; a failed run is logged and the next one tries again.
 */
export function startJobs(db: DataSource, config: Config, logger: Logger, intervalMs = 60_000): RunningJobs {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runEscalations(db, config)
      .then((run) => {
        if (run.escalated || run.refreshed) logger.info({ job: 'escalation', ...run }, 'escalation job ran');
      })
      .catch((err: unknown) => logger.error({ job: 'escalation', err }, 'escalation job failed'))
      // Overdue rectifications (quality module) escalate on the same beat as complaint deadlines, whatever became of those.
      .then(() => runRectificationEscalations(db, config))
      .then((run) => {
        if (run.escalated) logger.info({ job: 'rectification-escalation', ...run }, 'rectification escalation job ran');
      })
      .catch((err: unknown) => logger.error({ job: 'rectification-escalation', err }, 'rectification escalation job failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  // Retention periods end by the day: the anonymisation job runs hourly, the first time a minute after start.
  let anonymising: Promise<void> | null = null;
  const anonymise = () => {
    if (anonymising) return;
    anonymising = runAnonymisation(db, config)
      .then((run) => {
        if (run.anonymised.length || run.rescheduled) logger.info({ job: 'anonymisation', anonymised: run.anonymised.length, rescheduled: run.rescheduled }, describeRun(run));
      })
      .catch((err: unknown) => logger.error({ job: 'anonymisation', err }, 'anonymisation job failed'))
      .finally(() => {
        anonymising = null;
      });
  };
  const hourly = setInterval(anonymise, 60 * intervalMs);
  hourly.unref();
  const first = setTimeout(anonymise, intervalMs);
  first.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(hourly);
      clearTimeout(first);
      await running;
      await anonymising;
    },
  };
}
