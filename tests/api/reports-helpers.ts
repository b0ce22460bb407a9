// Shared by the reports-* suites: generating a report of any kind, waiting for its job, reading the
// snapshot with its rendered tables, and downloading and parsing its exports.
import ExcelJS from 'exceljs';
import type { GqlClient } from '../support/client';
import { pdfText } from '../support/pdf-text';
import type { TestServer } from '../support/test-server';

export const GENERATE = `mutation Gen($kind: ReportKind!, $period: ReportPeriodInput!, $branchId: ID) {
  generateReport(kind: $kind, period: $period, branchId: $branchId) { id kind status progress reportId error }
}`;
export const JOB = `query Job($id: ID!) { reportJob(id: $id) { id status progress reportId error } }`;
export const REPORT = `query R($id: ID!, $locale: ReportLocale) { ComplianceReport(id: $id) { id kind periodKind periodFrom periodTo periodLabel branchId scopeName
  contentHash hashVerified generatedByName generatedAt content
  tables(locale: $locale) { key heading columns rows } charts(locale: $locale) { key heading labels series { name values } } } }`;
export const LIST = `query L($filter: ComplianceReportFilter) { allComplianceReports(perPage: 100, filter: $filter) { id kind branchId periodLabel contentHash generatedByName }
  _allComplianceReportsMeta(filter: $filter) { count } }`;

export interface RenderedTable {
  key: string;
  heading: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface Snapshot {
  id: string;
  kind: string;
  branchId: string | null;
  periodLabel: string;
  scopeName: string;
  contentHash: string;
  hashVerified: boolean;
  // The content's shape is the kind's: each suite reads the fields it checks.
  content: Record<string, any>;
  tables: RenderedTable[];
  charts: Array<{ key: string; heading: string; labels: string[]; series: Array<{ name: string; values: number[] }> }>;
  [field: string]: unknown;
}

export async function waitForJob(client: GqlClient, id: string) {
  for (let i = 0; i < 600; i++) {
    const { reportJob } = await client.ok<{ reportJob: { status: string; progress: number; reportId: string | null; error: string | null } }>(JOB, { id });
    if (reportJob.status === 'done' || reportJob.status === 'failed') return reportJob;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the report job did not finish');
}

/** Generates a report, waits for it, and returns the snapshot with its tables (in `locale`). */
export async function generate(client: GqlClient, kind: string, period: Record<string, unknown>, branchId?: string, locale = 'zh'): Promise<Snapshot> {
  const { generateReport: job } = await client.ok<{ generateReport: { id: string; kind: string; status: string } }>(GENERATE, { kind, period, branchId });
  expect(job.kind).toBe(kind);
  expect(['queued', 'running', 'done']).toContain(job.status);
  const done = await waitForJob(client, job.id);
  expect(done).toMatchObject({ status: 'done', progress: 100, error: null });
  return (await client.ok<{ ComplianceReport: Snapshot }>(REPORT, { id: done.reportId, locale })).ComplianceReport;
}

export function download(server: TestServer, path: string, token: string | null): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** A table of a snapshot by key, with its heading and columns as the first row: as an XLSX sheet reads. */
export function tableOf(report: Snapshot, key: string): Array<Array<string | number | null>> {
  const table = report.tables.find((t) => t.key === key);
  if (!table) throw new Error(`no table ${key}: ${report.tables.map((t) => t.key).join(', ')}`);
  return [table.columns, ...table.rows];
}

/** The sheets of an XLSX download, each as rows of cell values. */
export async function xlsxSheets(res: Response): Promise<Map<string, unknown[][]>> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.arrayBuffer()) as never);
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of book.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

export function sheet(sheets: Map<string, unknown[][]>, name: string): unknown[][] {
  const rows = sheets.get(name);
  if (!rows) throw new Error(`no sheet ${name}: ${[...sheets.keys()].join(', ')}`);
  return rows;
}

/** The text of a PDF download, runs of spaces folded. */
export async function pdfOf(res: Response): Promise<{ bytes: Buffer; text: string }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  return { bytes, text: (await pdfText(bytes)).replace(/[ \t]+/g, ' ') };
}
