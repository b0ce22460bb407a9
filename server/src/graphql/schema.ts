import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { guardSchema } from '../access/access-guard';
import { ListMetadataResolver } from './list-count';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { BranchResolver } from '../modules/branches/branch.resolver';
import { CustomerResolver } from '../modules/customers/customer.resolver';
import { PolicyResolver } from '../modules/policies/policy.resolver';
import { RevealResolver } from '../modules/reveal/reveal.resolver';
import { ExportResolver } from '../modules/exports/export.resolver';
import { CalendarResolver } from '../modules/calendar/calendar.resolver';
import { ComplaintResolver } from '../modules/complaints/complaint.resolver';
import { ComplaintStepsResolver } from '../modules/complaints/complaint-steps.resolver';
import { ComplaintPolicyResolver } from '../modules/complaints/complaint-policy.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { CredentialsResolver } from '../modules/auth/mfa.resolver';
import { AccessPolicyResolver, StaffResolver } from '../modules/staff/staff.resolver';
import { RoleResolver } from '../modules/staff/role.resolver';
import { RoleGrantResolver } from '../modules/staff/grant.resolver';
import { DutyConflictRuleResolver } from '../modules/duties/duty-conflict.resolver';
import { PermissionsResolver } from '../modules/permissions/permissions.resolver';
import { AccessReviewCampaignResolver, AccessReviewItemResolver } from '../modules/access-reviews/access-review.resolver';
import { AuditDetailResolver } from '../modules/audit/audit-detail.resolver';
import { INQUIRY_RESOLVERS } from '../modules/inquiry';
import { DATA_RIGHTS_RESOLVERS } from '../modules/data-rights';
import { QUALITY_RESOLVERS } from '../modules/quality';
import { REPORT_RESOLVERS } from '../modules/reports';
import { DASHBOARD_RESOLVERS } from '../modules/dashboard';

export const RESOLVERS = [
  AuthResolver, BranchResolver, CustomerResolver, PolicyResolver, RevealResolver, ExportResolver, AuditResolver,
  CalendarResolver, ComplaintResolver, ComplaintStepsResolver, ComplaintPolicyResolver, NotificationResolver,
  CredentialsResolver, StaffResolver, AccessPolicyResolver, RoleResolver, RoleGrantResolver, DutyConflictRuleResolver, PermissionsResolver,
  AccessReviewCampaignResolver, AccessReviewItemResolver, AuditDetailResolver, ...INQUIRY_RESOLVERS, ...DATA_RIGHTS_RESOLVERS, ...QUALITY_RESOLVERS, ...REPORT_RESOLVERS,
  ...DASHBOARD_RESOLVERS, ListMetadataResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

export function appSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    // Missing values are left to the services' "is required" checks; present ones are validated.
    validate: { skipMissingProperties: true, forbidUnknownValues: false },
  }).then(guardSchema);
  return built;
}

/** The SDL as committed to schema/schema.graphql: sorted, so it only changes when the API does. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await appSchema()))}\n`;
}
