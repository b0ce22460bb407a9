import fs from 'node:fs';
import path from 'node:path';
import type { HostSpeed } from './host-speed';
import type { LoadResult } from './load';

export interface ScenarioResult {
  name: string;
  role: string;
  rows: number;
  sameRows: boolean;
  api: LoadResult;
  raw: LoadResult;
  /** The same with one client at a time. */
  apiSolo: LoadResult;
  rawSolo: LoadResult;
  rssPeak: number;
  /** Server CPU time (user + system) per request under the 20-client load, in ms. */
  apiCpuMs?: number;
}

export interface BenchRun {
  database: string;
  size: { customers: number; policies: number; complaints: number; inspections: number };
  seedSeconds: number;
  date: string;
  command: string;
  machine: { cpu: string; cores: number; ramGb: number; node: string; database: string; bufferPoolMb: number };
  loadAverage: { before: number[]; after: number[] };
  /** The same fixed work timed before and after (bench/run/host-speed.ts): lower is a faster host. */
  hostSpeed?: { before: HostSpeed; after: HostSpeed };
  seconds: number;
  connections: number;
  rssIdle: number;
  scenarios: ScenarioResult[];
  report: { quarter: string; complaintsInQuarter: number; api: number[]; raw: number[]; rssPeak: number };
}

const n = (v: number) => v.toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (v: number) => (Number.isFinite(v) ? `${v}` : '–');
const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ok = (yes: boolean) => (yes ? '✅' : '❌');
const isList = (s: ScenarioResult) => !s.name.startsWith('verified');

function runSection(run: BenchRun): string {
  const lines = [
    `### ${n(run.size.policies)} policies`,
    '',
    `Data: ${n(run.size.customers)} customers, ${n(run.size.policies)} policies, ${n(run.size.complaints)} complaints, ${n(run.size.inspections)} inspections (database \`${run.database}\`, seeded in ${run.seedSeconds} s).  `,
    `Run: ${run.date}, \`${run.command}\`, ${run.connections} concurrent clients, ${run.seconds} s per measurement (after 2 s of warm-up); latencies in ms.  `,
    `Load average (1/5/15 min) before: ${load(run.loadAverage.before)}, after: ${load(run.loadAverage.after)}. Server RSS idle after sign-in: ${mb(run.rssIdle)}.` +
      (run.hostSpeed ? ` Host speed (fixed work, bench/run/host-speed.ts; lower is faster), before / after: CPU ${run.hostSpeed.before.cpuMs} / ${run.hostSpeed.after.cpuMs} ms, 2,000 loopback round trips ${run.hostSpeed.before.loopbackMs} / ${run.hostSpeed.after.loopbackMs} ms.` : ''),
    '',
    `| operation | as | rows | same rows | API req/s | API p50 | API p95 | API p99 | raw req/s | raw p50 | raw p95 | raw p99 | p50 API/raw | server RSS peak | server CPU per request | 1 client: API p50 | 1 client: raw p50 |`,
    '|---|---|--:|:-:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const s of run.scenarios) {
    lines.push(
      `| ${s.name} | ${s.role} | ${s.rows} | ${ok(s.sameRows)} | ${s.api.throughput.toFixed(0)} | ${ms(s.api.p50)} | ${ms(s.api.p95)} | ${ms(s.api.p99)} | ${s.raw.throughput.toFixed(0)} | ${ms(s.raw.p50)} | ${ms(s.raw.p95)} | ${ms(s.raw.p99)} | ${(s.api.p50 / Math.max(s.raw.p50, 0.1)).toFixed(1)}× | ${mb(s.rssPeak)} | ${s.apiCpuMs === undefined ? '—' : `${s.apiCpuMs.toFixed(2)} ms`} | ${ms(s.apiSolo?.p50 ?? NaN)} | ${ms(s.rawSolo?.p50 ?? NaN)} |` +
        (s.api.errors || s.raw.errors ? ` errors: API ${s.api.errors}, raw ${s.raw.errors}${s.api.firstError ? ` (first: ${s.api.firstError.replace(/[|\n]/g, " ")})` : ''}` : ''),
    );
  }
  const r = run.report;
  lines.push(
    '',
    `Quarterly complaint report (${r.quarter}, company-wide, as compliance; ${n(r.complaintsInQuarter)} complaints received in the quarter, ${n(run.size.complaints)} in the table): ` +
      `generate + wait for the job ${r.api.map((t) => `${t.toFixed(0)} ms`).join(', ')} (median ${median(r.api).toFixed(0)} ms); ` +
      `hand-written aggregate SQL ${r.raw.map((t) => `${t.toFixed(0)} ms`).join(', ')}; server RSS peak ${mb(r.rssPeak)}.`,
    '',
  );
  return lines.join('\n');
}

function targets(run: BenchRun): string {
  const lists = run.scenarios.filter(isList);
  const worstP95 = Math.max(...lists.map((s) => s.api.p95));
  const worstRatio = Math.max(...lists.map((s) => s.api.p50 / Math.max(s.raw.p50, 0.1)));
  const rss = Math.max(...lists.map((s) => s.rssPeak), run.report.rssPeak);
  const inquiryRss = Math.max(0, ...run.scenarios.filter((s) => !isList(s)).map((s) => s.rssPeak));
  const report = median(run.report.api);
  return [
    `## Targets at ${n(run.size.policies)} policies (${run.machine.cores} cores)`,
    '',
    '| target | measured | met |',
    '|---|---|:-:|',
    `| every list/show p95 < 50 ms at ${run.connections} clients | worst p95 ${worstP95} ms (${lists.find((s) => s.api.p95 === worstP95)?.name}, ${lists.find((s) => s.api.p95 === worstP95)?.role}) | ${ok(worstP95 < 50)} |`,
    `| API p50 within 2× raw SQL | worst ${worstRatio.toFixed(1)}× | ${ok(worstRatio <= 2)} |`,
    `| quarterly report over ${n(run.size.complaints)} complaints < 2 s | median ${report.toFixed(0)} ms | ${ok(report < 2000)} |`,
    `| server RSS < 400 MB under load | peak ${mb(rss)} over the lists, pages and report; ${mb(inquiryRss)} during the inquiries (scrypt) | ${ok(rss < 400 * 2 ** 20)} / ${ok(inquiryRss < 400 * 2 ** 20)} |`,
    `| bounded SQL queries per request (no N+1) | tests/api/query-count.test.ts | see the test |`,
    '',
  ].join('\n');
}

function scaling(runs: BenchRun[]): string {
  const header = runs.map((r) => n(r.size.policies));
  const lines = [
    '## Scaling: API p50 / p95 (ms) and req/s by data size',
    '',
    `| operation | as | ${header.map((h) => `${h} policies`).join(' | ')} |`,
    `|---|---|${header.map(() => '--:').join('|')}|`,
  ];
  for (const s of runs[0].scenarios) {
    const cells = runs.map((r) => {
      const m = r.scenarios.find((x) => x.name === s.name && x.role === s.role);
      return m ? `${m.api.p50} / ${m.api.p95} (${m.api.throughput.toFixed(0)}/s; raw ${m.raw.p50} / ${m.raw.p95})` : '–';
    });
    lines.push(`| ${s.name} | ${s.role} | ${cells.join(' | ')} |`);
  }
  lines.push(`| quarterly report (median, ms) | compliance | ${runs.map((r) => `${median(r.report.api).toFixed(0)} (raw ${median(r.report.raw).toFixed(0)})`).join(' | ')} |`);
  lines.push(`| server RSS peak | | ${runs.map((r) => mb(Math.max(...r.scenarios.map((s) => s.rssPeak), r.report.rssPeak))).join(' | ')} |`);
  lines.push(`| seed time | | ${runs.map((r) => `${r.seedSeconds} s`).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** bench/RESULTS.md from every bench/results/*.json, smallest data set first, plus the hand-written notes. */
export function writeResultsMarkdown(dir: string, file: string): void {
  const runs = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BenchRun)
    .sort((a, b) => a.size.policies - b.size.policies);
  if (!runs.length) return;
  const largest = runs[runs.length - 1];
  const m = largest.machine;
  const notesFile = path.join(path.dirname(file), 'NOTES.md');
  const out = [
    '# InsureDesk benchmark results',
    '',
    'Generated by `npm run bench` (see bench/README.md); do not edit by hand — the analysis is in bench/NOTES.md, appended below.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.database} (InnoDB buffer pool ${m.bufferPoolMb} MB), database and server on the same machine, load over loopback.`,
    '',
    targets(largest),
    scaling(runs),
    '## Runs',
    '',
    ...runs.map(runSection),
    fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : '',
  ];
  fs.writeFileSync(file, out.join('\n'));
}
