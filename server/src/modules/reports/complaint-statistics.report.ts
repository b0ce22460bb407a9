import { comparison, periodFigures, type ComplaintStatistics, type ComplaintTotals } from './complaint-statistics';
import type { Locale, ReportCell, ReportChart, ReportDefinition, ReportTable } from './report-definition';
import { COMPLAINT_CATEGORY_LABELS as CATEGORY_LABELS, COMPLAINT_CHANNEL_LABELS as CHANNEL_LABELS, COMPLAINT_SEVERITY_LABELS as SEVERITY_LABELS } from '../complaints/complaint.labels';
import { CLOCK_LABELS, DEFINITIONS, label, METRIC_LABELS, WORDS } from './report-labels';
import { periodBounds, previousPeriod, yearAgoPeriod } from './report-period';
import { pct } from './report-stats';
import { ReportKind } from './report.enums';

/** Report 1, complaint statistics (投诉统计): the period, then the previous one and a year earlier for the changes. */

const OVERVIEW: Array<keyof ComplaintTotals> = [
  'received', 'accepted', 'notAccepted', 'closed', 'withdrawn', 'openAtEnd', 'regulatorTransferred', 'major', 'escalations', 'deadlinesBreached', 'handlingMean', 'satisfactionMean',
];
const SCORES = ['1', '2', '3', '4', '5'] as const;

type Labels = Record<string, { zh: string; en: string }>;

function countTable(key: string, heading: string, column: string, count: string, rows: Array<{ key: string; count: number }>, labels: Labels, locale: Locale): ReportTable {
  return { key, heading, columns: [column, count], rows: rows.map((r) => [label(labels, r.key, locale), r.count]) };
}

function tables(stats: ComplaintStatistics, locale: Locale): ReportTable[] {
  const w = (key: string) => label(WORDS, key, locale);
  const c = stats.current;
  const metric = (key: keyof ComplaintTotals) => label(METRIC_LABELS, key, locale);
  return [
    { key: 'overview', heading: w('overview'), columns: [w('metric'), w('value')], rows: OVERVIEW.map((k) => [metric(k), c.totals[k]]) },
    countTable('category', w('byCategory'), w('category'), w('count'), c.byCategory, CATEGORY_LABELS, locale),
    countTable('channel', w('byChannel'), w('channel'), w('count'), c.byChannel, CHANNEL_LABELS, locale),
    countTable('severity', w('bySeverity'), w('severity'), w('count'), c.bySeverity, SEVERITY_LABELS, locale),
    {
      key: 'branch',
      heading: w('byBranch'),
      columns: [w('branch'), w('received'), w('closed'), w('openAtEnd')],
      rows: c.byBranch.map((b) => [b.branchName, b.received, b.closed, b.openAtEnd]),
    },
    {
      key: 'handling',
      heading: w('handling'),
      columns: [w('closedCount'), w('mean'), w('median'), w('p90')],
      rows: [[c.handling.count, c.handling.mean, c.handling.median, c.handling.p90]],
    },
    {
      key: 'deadlines',
      heading: w('deadlines'),
      columns: [w('clock'), w('met'), w('breached'), w('running'), w('metRate'), w('breachedRate')],
      rows: c.deadlines.map((d) => [label(CLOCK_LABELS, d.clock, locale), d.met, d.breached, d.running, pct(d.metRate), pct(d.breachedRate)]),
    },
    {
      key: 'escalations',
      heading: w('escalations'),
      columns: [w('level'), w('count')],
      rows: [
        [w('warning'), c.escalations.warning],
        [w('breach'), c.escalations.breach],
        [w('compliance'), c.escalations.compliance],
        [w('total'), c.escalations.total],
        [w('escalatedComplaints'), c.escalations.complaints],
      ],
    },
    {
      key: 'satisfaction',
      heading: w('satisfaction'),
      columns: [w('score'), w('count')],
      rows: [...SCORES.map((s) => [s, c.satisfaction.distribution[s]] as ReportCell[]), [w('responses'), c.satisfaction.responses], [w('mean'), c.satisfaction.mean]],
    },
    {
      key: 'comparison',
      heading: w('comparison'),
      columns: [w('metric'), `${w('current')} ${c.period.label}`, `${w('previous')} ${stats.previous.period.label}`, w('change'), `${w('yearAgo')} ${stats.yearAgo.period.label}`, w('yoy')],
      rows: stats.comparison.map((r) => [metric(r.metric), r.previous.current, r.previous.previous, pct(r.previous.ratio) ?? r.previous.delta, r.yearAgo.previous, pct(r.yearAgo.ratio) ?? r.yearAgo.delta]),
    },
  ];
}

function charts(stats: ComplaintStatistics, locale: Locale): ReportChart[] {
  const w = (key: string) => label(WORDS, key, locale);
  const c = stats.current;
  const counts = (key: string, heading: string, rows: Array<{ key: string; count: number }>, labels: Labels): ReportChart => ({
    key,
    heading,
    labels: rows.map((r) => label(labels, r.key, locale)),
    series: [{ name: w('count'), values: rows.map((r) => r.count) }],
  });
  return [
    counts('category', w('byCategory'), c.byCategory, CATEGORY_LABELS),
    counts('channel', w('byChannel'), c.byChannel, CHANNEL_LABELS),
    counts('severity', w('bySeverity'), c.bySeverity, SEVERITY_LABELS),
    { key: 'branch', heading: w('byBranch'), labels: c.byBranch.map((b) => b.branchName), series: [{ name: w('received'), values: c.byBranch.map((b) => b.received) }] },
    { key: 'satisfaction', heading: w('satisfaction'), labels: [...SCORES], series: [{ name: w('count'), values: SCORES.map((s) => c.satisfaction.distribution[s]) }] },
  ];
}

export const complaintStatisticsReport: ReportDefinition<ComplaintStatistics> = {
  kind: ReportKind.complaint_statistics,
  title: { zh: '投诉统计报表', en: 'Complaint statistics' },
  slug: 'complaint-statistics',
  async compute(request, progress) {
    const { timezone, period, asOf } = request;
    const before = previousPeriod(period);
    const earlier = yearAgoPeriod(period);
    const [current, previous, yearAgo] = await periodFigures(
      request,
      [
        { period, bounds: request.bounds },
        { period: before, bounds: periodBounds(before, timezone) },
        { period: earlier, bounds: periodBounds(earlier, timezone) },
      ],
      progress,
    );
    return {
      kind: 'complaint_statistics',
      schemaVersion: 1,
      timezone,
      scope: { branchId: request.branchId, name: request.scopeName },
      generatedAt: asOf.toISOString(),
      current,
      previous: { period: before, totals: previous.totals },
      yearAgo: { period: earlier, totals: yearAgo.totals },
      comparison: comparison(current.totals, previous.totals, yearAgo.totals),
    };
  },
  tables,
  charts,
  definitions: DEFINITIONS,
};
