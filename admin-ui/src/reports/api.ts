import { graphqlRequest } from '../graphql/request';

/** The complaint statistics as the server stores them in a snapshot (see server/src/modules/reports/complaint-statistics.ts). */
export interface Totals {
  received: number;
  accepted: number;
  notAccepted: number;
  closed: number;
  withdrawn: number;
  openAtEnd: number;
  regulatorTransferred: number;
  major: number;
  escalations: number;
  deadlinesBreached: number;
  handlingMean: number | null;
  satisfactionMean: number | null;
}

export interface Period {
  kind: string;
  from: string;
  to: string;
  label: string;
}

export interface Change {
  current: number | null;
  previous: number | null;
  delta: number | null;
  ratio: number | null;
}

export interface ComplaintStatistics {
  kind: 'complaint_statistics';
  scope: { branchId: number | null; name: string };
  current: {
    period: Period;
    totals: Totals;
    byCategory: Array<{ key: string; count: number }>;
    byChannel: Array<{ key: string; count: number }>;
    bySeverity: Array<{ key: string; count: number }>;
    byBranch: Array<{ branchId: number; branchName: string; received: number; closed: number; openAtEnd: number }>;
    handling: { count: number; mean: number | null; median: number | null; p90: number | null };
    deadlines: Array<{ clock: string; met: number; breached: number; running: number; metRate: number | null; breachedRate: number | null }>;
    escalations: { warning: number; breach: number; compliance: number; total: number; complaints: number };
    satisfaction: { responses: number; mean: number | null; distribution: Record<string, number> };
  };
  previous: { period: Period; totals: Totals };
  yearAgo: { period: Period; totals: Totals };
  comparison: Array<{ metric: keyof Totals; previous: Change; yearAgo: Change }>;
}

export interface ReportSummary {
  id: string;
  kind: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  branchId: string | null;
  scopeName: string;
  contentHash: string;
  generatedByName: string;
  generatedAt: string;
}

export interface ReportSnapshot extends ReportSummary {
  hashVerified: boolean;
  content: ComplaintStatistics;
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

export async function generateComplaintReport(period: PeriodInput, branchId: string | null): Promise<ReportJob> {
  const data = await graphqlRequest<{ generateComplaintReport: ReportJob }>(
    `mutation Gen($period: ReportPeriodInput!, $branchId: ID) { generateComplaintReport(period: $period, branchId: $branchId) { ${JOB} } }`,
    { period, branchId },
  );
  return data.generateComplaintReport;
}

export async function fetchJob(id: string): Promise<ReportJob> {
  return (await graphqlRequest<{ reportJob: ReportJob }>(`query Job($id: ID!) { reportJob(id: $id) { ${JOB} } }`, { id })).reportJob;
}

export async function fetchSnapshot(id: string): Promise<ReportSnapshot> {
  return (await graphqlRequest<{ ComplianceReport: ReportSnapshot }>(`query R($id: ID!) { ComplianceReport(id: $id) { ${SUMMARY} hashVerified content } }`, { id })).ComplianceReport;
}

export async function fetchSnapshots(page: number, perPage: number): Promise<{ rows: ReportSummary[]; total: number }> {
  const data = await graphqlRequest<{ allComplianceReports: ReportSummary[]; _allComplianceReportsMeta: { count: number } }>(
    `query L($page: Int, $perPage: Int) { allComplianceReports(page: $page, perPage: $perPage, sortField: "generatedAt", sortOrder: DESC) { ${SUMMARY} } _allComplianceReportsMeta { count } }`,
    { page, perPage },
  );
  return { rows: data.allComplianceReports, total: data._allComplianceReportsMeta.count };
}

export async function fetchBranches(): Promise<Array<{ id: string; name: string }>> {
  return (await graphqlRequest<{ allBranches: Array<{ id: string; name: string }> }>('query { allBranches(perPage: 200) { id name } }')).allBranches;
}

/** Downloads go over plain HTTP with the session cookie; the server audits each one. */
export const downloadUrl = (id: string, format: 'xlsx' | 'pdf', locale: string) => `/documents/compliance-reports/${id}.${format}?locale=${locale === 'en' ? 'en' : 'zh'}`;
