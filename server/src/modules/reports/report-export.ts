import ExcelJS from 'exceljs';
import type { PrintableDocument, PrintableSection } from '../../documents/printable';
import type { ComplaintStatistics, ComplaintTotals } from './complaint-statistics';
import type { ComplianceReport } from './compliance-report.entity';
import { CATEGORY_LABELS, CHANNEL_LABELS, CLOCK_LABELS, DEFINITIONS, label, METRIC_LABELS, SEVERITY_LABELS, WORDS, type Locale } from './report-labels';

/**
 * A snapshot's content as tables, once, for every export: the XLSX has one sheet per table, the PDF
 * one section per table (with a bar chart where one helps). Only the stored content is used, so an
 * export shows exactly what was generated.
 */
type Cell = string | number | null;

export interface ReportTable {
  key: string;
  heading: string;
  columns: string[];
  rows: Cell[][];
  chart?: { labels: string[]; values: number[] };
}

const pct = (value: number | null) => (value === null ? null : `${(value * 100).toFixed(0)}%`);
const text = (cell: Cell) => (cell === null ? '—' : String(cell));

export function reportMeta(report: ComplianceReport, locale: Locale, timezone: string): Array<[string, string]> {
  const w = (key: string) => label(WORDS, key, locale);
  const at = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' }).format(report.generatedAt);
  return [
    [w('period'), `${report.periodLabel}（${report.periodFrom} ~ ${report.periodTo}）`],
    [w('scope'), report.scopeName],
    [w('snapshot'), `#${report.id}`],
    [w('generatedBy'), report.generatedByName],
    [w('generatedAt'), at],
    [w('hash'), report.contentHash],
  ];
}

export function reportTables(stats: ComplaintStatistics, locale: Locale): ReportTable[] {
  const w = (key: string) => label(WORDS, key, locale);
  const c = stats.current;
  const metric = (key: keyof ComplaintTotals) => label(METRIC_LABELS, key, locale);
  const overviewKeys: Array<keyof ComplaintTotals> = ['received', 'accepted', 'notAccepted', 'closed', 'withdrawn', 'openAtEnd', 'regulatorTransferred', 'major', 'escalations', 'deadlinesBreached', 'handlingMean', 'satisfactionMean'];
  const counts = (key: string, heading: string, column: string, rows: Array<{ key: string; count: number }>, labels: Record<string, { zh: string; en: string }>): ReportTable => ({
    key,
    heading,
    columns: [column, w('count')],
    rows: rows.map((r) => [label(labels, r.key, locale), r.count]),
    chart: { labels: rows.map((r) => label(labels, r.key, locale)), values: rows.map((r) => r.count) },
  });
  const scores = ['1', '2', '3', '4', '5'] as const;
  return [
    { key: 'overview', heading: w('overview'), columns: [w('metric'), w('value')], rows: overviewKeys.map((k) => [metric(k), c.totals[k]]) },
    counts('category', w('byCategory'), w('category'), c.byCategory, CATEGORY_LABELS),
    counts('channel', w('byChannel'), w('channel'), c.byChannel, CHANNEL_LABELS),
    counts('severity', w('bySeverity'), w('severity'), c.bySeverity, SEVERITY_LABELS),
    {
      key: 'branch',
      heading: w('byBranch'),
      columns: [w('branch'), w('received'), w('closed'), w('openAtEnd')],
      rows: c.byBranch.map((b) => [b.branchName, b.received, b.closed, b.openAtEnd]),
      chart: { labels: c.byBranch.map((b) => b.branchName), values: c.byBranch.map((b) => b.received) },
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
      rows: [...scores.map((s) => [s, c.satisfaction.distribution[s]] as Cell[]), [w('responses'), c.satisfaction.responses], [w('mean'), c.satisfaction.mean]],
      chart: { labels: [...scores], values: scores.map((s) => c.satisfaction.distribution[s]) },
    },
    {
      key: 'comparison',
      heading: w('comparison'),
      columns: [w('metric'), `${w('current')} ${c.period.label}`, `${w('previous')} ${stats.previous.period.label}`, w('change'), `${w('yearAgo')} ${stats.yearAgo.period.label}`, w('yoy')],
      rows: stats.comparison.map((r) => [metric(r.metric), r.previous.current, r.previous.previous, pct(r.previous.ratio) ?? r.previous.delta, r.yearAgo.previous, pct(r.yearAgo.ratio) ?? r.yearAgo.delta]),
    },
  ];
}

export async function reportXlsx(report: ComplianceReport, stats: ComplaintStatistics, locale: Locale, timezone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'InsureDesk';
  book.created = report.generatedAt;
  const about = book.addWorksheet(label(WORDS, 'title', locale));
  about.addRow([label(WORDS, 'title', locale)]).font = { bold: true, size: 14 };
  for (const [k, v] of reportMeta(report, locale, timezone)) about.addRow([k, v]);
  about.addRow([]);
  about.addRow([label(WORDS, 'definitions', locale)]).font = { bold: true };
  for (const line of DEFINITIONS[locale]) about.addRow([line]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 70;
  for (const table of reportTables(stats, locale)) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = book.addWorksheet(table.heading.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === null ? '—' : cell)));
    table.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 0 ? 30 : 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reportDocument(report: ComplianceReport, stats: ComplaintStatistics, locale: Locale, timezone: string): PrintableDocument {
  const sections: PrintableSection[] = reportTables(stats, locale).map((t) => {
    const section: PrintableSection = { heading: t.heading, table: { columns: t.columns, rows: t.rows.map((r) => r.map(text)) } };
    if (t.chart && t.chart.values.some((v) => v > 0)) section.chart = { kind: 'bar', labels: t.chart.labels, values: t.chart.values };
    return section;
  });
  sections.push({ heading: label(WORDS, 'definitions', locale), paragraphs: DEFINITIONS[locale] });
  return {
    title: label(WORDS, 'title', locale),
    subtitle: `${report.scopeName} · ${report.periodLabel}`,
    meta: reportMeta(report, locale, timezone),
    sections,
    footer: `${label(WORDS, 'footer', locale)} #${report.id}`,
  };
}
