import { graphqlRequest } from '../graphql/request';

/** The kinds of compliance report, in the order the form offers them (server: ReportKind). */
export const REPORT_KINDS = ['complaint_statistics', 'quality_summary', 'inquiry_security', 'access_review_evidence'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportSummary {
  id: string;
  kind: ReportKind;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  branchId: string | null;
  scopeName: string;
  contentHash: string;
  generatedByName: string;
  generatedAt: string;
}

/** A cell as the exports show it: a number, text, or null for "no figure". */
export type ReportCell = string | number | null;

export interface ReportTable {
  key: string;
  heading: string;
  columns: string[];
  rows: ReportCell[][];
}

export interface ReportChart {
  key: string;
  heading: string;
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
}

/** One snapshot with its content laid out by the server, exactly as the XLSX and the PDF show it. */
export interface ReportSnapshot extends ReportSummary {
  hashVerified: boolean;
  tables: ReportTable[];
  charts: ReportChart[];
}

export interface ReportJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  reportId: string | null;
  error: string | null;
}

export interface PeriodInput {
  kind: string;
  year?: number;
  index?: number;
  from?: string;
  to?: string;
}

const SUMMARY = 'id kind periodLabel periodFrom periodTo branchId scopeName contentHash generatedByName generatedAt';
const JOB = 'id status progress reportId error';
const reportLocale = (locale: string) => (locale === 'en' ? 'en' : 'zh');

export async function generateReport(kind: ReportKind, period: PeriodInput, branchId: string | null): Promise<ReportJob> {
  const data = await graphqlRequest<{ generateReport: ReportJob }>(
    `mutation Gen($kind: ReportKind!, $period: ReportPeriodInput!, $branchId: ID) { generateReport(kind: $kind, period: $period, branchId: $branchId) { ${JOB} } }`,
    { kind, period, branchId },
  );
  return data.generateReport;
}

export async function fetchJob(id: string): Promise<ReportJob> {
  return (await graphqlRequest<{ reportJob: ReportJob }>(`query Job($id: ID!) { reportJob(id: $id) { ${JOB} } }`, { id })).reportJob;
}

export async function fetchSnapshot(id: string, locale: string): Promise<ReportSnapshot> {
  const data = await graphqlRequest<{ ComplianceReport: ReportSnapshot }>(
    `query R($id: ID!, $locale: ReportLocale!) { ComplianceReport(id: $id) { ${SUMMARY} hashVerified
      tables(locale: $locale) { key heading columns rows } charts(locale: $locale) { key heading labels series { name values } } } }`,
    { id, locale: reportLocale(locale) },
  );
  return data.ComplianceReport;
}

export async function fetchSnapshots(page: number, perPage: number, kind: ReportKind | null): Promise<{ rows: ReportSummary[]; total: number }> {
  const data = await graphqlRequest<{ allComplianceReports: ReportSummary[]; _allComplianceReportsMeta: { count: number } }>(
    `query L($page: Int, $perPage: Int, $filter: ComplianceReportFilter) {
      allComplianceReports(page: $page, perPage: $perPage, filter: $filter, sortField: "generatedAt", sortOrder: DESC) { ${SUMMARY} }
      _allComplianceReportsMeta(filter: $filter) { count } }`,
    { page, perPage, filter: kind ? { kind } : {} },
  );
  return { rows: data.allComplianceReports, total: data._allComplianceReportsMeta.count };
}

export async function fetchBranches(): Promise<Array<{ id: string; name: string }>> {
  return (await graphqlRequest<{ allBranches: Array<{ id: string; name: string }> }>('query { allBranches(perPage: 200) { id name } }')).allBranches;
}

/** Downloads go over plain HTTP with the session cookie; the server audits each one. */
export const downloadUrl = (id: string, format: 'xlsx' | 'pdf', locale: string) => `/documents/compliance-reports/${id}.${format}?locale=${reportLocale(locale)}`;
