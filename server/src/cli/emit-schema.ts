import fs from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../graphql/schema';
import { runCli } from './run';

/** `npm run schema:emit`: writes the SDL to schema/schema.graphql (a test fails when it drifts). */
export const SCHEMA_FILE = path.resolve(__dirname, '../../../../../schema/schema.graphql');

runCli(async () => {
  fs.writeFileSync(SCHEMA_FILE, await printAppSchema());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
});
