import { ComplianceReport } from './compliance-report.entity';
import { ReportJob } from './report-job.entity';
import { ComplianceReportResolver } from './report.resolver';

export { COMPLIANCE_REPORT_DOCUMENT, reportFilesRouter } from './report-routes';
export { idle as reportJobsIdle } from './report-jobs';

/** Compliance reports: what this module adds to the entities and the schema. */
export const REPORT_ENTITIES = [ComplianceReport, ReportJob];
export const REPORT_RESOLVERS = [ComplianceReportResolver] as const;
