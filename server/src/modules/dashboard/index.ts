import { AuditVerificationRun } from './audit-verification-run.entity';
import { DashboardResolver } from './dashboard.resolver';

export const DASHBOARD_RESOLVERS = [DashboardResolver] as const;
export const DASHBOARD_ENTITIES = [AuditVerificationRun];
