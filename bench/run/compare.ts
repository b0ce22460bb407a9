import path from 'node:path';
import { numberFlag, parseFlags } from '../args';
import { benchUrl, databaseName, loadFixture } from '../bench-db';
import { postGraphql, signInBoth, startApi } from './api-server';
import { SCENARIOS, scenarioParams } from './scenarios';
import { cpuMsOf, type Child } from './server';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

/**
 * npm run bench:compare -- --baseline <other checkout> [--database-url URL] [--requests 400] [--only <name>]
 *
 * The server CPU time per request of two builds, this checkout's and the baseline's (a checkout that
 * has run `npm run build:bench`), on the same data at the same time: both servers run side by side
 * and take the scenarios' requests one at a time in alternation, so the machine's other load and its
 * drift fall on both alike. A change worth less than the noise of two separate runs still shows.
 */
async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const baseline = flags.get('baseline');
  if (!baseline) throw new Error('--baseline <path of another checkout, built with npm run build:bench> is required');
  const url = benchUrl(flags.get('database-url'));
  const requests = numberFlag(flags, 'requests', 400);
  const only = flags.get('only');
  const fixture = loadFixture(url);
  const builds: Array<{ name: string; api: Child }> = [
    { name: 'baseline', api: await startApi(path.resolve(baseline, 'bench/.build/server/src/main.js'), url, fixture) },
    { name: 'this build', api: await startApi(path.join(ROOT, 'bench/.build/server/src/main.js'), url, fixture) },
  ];
  const tokens = await Promise.all(builds.map(({ api }) => signInBoth(api, fixture)));
  const params = scenarioParams(fixture);

  process.stdout.write(`Server CPU ms per request on ${databaseName(url)}, ${requests} requests each, one at a time, alternating (baseline: ${baseline})\n\n`);
  process.stdout.write('| operation | as | baseline | this build | change |\n|---|---|--:|--:|--:|\n');
  for (const scenario of SCENARIOS.filter((s) => !only || s.name.includes(only))) {
    for (const role of ['manager', 'compliance'] as const) {
      const body = { query: scenario.query, variables: scenario.variables(params[role]) };
      const send = (i: number) => postGraphql(builds[i].api, body, tokens[i][role]);
      for (let n = 0; n < 50; n++) await Promise.all([send(0), send(1)]); // warm-up
      // Each server's whole CPU time over the loop: what it spends after answering (GC, sockets) counts too.
      const before = builds.map(({ api }) => cpuMsOf(api.process.pid!));
      for (let n = 0; n < requests; n++) {
        for (const i of n % 2 ? [0, 1] : [1, 0]) await send(i);
      }
      const [a, b] = builds.map(({ api }, i) => (cpuMsOf(api.process.pid!) - before[i]) / requests);
      process.stdout.write(`| ${scenario.name} | ${role} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(((b - a) / a) * 100).toFixed(0)} % |\n`);
    }
  }
  await Promise.all(builds.map(({ api }) => api.stop()));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
