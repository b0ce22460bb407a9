/** Every type a rule can name. Rules naming anything else are refused when a role is saved. */
export const SUBJECTS = ['Customer', 'Policy', 'Branch', 'Staff', 'Role', 'RoleGrant', 'AuditEntry', 'Complaint', 'ComplaintPolicy', 'CalendarDay',
  'DutyConflictRule', 'AccessPolicy', 'AccessReviewCampaign', 'AccessReviewItem',
  // Policy inquiry and the customer's rights over their data.
  'PolicyInquiry', 'QueryPassword', 'InquiryChannelKey', 'InquirySettings', 'CustomerConsent', 'SharingAgreement', 'DataRightsRequest', 'RetentionPolicy',
  // Quality inspection and the rectification ledger.
  'QualityTemplate', 'QualityTeam', 'QualityInspection', 'QualityRectification',
  // Compliance reports: the immutable snapshots (row rules on branchId; null is the whole company).
  'ComplianceReport'] as const;
export type SubjectName = (typeof SUBJECTS)[number];

export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'reveal',
  'export',
  'assign',
  'approve',
  'publish',
  'grant',
  'review',
] as const;
export type Action = (typeof ACTIONS)[number];
