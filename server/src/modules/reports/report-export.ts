import ExcelJS from 'exceljs';
import type { PrintableDocument, PrintableSection } from '../../documents/printable';
import type { ComplianceReport } from './compliance-report.entity';
import type { Locale, ReportCell, ReportChart, ReportContent, ReportDefinition, ReportTable } from './report-definition';
import { label, WORDS } from './report-labels';
import { localDateTimeText } from '../../time/local-date';

/**
 * A snapshot's exports, for every kind alike: the definition turns the stored content into tables and
 * charts once, and the XLSX has one sheet per table, the PDF one section per table with its bar chart.
 * Only the stored content is used, so an export shows exactly what was generated.
 */
const text = (cell: ReportCell) => (cell === null ? '—' : String(cell));

export interface RenderedReport {
  tables: ReportTable[];
  charts: ReportChart[];
}

/** The tables and charts of a snapshot as the console, the XLSX and the PDF show them. */
export function renderReport(definition: ReportDefinition, report: ComplianceReport, locale: Locale): RenderedReport {
  const content = JSON.parse(report.content) as ReportContent;
  return { tables: definition.tables(content, locale), charts: definition.charts?.(content, locale) ?? [] };
}

export function reportMeta(report: ComplianceReport, locale: Locale, timezone: string): Array<[string, string]> {
  const w = (key: string) => label(WORDS, key, locale);
  const at = localDateTimeText(report.generatedAt, timezone, locale === 'zh' ? 'zh-CN' : 'en-GB');
  return [
    [w('period'), `${report.periodLabel}（${report.periodFrom} ~ ${report.periodTo}）`],
    [w('scope'), report.scopeName],
    [w('snapshot'), `#${report.id}`],
    [w('generatedBy'), report.generatedByName],
    [w('generatedAt'), at],
    [w('hash'), report.contentHash],
  ];
}

export async function reportXlsx(definition: ReportDefinition, report: ComplianceReport, locale: Locale, timezone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'InsureDesk';
  book.created = report.generatedAt;
  const title = definition.title[locale];
  const about = book.addWorksheet(title.slice(0, 31));
  about.addRow([title]).font = { bold: true, size: 14 };
  for (const [k, v] of reportMeta(report, locale, timezone)) about.addRow([k, v]);
  const definitions = definition.definitions?.[locale] ?? [];
  if (definitions.length) {
    about.addRow([]);
    about.addRow([label(WORDS, 'definitions', locale)]).font = { bold: true };
    for (const line of definitions) about.addRow([line]);
  }
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 70;
  const used = new Set([about.name]);
  for (const table of renderReport(definition, report, locale).tables) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ], and unique.
    let name = table.heading.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${table.heading.slice(0, 27)} (${n})`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === null ? '—' : cell)));
    table.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 0 ? 30 : 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The printable bar chart of a chart's first series; none when it is all zero (an empty chart says nothing). */
function printableChart(chart: ReportChart | undefined): PrintableSection['chart'] {
  const values = chart?.series[0]?.values;
  if (!chart || !values || !values.some((v) => v > 0)) return undefined;
  return { kind: 'bar', labels: chart.labels, values };
}

export function reportDocument(definition: ReportDefinition, report: ComplianceReport, locale: Locale, timezone: string): PrintableDocument {
  const { tables, charts } = renderReport(definition, report, locale);
  const chartOf = new Map(charts.map((c) => [c.key, c]));
  const sections: PrintableSection[] = tables.map((t) => {
    const section: PrintableSection = { heading: t.heading, table: { columns: t.columns, rows: t.rows.map((r) => r.map(text)) } };
    const chart = printableChart(chartOf.get(t.key));
    if (chart) section.chart = chart;
    return section;
  });
  // A chart without a table of its own gets a section to itself.
  const tableKeys = new Set(tables.map((t) => t.key));
  for (const c of charts.filter((c) => !tableKeys.has(c.key))) {
    const chart = printableChart(c);
    if (chart) sections.push({ heading: c.heading, chart });
  }
  const definitions = definition.definitions?.[locale] ?? [];
  if (definitions.length) sections.push({ heading: label(WORDS, 'definitions', locale), paragraphs: definitions });
  return {
    title: definition.title[locale],
    subtitle: `${report.scopeName} · ${report.periodLabel}`,
    meta: reportMeta(report, locale, timezone),
    sections,
    footer: `${definition.title[locale]} · ${label(WORDS, 'immutable', locale)} #${report.id}`,
  };
}
