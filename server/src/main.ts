import 'reflect-metadata';
import cluster from 'node:cluster';
import { createApp } from './app';
import { openRuntime } from './bootstrap';
import { limitHeapGrowth } from './cluster/heap-growth';
import { runPrimary, RUNS_JOBS_ENV } from './cluster/primary';
import { ConfigError } from './config';
import { startJobs } from './jobs/scheduler';
import { startAccessReviewJobs } from './modules/access-reviews/access-review.deadlines';
import { isSeeded, seedDemo } from './seed/demo';
import { printDemoLogins } from './seed/print-logins';

async function main(): Promise<void> {
  // A worker's primary has already migrated and seeded the database.
  const { config, db, logger } = await openRuntime({ migrate: cluster.isPrimary });
  limitHeapGrowth(config.heapGrowthPercent);
  const embedded = !config.databaseUrl;
  // auto: the embedded database gets the demo data on its first start; always: any database that lacks it.
  const wantsDemo = config.seedDemo === 'always' || (config.seedDemo === 'auto' && embedded);
  if (cluster.isPrimary && wantsDemo && !(await isSeeded(db))) {
    process.stdout.write('Loading the demo data set (first start)…\n');
    printDemoLogins(await seedDemo(db, config));
  }
  const shown = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  if (cluster.isPrimary && config.serverProcesses > 1) {
    await db.destroy();
    runPrimary(config.serverProcesses, logger, () => {
      process.stdout.write(`InsureDesk is running in ${config.serverProcesses} processes on MySQL: ${shown}  (GraphQL at /graphql)\n`);
      logger.info({ port: config.port, database: 'mysql', processes: config.serverProcesses }, 'listening');
    });
    return;
  }
  const app = await createApp(config, db, logger);
  const server = app.express.listen(config.port, config.host, () => {
    if (cluster.isWorker) return;
    process.stdout.write(`InsureDesk is running on ${embedded ? 'the embedded SQLite database' : 'MySQL'}: ${shown}  (GraphQL at /graphql)\n`);
    logger.info({ port: config.port, database: embedded ? 'sqlite' : 'mysql' }, 'listening');
  });
  // Escalations run inside the server every minute (tests start the app without them and call the job
  // directly); with several processes, in one of them only.
  const runsJobs = cluster.isPrimary || process.env[RUNS_JOBS_ENV] === '1';
  const jobs = runsJobs ? startJobs(db, config, logger) : null;
  // Access review reminders and deadlines, likewise every minute.
  const reviewJobs = runsJobs ? startAccessReviewJobs(db, logger) : null;
  let stopping = false;
  const shutdown = async () => {
    // A worker hears Ctrl-C from the terminal and SIGTERM from its primary: it stops once.
    if (stopping) return;
    stopping = true;
    server.close();
    await jobs?.stop();
    await reviewJobs?.stop();
    await app.stop();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`InsureDesk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
