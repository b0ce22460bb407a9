import { openRuntime } from '../bootstrap';
import { isSeeded, seedDemo } from '../seed/demo';
import { printDemoLogins } from '../seed/print-logins';
import { runCli } from './run';

/** `npm run seed:demo [-- --customers N --policies N]`: loads the demo data set once. */
runCli(async () => {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const { db, config } = await openRuntime();
  try {
    if (await isSeeded(db)) {
      process.stdout.write('The demo data set is already loaded (a staff member named "agent" exists); nothing done.\n');
      return 0;
    }
    printDemoLogins(await seedDemo(db, config, { customers: arg('customers'), policies: arg('policies') }));
    return 0;
  } finally {
    await db.destroy();
  }
});
