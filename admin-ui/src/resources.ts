/**
 * react-admin resource names (the URL paths) and the GraphQL types behind them. The type name is
 * also the CASL subject, so permission checks and queries use one mapping.
 */
export const RESOURCE_TYPES = {
  customers: 'Customer',
  policies: 'Policy',
  branches: 'Branch',
  complaints: 'Complaint',
  calendarDays: 'CalendarDay',
  // Staff access rights (issue 6): accounts, roles, grants, duty conflicts, access reviews, the audit trail.
  staff: 'Staff',
  roles: 'Role',
  roleGrants: 'RoleGrant',
  dutyConflictRules: 'DutyConflictRule',
  accessReviewCampaigns: 'AccessReviewCampaign',
  accessReviewItems: 'AccessReviewItem',
  auditEntries: 'AuditEntry',
  // Policy inquiry and the customer's rights over their data (issue 7).
  policyInquiries: 'PolicyInquiry',
  dataRightsRequests: 'DataRightsRequest',
  sharingAgreements: 'SharingAgreement',
  // Quality inspection and the rectification ledger (issue 5).
  qualityInspections: 'QualityInspection',
  qualityRectifications: 'QualityRectification',
  qualityTemplates: 'QualityTemplate',
  qualityTeams: 'QualityTeam',
  // A single record (the deadline policy), served by the data provider itself rather than as a list.
  complaintPolicy: 'ComplaintPolicy',
} as const;

export type ResourceName = keyof typeof RESOURCE_TYPES;
export type SubjectType = (typeof RESOURCE_TYPES)[ResourceName];

export function typeOfResource(resource: string): SubjectType | undefined {
  return (RESOURCE_TYPES as Record<string, SubjectType>)[resource];
}

/** Fields the API always returns masked unless revealed (server: access/sensitive-fields.ts). */
export const SENSITIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Customer: ['idNumber', 'phone', 'email', 'address'],
  Complaint: ['complainantPhone', 'complainantEmail', 'complainantAddress'],
};
