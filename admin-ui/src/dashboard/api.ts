import { useQuery } from '@tanstack/react-query';
import type { Clock } from '../complaints/clocks/clockTypes';
import { graphqlRequest } from '../graphql/request';

/** The widgets' data: one GraphQL query per widget (server/src/modules/dashboard), same names as the server's types. */
export interface ClockStatusCounts {
  onTime: number;
  dueSoon: number;
  overdue: number;
  paused: number;
  total: number;
}

export interface QueueComplaint {
  id: string;
  number: string;
  state: string;
  severity: string;
  complainantName: string | null;
  summary: string | null;
  branchId: string | null;
  nextDueAt: string | null;
  clocks: Clock[] | null;
}

export interface ComplaintQueueWidget {
  counts: ClockStatusCounts;
  items: QueueComplaint[];
}

export interface BranchComplaintsWidget {
  counts: ClockStatusCounts;
  overdue: QueueComplaint[];
  trend: Array<{ weekStart: string; received: number; closed: number }>;
}

export interface InspectionPlanWidget {
  period: string;
  from: string;
  to: string;
  teams: number;
  covered: number;
  byBranch: Array<{ branchId: string; branchName: string; teams: number; covered: number }>;
}

export interface RectificationItem {
  id: string;
  number: string;
  state: string;
  requiredAction: string | null;
  dueDate: string | null;
  overdue: boolean | null;
}

export interface RectificationsWidget {
  open: number;
  overdue: number;
  items: RectificationItem[];
}

export interface ComplianceFiguresWidget {
  openComplaints: number | null;
  breachedThisQuarter: number | null;
  quarterFrom: string;
  openRectifications: number | null;
  dataRightsDue: number | null;
  dataRightsDueBy: string;
}

export interface AuditVerificationRun {
  id: string;
  trigger: 'cli' | 'api' | 'dashboard';
  status: 'running' | 'intact' | 'broken' | 'failed';
  staffName: string | null;
  startedAt: string;
  finishedAt: string | null;
  total: number;
  checked: number;
  firstBrokenId: string | null;
  problem: string | null;
}

export interface AccessAdminWidget {
  pendingApprovals: number | null;
  openReviews: number | null;
  reviewItemsDue: number | null;
  nextReviewDueAt: string | null;
  dormantAccounts: number | null;
  dormantAfterDays: number;
}

const COUNTS = 'counts { onTime dueSoon overdue paused total }';
const COMPLAINT = 'id number state severity complainantName summary branchId nextDueAt clocks { kind startedAt dueAt warnAt completedAt timeLeftSeconds paused status }';
const RUN = 'id trigger status staffName startedAt finishedAt total checked firstBrokenId problem';

export const QUERIES = {
  dashboardComplaintQueue: `{ dashboardComplaintQueue { ${COUNTS} items { ${COMPLAINT} } } }`,
  dashboardBranchComplaints: `{ dashboardBranchComplaints { ${COUNTS} overdue { ${COMPLAINT} } trend { weekStart received closed } } }`,
  dashboardInspectionPlan: '{ dashboardInspectionPlan { period from to teams covered byBranch { branchId branchName teams covered } } }',
  dashboardRectifications: '{ dashboardRectifications { open overdue items { id number state requiredAction dueDate overdue } } }',
  dashboardComplianceFigures: '{ dashboardComplianceFigures { openComplaints breachedThisQuarter quarterFrom openRectifications dataRightsDue dataRightsDueBy } }',
  dashboardAuditCheck: `{ dashboardAuditCheck { ${RUN} } }`,
  dashboardAccessAdmin: '{ dashboardAccessAdmin { pendingApprovals openReviews reviewItemsDue nextReviewDueAt dormantAccounts dormantAfterDays } }',
} as const;

interface WidgetData {
  dashboardComplaintQueue: ComplaintQueueWidget;
  dashboardBranchComplaints: BranchComplaintsWidget;
  dashboardInspectionPlan: InspectionPlanWidget;
  dashboardRectifications: RectificationsWidget;
  dashboardComplianceFigures: ComplianceFiguresWidget;
  dashboardAuditCheck: AuditVerificationRun | null;
  dashboardAccessAdmin: AccessAdminWidget;
}

/** A widget's figures, cached per screen like react-admin's lists; `poll` refetches while long work runs. */
export function useWidget<K extends keyof WidgetData>(name: K, poll?: (data: WidgetData[K] | undefined) => number | false) {
  return useQuery({
    queryKey: ['dashboard', name],
    queryFn: async () => (await graphqlRequest<Pick<WidgetData, K>>(QUERIES[name]))[name],
    refetchInterval: poll ? (query) => poll(query.state.data as WidgetData[K] | undefined) : false,
  });
}

export async function startAuditVerification(): Promise<AuditVerificationRun> {
  return (await graphqlRequest<{ startAuditVerification: AuditVerificationRun }>(`mutation { startAuditVerification { ${RUN} } }`)).startAuditVerification;
}

/** A list screen opened on a filter, the way react-admin reads it from the address. */
export const listLink = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
