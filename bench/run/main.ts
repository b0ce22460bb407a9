import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { numberFlag, parseFlags } from '../args';
import { benchUrl, connectionOptions, databaseName, loadFixture } from '../bench-db';
import { drive, type LoadResult } from './load';
import { lastQuarter, timeApiReport, timeRawReport } from './report-scenario';
import { writeResultsMarkdown, type BenchRun, type ScenarioResult } from './results';
import { INQUIRY, SCENARIOS, scenarioParams, type Scenario } from './scenarios';
import { headersFor, postGraphql, signInBoth, startApi } from './api-server';
import { hostSpeed } from './host-speed';
import { cpuMsOf, startChild } from './server';

// Compiled to bench/.build/bench/run: the repository root is four levels up.
const ROOT = path.join(__dirname, '..', '..', '..', '..');
const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * npm run bench -- [--database-url URL] [--seconds 10] [--connections 20] [--reports 3] [--solo-seconds 3]
 *
 * Starts the built server on the seeded database as a child process (its RSS sampled apart from the
 * load generator's), signs in as a branch manager and as compliance, and drives each scenario with
 * autocannon; then drives the raw-SQL twin the same way. Writes bench/results/<database>.json and
 * regenerates bench/RESULTS.md from every results file.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const url = benchUrl(flags.get('database-url'));
  const seconds = numberFlag(flags, 'seconds', 10);
  const connections = numberFlag(flags, 'connections', 20);
  // SERVER_PROCESSES of the server under test: one Node process per core is how a deployment would run it.
  const processes = numberFlag(flags, 'server-processes', 1);
  const reportRuns = numberFlag(flags, 'reports', 3);
  // Then one client at a time: the cost of one request without queueing, the floor of every latency above.
  const soloSeconds = numberFlag(flags, 'solo-seconds', 3);
  // For investigating one operation: --only <part of its name> skips the others (and the report unless it matches), --cpu-prof profiles the server.
  const only = flags.get('only');
  const wanted = (name: string) => !only || name.includes(only);
  const fixture = loadFixture(url);
  const say = (text: string) => process.stderr.write(`${text}\n`);
  const loadBefore = os.loadavg();
  const speedBefore = await hostSpeed();
  const db = mysql.createPool({ ...connectionOptions(url, databaseName(url)), connectionLimit: 10 });
  const [[version]] = (await db.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp')) as unknown as [{ v: string; bp: number }[]];

  say(`starting the API server (${processes} process${processes > 1 ? 'es' : ''}) on ${databaseName(url)} (${fixture.size.policies.toLocaleString('en')} policies)`);
  const api = await startApi(path.join(ROOT, 'bench/.build/server/src/main.js'), url, fixture, [
    ...(flags.has('cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${flags.get('cpu-prof')}`] : []),
    // A deployment's heap cap (as NODE_OPTIONS would set it), to see what it does to memory and speed.
    ...(flags.has('max-old-space-mb') ? [`--max-old-space-size=${numberFlag(flags, 'max-old-space-mb', 0)}`] : []),
    // Any other V8/Node flags, e.g. --node-flags="--trace-gc" with --server-log <file> to read what the collector did.
    ...(flags.get('node-flags') ?? '').split(' ').filter(Boolean),
  ], processes, flags.get('server-log'));
  const rssIdle = api.rss.take().now;
  const post = (body: object, token?: string) => postGraphql(api, body, token);
  const tokens = await signInBoth(api, fixture);

  const params = scenarioParams(fixture);
  const raw = await startChild(path.join(ROOT, 'bench/.build/bench/run/raw-server.js'), { BENCH_DATABASE_URL: url, BENCH_RAW_PARAMS: JSON.stringify(params) }, '/ready');

  const results: ScenarioResult[] = [];
  const measure = async (scenario: Scenario, index: number, role: 'manager' | 'compliance', variables: Record<string, unknown>) => {
    if (!wanted(scenario.name)) return;
    const body = JSON.stringify({ query: scenario.query, variables });
    const rawUrl = `${raw.url}/raw/${index}/${role}`;
    const apiIds = scenario.apiIds(await post(JSON.parse(body), tokens[role]));
    const rawIds = scenario.rawIds(await (await fetch(rawUrl, { method: 'POST' })).json());
    say(`${scenario.name} as ${role}: ${apiIds.length} rows, ${sameIds(apiIds, rawIds) ? 'same rows as raw SQL' : 'ROWS DIFFER from raw SQL'}`);
    const spec = { connections, seconds };
    await drive({ ...spec, seconds: 2, url: `${api.url}/graphql`, headers: headersFor(tokens[role]), body }); // warm-up, not recorded
    api.rss.take();
    const cpuBefore = cpuMsOf(api.process.pid!);
    const apiLoad = await drive({ ...spec, url: `${api.url}/graphql`, headers: headersFor(tokens[role]), body });
    const apiCpuMs = (cpuMsOf(api.process.pid!) - cpuBefore) / Math.max(apiLoad.requests, 1);
    const rss = api.rss.take().peak;
    const rawLoad = await drive({ ...spec, url: rawUrl, headers: { 'content-type': 'application/json' }, body: '{}' });
    const solo = { connections: 1, seconds: soloSeconds };
    const apiSolo = await drive({ ...solo, url: `${api.url}/graphql`, headers: headersFor(tokens[role]), body });
    const rawSolo = await drive({ ...solo, url: rawUrl, headers: { 'content-type': 'application/json' }, body: '{}' });
    results.push({ name: scenario.name, role, rows: apiIds.length, sameRows: sameIds(apiIds, rawIds), api: apiLoad, raw: rawLoad, apiSolo, rawSolo, rssPeak: rss, apiCpuMs });
    say(`  API ${fmt(apiLoad)} | raw ${fmt(rawLoad)} | RSS ${(rss / 2 ** 20).toFixed(0)} MB | server CPU ${apiCpuMs.toFixed(2)} ms/request | one client: API p50 ${apiSolo.p50} ms, raw ${rawSolo.p50} ms`);
  };
  for (const [index, scenario] of SCENARIOS.entries()) {
    for (const role of ['manager', 'compliance'] as const) await measure(scenario, index, role, scenario.variables(params[role]));
  }
  const inquiryVars = { n: fixture.inquiry.policyNumber, i: fixture.inquiry.idNumber, q: fixture.inquiry.queryPassword };
  await measure(INQUIRY, SCENARIOS.length, 'manager', inquiryVars);

  const quarter = lastQuarter(new Date());
  const reportWanted = wanted('quarterly report');
  say(`quarterly complaint report ${quarter.year} Q${quarter.index}, company-wide, ${reportRuns} runs`);
  const report = await timeApiReport((query, variables) => post({ query, variables }, tokens.compliance), quarter, reportWanted ? reportRuns : 0, api.rss);
  const rawReport = await timeRawReport(db, quarter, reportWanted ? reportRuns : 0);
  say(`  API ${report.runs.map((t) => t.toFixed(0)).join(', ')} ms | raw SQL ${rawReport.map((t) => t.toFixed(0)).join(', ')} ms`);
  const [[{ received }]] = (await db.query('SELECT COUNT(*) AS received FROM complaint WHERE received_at >= ? AND received_at < ?', [quarter.from, quarter.to])) as unknown as [{ received: number }[]];

  const run: BenchRun = {
    database: databaseName(url),
    size: fixture.size,
    seedSeconds: fixture.seedSeconds,
    date: new Date().toISOString(),
    command: `npm run bench -- --database-url ${url.replace(/\/\/[^@]*@/, '//…@')} --seconds ${seconds} --connections ${connections} --reports ${reportRuns} --solo-seconds ${soloSeconds}${processes > 1 ? ` --server-processes ${processes}` : ''}${flags.has('max-old-space-mb') ? ` --max-old-space-mb ${flags.get('max-old-space-mb')}` : ''}${flags.has('node-flags') ? ` --node-flags="${flags.get('node-flags')}"` : ''}`,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, ramGb: Math.round(os.totalmem() / 2 ** 30), node: process.version,
      database: `MariaDB ${version.v}`, bufferPoolMb: Math.round(Number(version.bp) / 2 ** 20),
    },
    loadAverage: { before: loadBefore, after: os.loadavg() },
    hostSpeed: { before: speedBefore, after: await hostSpeed() },
    seconds,
    connections,
    rssIdle,
    scenarios: results,
    report: { quarter: `${quarter.year} Q${quarter.index}`, complaintsInQuarter: Number(received), api: report.runs, raw: rawReport, rssPeak: report.rssPeak },
  };
  await api.stop();
  await raw.stop();
  await db.end();
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  // A partial run (--only) is for investigation: it does not replace the recorded results.
  if (only) {
    say(JSON.stringify(run.scenarios.map((s) => ({ name: s.name, role: s.role, api: s.api, raw: s.raw, rss: s.rssPeak }))));
    return;
  }
  fs.writeFileSync(path.join(dir, `${run.database}.json`), `${JSON.stringify(run, null, 2)}\n`);
  writeResultsMarkdown(dir, path.join(ROOT, 'bench/RESULTS.md'));
  say(`results: bench/results/${run.database}.json, bench/RESULTS.md`);
}

const fmt = (r: LoadResult) => `${r.throughput.toFixed(0)} req/s p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms${r.errors ? ` ${r.errors} errors, first: ${r.firstError}` : ''}`;

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
