import { openRuntime } from '../bootstrap';
import { runCli } from './run';

/** `npm run migration:run` applies pending migrations; `npm run migration:revert` undoes the last one. */
runCli(async () => {
  const direction = process.argv[2];
  if (direction !== 'up' && direction !== 'down') throw new Error('usage: migrate up|down');
  const { db } = await openRuntime({ migrate: false });
  try {
    if (direction === 'up') {
      const applied = await db.runMigrations({ transaction: 'each' });
      process.stdout.write(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'Nothing to apply: the schema is up to date.\n');
    } else {
      await db.undoLastMigration({ transaction: 'each' });
      process.stdout.write('Reverted the last migration.\n');
    }
  } finally {
    await db.destroy();
  }
});
