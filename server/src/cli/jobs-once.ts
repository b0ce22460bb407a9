import { runAnonymisation, describeRun } from '../jobs/anonymisation';
import { runEscalations } from '../jobs/escalation';
import { describeDeadlineRun, runAccessReviewDeadlines } from '../modules/access-reviews/access-review.deadlines';
import { runRectificationEscalations } from '../modules/quality/rectification-escalation';
import { openRuntime } from '../bootstrap';
import { runCli } from './run';

/** `npm run jobs:once`: runs the escalation, access-review deadline and anonymisation jobs once (for cron, or when the server is down), then exits. */
runCli(async () => {
  const { db, config } = await openRuntime();
  try {
    const run = await runEscalations(db, config);
    process.stdout.write(`Escalation job: ${run.checked} complaints checked, ${run.escalated} escalations, ${run.refreshed} deadlines updated.\n`);
    const overdue = await runRectificationEscalations(db, config);
    process.stdout.write(`Rectification job: ${overdue.checked} overdue rectifications checked, ${overdue.escalated} escalated.\n`);
    process.stdout.write(describeDeadlineRun(await runAccessReviewDeadlines(db)));
    process.stdout.write(describeRun(await runAnonymisation(db, config)));
    return 0;
  } finally {
    await db.destroy();
  }
});
