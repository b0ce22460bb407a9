import 'reflect-metadata';
import { createApp } from './app';
import { openRuntime } from './bootstrap';
import { ConfigError } from './config';
import { startJobs } from './jobs/scheduler';
import { startAccessReviewJobs } from './modules/access-reviews/access-review.deadlines';
import { isSeeded, seedDemo } from './seed/demo';
import { printDemoLogins } from './seed/print-logins';

async function main(): Promise<void> {
  const { config, db, logger } = await openRuntime();
  const embedded = !config.databaseUrl;
  // auto: the embedded database gets the demo data on its first start; always: any database that lacks it.
  const wantsDemo = config.seedDemo === 'always' || (config.seedDemo === 'auto' && embedded);
  if (wantsDemo && !(await isSeeded(db))) {
    process.stdout.write('Loading the demo data set (first start)…\n');
    printDemoLogins(await seedDemo(db, config));
  }
  const app = await createApp(config, db, logger);
  const server = app.express.listen(config.port, config.host, () => {
    const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
    process.stdout.write(`InsureDesk is running on ${embedded ? 'the embedded SQLite database' : 'MySQL'}: http://${shown}:${config.port}/  (GraphQL at /graphql)\n`);
    logger.info({ port: config.port, database: embedded ? 'sqlite' : 'mysql' }, 'listening');
  });
  // Escalations run inside the server every minute (tests start the app without them and call the job directly).
  const jobs = startJobs(db, config, logger);
  // Access review reminders and deadlines, likewise every minute.
  const reviewJobs = startAccessReviewJobs(db, logger);
  const shutdown = async () => {
    server.close();
    await jobs.stop();
    await reviewJobs.stop();
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
