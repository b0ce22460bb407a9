// Property-based fuzz of every mutation in the schema, as every role: whatever the input, the answer is
// data or a clear refusal, never INTERNAL nor a stack trace, SQL or driver text; a refused mutation writes
// nothing (row counts unchanged outside the trails that record refusals) and the audit chain stays whole.
// Bounded: a fixed seed (FUZZ_SEED to explore others) and FUZZ_RUNS runs per mutation (default 12, two per role), under a minute per database.
import fc from 'fast-check';
import { getNamedType, getNullableType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { appSchema } from '../../server/src/graphql/schema';
import { verifyAuditChain } from '../../server/src/modules/audit/audit-verify';
import { ROLES, signInAll, type Fixture } from '../api/access-helpers';
import type { GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { LogCapture } from './support/canary';
import { anyShape } from './support/fuzz-inputs';
import { documentFor, rootFields, sampleValue } from './support/schema-walk';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const JUNK_IDS = ['x', ' 1', '9007199254740993', '1.5'];
// Ends the session the other runs use; the others run.
const SKIPPED = new Set(['logout']);
// Tables that record a refusal by design: the audit trail, sign-in sessions and the inquiry log and lock.
const TRAILS = new Set(['audit_entry', 'audit_chain_head', 'audit_verification_run', 'inquiry_log', 'inquiry_lock', 'staff_session']);
// What a driver, the ORM or the runtime would say (TypeORM writes SQL in capitals; driver codes are capitals).
const LEAKY = /\bat \S+\.(ts|js):\d+|QueryFailedError|\bSQLITE_[A-Z]+|\bER_[A-Z_]{4,}\b|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b|TypeError|ReferenceError|Cannot read propert|is not a function|\bundefined is not\b|"stacktrace"/;

describe('red team: fuzzing every mutation', () => {
  let server: TestServer;
  let f: Fixture;
  let countSql: string;
  // The server's log: an INTERNAL answer is reported with the cause logged under its request id.
  const logs = new LogCapture();
  const causeOf = (result: GqlResult) => {
    const id = result.errors?.find((e) => e.extensions?.code === 'INTERNAL')?.extensions?.requestId;
    return logs.lines.find((line) => id && line.includes(id) && line.includes('"error"'))?.slice(0, 600) ?? '';
  };
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 }, logger: logs.logger });
    f = await signInAll(server);
    const tables = server.db.entityMetadatas.map((m) => m.tableName).filter((t) => !TRAILS.has(t)).sort();
    countSql = tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM ${t}`).join(' UNION ALL ');
  });
  afterAll(() => server.stop());

  const counts = async () => Object.fromEntries(((await server.db.query(countSql)) as { t: string; n: number | string }[]).map((r) => [r.t, Number(r.n)]));

  it('answers every input with data or a clear refusal, and a refusal writes nothing', async () => {
    const schema = await appSchema();
    const mutations = rootFields(schema, 'mutation').filter((m) => !SKIPPED.has(m.name));
    expect(mutations.length).toBeGreaterThan(80);
    const problems: string[] = [];
    const outcomes = { answered: 0, refused: 0 };
    let before = await counts();
    for (const [index, mutation] of mutations.entries()) {
      const document = documentFor('mutation', mutation, 0);
      // Required arguments are always sent (mostly well-shaped), so most runs reach the resolver rather than GraphQL's own checks.
      const required = mutation.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
      const variables = fc.record(Object.fromEntries(mutation.args.map((a) => [a.name, anyShape(a.type)])), { requiredKeys: required });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          const role = ROLES[run++ % ROLES.length];
          const result: GqlResult = await f.clients[role].request(document, vars as Record<string, unknown>);
          const text = JSON.stringify(result.errors ?? []);
          const where = `${mutation.name} as ${role} with ${JSON.stringify(vars).slice(0, 300)}`;
          if (result.status >= 500) problems.push(`HTTP ${result.status}: ${where}`);
          if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL')) problems.push(`INTERNAL: ${where} — ${causeOf(result)}`);
          if (LEAKY.test(text)) problems.push(`leaky error ${text.slice(0, 300)}: ${where}`);
          const after = await counts();
          if (result.errors?.length) {
            outcomes.refused += 1;
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            if (changed.length) problems.push(`refused but wrote ${changed.join(', ')}: ${where}`);
          } else {
            outcomes.answered += 1;
          }
          before = after;
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    }
    console.info(`fuzz: ${mutations.length} mutations, ${RUNS} runs each: ${outcomes.answered} answered, ${outcomes.refused} refused`);
    expect(problems).toEqual([]);
    // The fuzz reached past validation: some inputs were accepted, most refused.
    expect(outcomes.refused).toBeGreaterThan(mutations.length);
    expect(outcomes.answered).toBeGreaterThan(0);
    // Read from the database: the fuzz, run as the administrator, may well have taken compliance's role away.
    const chain = await verifyAuditChain(server.db);
    if (!chain.ok) console.info('BROKEN', JSON.stringify(await server.db.query('SELECT * FROM audit_entry WHERE id = ?', [chain.firstBrokenId])));
    expect(chain).toMatchObject({ ok: true, problem: null });
  }, 240_000);

  it('answers junk ids in every query argument and list filter without INTERNAL', async () => {
    const schema = await appSchema();
    const problems: string[] = [];
    for (const query of rootFields(schema, 'query')) {
      const idArgs = query.args.filter((a) => getNamedType(a.type).name === 'ID');
      const filterArg = query.args.find((a) => a.name === 'filter');
      const filterType = filterArg && getNamedType(filterArg.type);
      const idFilters = filterType && isInputObjectType(filterType) ? Object.values(filterType.getFields()).filter((x) => getNamedType(x.type).name === 'ID') : [];
      if (!idArgs.length && !idFilters.length) continue;
      const required = query.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const args = [...new Set([...required, ...idArgs, ...(filterArg && idFilters.length ? [filterArg] : [])])];
      for (const junk of JUNK_IDS) {
        const variables: Record<string, unknown> = Object.fromEntries(required.map((a) => [a.name, sampleValue(schema, a.type, a.name)]));
        for (const a of idArgs) variables[a.name] = isListType(getNullableType(a.type)) ? [junk] : junk;
        if (idFilters.length) variables.filter = Object.fromEntries(idFilters.map((x) => [x.name, isListType(getNullableType(x.type)) ? [junk] : junk]));
        for (const role of ['manager', 'compliance', 'admin'] as const) {
          const result = await f.clients[role].request(documentFor('query', query, 0, args), variables);
          if (result.status >= 500 || result.errors?.some((e) => e.extensions?.code === 'INTERNAL')) problems.push(`${query.name} as ${role} with ${JSON.stringify(variables)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
