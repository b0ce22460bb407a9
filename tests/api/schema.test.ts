import fs from 'node:fs';
import path from 'node:path';
import { appSchema, printAppSchema } from '../../server/src/graphql/schema';

// schema/schema.graphql is the committed contract with the console and other clients: it must be
// exactly what the server serves, so an API change shows up in review as a change to that file.

const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');
const FIX = 'run `npm run schema:emit` and commit schema/schema.graphql';

describe('the committed GraphQL schema', () => {
  it('equals the SDL the server builds', async () => {
    if (!fs.existsSync(SCHEMA_FILE)) throw new Error(`schema/schema.graphql is missing: ${FIX}`);
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    const built = await printAppSchema();
    if (committed !== built) {
      const a = committed.split('\n');
      const b = built.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      const at = line < 0 ? a.length : line;
      throw new Error(
        `schema/schema.graphql has drifted from the code: ${FIX}.\n` +
          `First difference at line ${at + 1}:\n  committed: ${JSON.stringify(a[at] ?? '(end of file)')}\n  server:    ${JSON.stringify(b[at] ?? '(end of file)')}`,
      );
    }
    expect(committed).toBe(built);
  });

  it('holds the operations every client relies on, with the names and arguments of DESIGN.md', async () => {
    const schema = await appSchema();
    const args = (type: 'Query' | 'Mutation', field: string) => {
      const found = (type === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field];
      if (!found) throw new Error(`${type}.${field} is missing from the schema`);
      return found.args.map((a) => a.name).sort();
    };
    expect(args('Mutation', 'login')).toEqual(['otp', 'password', 'username']);
    expect(args('Mutation', 'logout')).toEqual([]);
    expect(args('Mutation', 'reveal')).toEqual(['field', 'id', 'reason', 'type']);
    expect(args('Query', 'me')).toEqual([]);
    expect(args('Query', 'verifyAuditChain')).toEqual([]);
    for (const [type, plural] of [['Customer', 'Customers'], ['Policy', 'Policies']]) {
      for (const list of [`all${plural}`, `_all${plural}Meta`]) {
        expect(args('Query', list)).toEqual(expect.arrayContaining(['filter', 'page', 'perPage', 'sortField', 'sortOrder']));
      }
      expect(args('Query', type)).toEqual(['id']);
      expect(args('Mutation', `update${type}`)).toEqual(expect.arrayContaining(['id', 'version']));
      expect(args('Mutation', `delete${type}`)).toEqual(['id']);
      args('Mutation', `create${type}`);
    }
  });
});
