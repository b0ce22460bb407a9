import type { StoredRule } from '../access/rules';

const OWN_BRANCH = { branchId: '${staff.branchId}' };
const SELF: StoredRule = {
  action: 'read',
  subject: 'Staff',
  fields: ['id', 'username', 'displayName', 'branchId', 'status', 'lastLoginAt'],
  conditions: { id: '${staff.id}' },
};
const BRANCHES: StoredRule = { action: 'read', subject: 'Branch' };
// A reviewer of an access review reads and decides the items assigned to them, whatever their role.
const OWN_REVIEW_ITEMS: StoredRule = { action: ['read', 'review'], subject: 'AccessReviewItem', conditions: { reviewerId: '${staff.id}' } };
const SENSITIVE = ['idNumber', 'phone', 'email', 'address'];
// A customer who asked for deletion is restricted (kept, not processed) and an anonymised one holds nothing
// to work on: the access layer hides both from every list but compliance's. Listed last, so it wins.
const HIDE_RESTRICTED: StoredRule = {
  action: ['read', 'update', 'delete', 'export', 'reveal'],
  subject: 'Customer',
  inverted: true,
  conditions: { status: { $in: ['restricted', 'anonymised'] } },
  reason: 'the customer asked for their data to be deleted',
};
// Hotline and counter inquiries, and query-password resets after checking the customer, for the own branch.
const BRANCH_INQUIRIES: StoredRule[] = [
  { action: 'create', subject: 'PolicyInquiry', conditions: OWN_BRANCH },
  { action: 'update', subject: 'QueryPassword', conditions: OWN_BRANCH },
  { action: ['read', 'create'], subject: 'CustomerConsent' },
  // The lock-out numbers, so the desk can tell the caller how many tries are left; never the rate limits or the minimum answer time.
  { action: 'read', subject: 'InquirySettings', fields: ['maxFailures', 'failureWindowMinutes', 'lockMinutes'] },
];
const COMPLAINANT_CONTACT = ['complainantPhone', 'complainantEmail', 'complainantAddress'];
// Complaint register settings every complaint worker reads (deadlines, authorities, the holiday calendar).
const COMPLAINT_SETTINGS: StoredRule = { action: 'read', subject: ['ComplaintPolicy', 'CalendarDay'] };
// Everything of a complaint but the complainant's contact details: what an inspector reads.
const COMPLAINT_WITHOUT_CONTACT = [
  'id', 'version', 'createdAt', 'updatedAt', 'number', 'state', 'channel', 'regulatorReference', 'regulatorDueAt', 'regulatorReport',
  'regulatorReportedAt', 'complainantCustomerId', 'complainantName', 'policyId', 'branchId', 'category', 'severity', 'majorReasons',
  'majorByHand', 'majorSince', 'involvesMedia', 'involvesLitigation', 'disputedAmountFen', 'deathCount', 'groupComplaint', 'summary',
  'details', 'receivedAt', 'registeredById', 'assigneeId', 'firstResponseAt', 'materialsRequested', 'materialsNotifiedVia',
  'materialsRequestedAt', 'materialsCompleteAt', 'acceptedAt', 'notAcceptedAt', 'notAcceptedReason', 'forwardedTo', 'resolution',
  'compensationFen', 'proposedById', 'proposedAt', 'approvalRequired', 'approvedById', 'approvedAt', 'communicatedAt',
  'communicationMethod', 'closedAt', 'satisfaction', 'returnCallNote', 'appealCount', 'reopenedAt', 'withdrawnAt', 'withdrawalReason',
  'deadlineExtendedAt', 'extensionReason', 'extensionApprovedById', 'headOfficeReportedAt', 'headOfficeReport', 'nextDueAt',
  'timeline', 'clocks', 'availableActions', 'branch', 'policy', 'assignee', 'rectificationId', 'rectification',
];

// Quality inspection: a rectification's owner (any staff member) reads it and takes its steps (start, done with evidence).
const OWN_RECTIFICATIONS: StoredRule[] = [
  { action: 'read', subject: 'QualityRectification', conditions: { ownerId: '${staff.id}' } },
  // Only the steps' fields: the owner neither reassigns the item nor moves its due date.
  { action: 'update', subject: 'QualityRectification', conditions: { ownerId: '${staff.id}' }, fields: ['state', 'evidence'] },
];
const QUALITY_SETTINGS: StoredRule = { action: 'read', subject: ['QualityTemplate', 'QualityTeam'] };

export interface BuiltInRole {
  name: string;
  label: string;
  description: string;
  rules: StoredRule[];
  highRisk?: boolean;
  requiresMfa?: boolean;
}

/** The roles every installation starts with. They are data: administrators may edit their rules. */
export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    name: 'agent',
    label: '客服专员',
    description: 'Customer-service agent: works on the customers and policies of their own branch; sees sensitive fields masked.',
    rules: [
      BRANCHES,
      SELF,
      { action: 'read', subject: 'Customer', conditions: OWN_BRANCH },
      {
        action: 'create',
        subject: 'Customer',
        conditions: OWN_BRANCH,
        fields: ['kind', 'name', 'gender', 'birthDate', 'idType', 'idNumber', 'phone', 'email', 'address', 'occupation', 'branchId', 'source', 'marketingConsent', 'sharingConsent'],
      },
      {
        action: 'update',
        subject: 'Customer',
        conditions: OWN_BRANCH,
        fields: ['name', 'phone', 'email', 'address', 'occupation', 'marketingConsent', 'sharingConsent'],
      },
      { action: 'read', subject: 'Policy', conditions: OWN_BRANCH },
      // Complaints of their branch, and those in their own queue wherever they were registered.
      { action: ['read', 'create', 'update'], subject: 'Complaint', conditions: OWN_BRANCH },
      { action: ['read', 'update'], subject: 'Complaint', conditions: { assigneeId: '${staff.id}' } },
      COMPLAINT_SETTINGS,
      ...BRANCH_INQUIRIES,
      ...OWN_RECTIFICATIONS,
      HIDE_RESTRICTED,
    ],
  },
  {
    name: 'manager',
    label: '客服主管',
    description: 'Customer-service manager: full work on their own branch, may reveal masked fields with a reason.',
    rules: [
      BRANCHES,
      SELF,
      { action: ['read', 'create', 'update', 'delete', 'export'], subject: 'Customer', conditions: OWN_BRANCH },
      { action: 'reveal', subject: 'Customer', fields: SENSITIVE, conditions: OWN_BRANCH },
      { action: ['read', 'create', 'update', 'delete', 'export'], subject: 'Policy', conditions: OWN_BRANCH },
      { action: 'read', subject: 'Staff', fields: ['id', 'username', 'displayName', 'branchId', 'status', 'lastLoginAt'], conditions: OWN_BRANCH },
      { action: ['read', 'create', 'update', 'assign', 'approve'], subject: 'Complaint', conditions: OWN_BRANCH },
      { action: 'reveal', subject: 'Complaint', fields: COMPLAINANT_CONTACT, conditions: OWN_BRANCH },
      COMPLAINT_SETTINGS,
      OWN_REVIEW_ITEMS,
      ...BRANCH_INQUIRIES,
      // The inquiry log of their branch (a lock-out is told to them) and the thresholds behind it.
      { action: 'read', subject: 'PolicyInquiry', conditions: OWN_BRANCH },
      { action: 'read', subject: 'InquirySettings' },
      // Compliance reports of their own branch only: generate, read the snapshots, download them.
      { action: ['read', 'create', 'export'], subject: 'ComplianceReport', conditions: OWN_BRANCH },
      // Quality: reads and reviews (never publishes) the inspections of their branch; runs its rectification ledger.
      QUALITY_SETTINGS,
      { action: ['read', 'review'], subject: 'QualityInspection', conditions: OWN_BRANCH },
      { action: 'read', subject: 'QualityRectification', conditions: OWN_BRANCH },
      { action: 'update', subject: 'QualityRectification', conditions: OWN_BRANCH, fields: ['ownerId', 'requiredAction', 'dueDate'] },
      ...OWN_RECTIFICATIONS,
      HIDE_RESTRICTED,
    ],
  },
  {
    name: 'inspector',
    label: '质检员',
    description: 'Quality inspector: reads customers (without identity or contact data) and policies in every branch; inspects, reviews and publishes reports, verifies rectifications.',
    rules: [
      BRANCHES,
      SELF,
      {
        action: 'read',
        subject: 'Customer',
        fields: ['id', 'kind', 'name', 'gender', 'branchId', 'branch', 'source', 'status', 'policies', 'createdAt', 'updatedAt', 'version'],
      },
      { action: 'read', subject: 'Policy' },
      { action: 'read', subject: 'Staff', fields: ['id', 'username', 'displayName', 'branchId', 'status'] },
      { action: 'read', subject: 'Complaint', fields: COMPLAINT_WITHOUT_CONTACT },
      COMPLAINT_SETTINGS,
      // Quality inspection: templates, teams and the plan; inspections (review and publish: the service keeps
      // the reviewer from being the inspector); rectifications, verified (review) by an inspector other than the owner.
      { action: 'read', subject: 'PolicyInquiry' },
      { action: ['read', 'create', 'update'], subject: ['QualityTemplate', 'QualityTeam'] },
      { action: ['read', 'create', 'update', 'review', 'publish'], subject: 'QualityInspection' },
      { action: ['read', 'create', 'update', 'review'], subject: 'QualityRectification' },
      ...OWN_RECTIFICATIONS,
      HIDE_RESTRICTED,
    ],
  },
  {
    name: 'compliance',
    label: '合规专员',
    description: 'Compliance officer: reads every branch (sensitive fields masked) and the audit trail.',
    requiresMfa: true,
    rules: [
      BRANCHES,
      SELF,
      { action: ['read', 'export'], subject: 'Customer' },
      { action: ['read', 'export'], subject: 'Policy' },
      { action: 'read', subject: 'AuditEntry' },
      { action: 'read', subject: ['Staff', 'Role', 'RoleGrant'] },
      // The audit viewer's export, access reviews and their evidence, separation-of-duties pairs and settings.
      { action: 'export', subject: 'AuditEntry' },
      { action: 'read', subject: ['AccessReviewCampaign', 'DutyConflictRule', 'AccessPolicy'] },
      { action: ['read', 'export'], subject: 'AccessReviewItem' },
      OWN_REVIEW_ITEMS,
      // Every branch's complaints; approves what is above a manager's authority (the amount check is the policy's).
      { action: ['read', 'approve'], subject: 'Complaint' },
      COMPLAINT_SETTINGS,
      { action: 'update', subject: 'ComplaintPolicy' },
      // The inquiry log and its thresholds; the customer's rights over their data (restricted customers stay visible here).
      { action: ['read', 'export'], subject: 'PolicyInquiry' },
      { action: ['read', 'update'], subject: ['InquirySettings', 'RetentionPolicy'] },
      { action: ['read', 'create'], subject: 'CustomerConsent' },
      { action: ['read', 'create', 'update'], subject: ['SharingAgreement', 'DataRightsRequest'] },
      // Compliance reports of the whole company or any branch: generate, read the snapshots, download them.
      { action: ['read', 'create', 'export'], subject: 'ComplianceReport' },
      // Quality: every inspection report and the whole rectification ledger, read only.
      { action: 'read', subject: ['QualityTemplate', 'QualityTeam', 'QualityInspection', 'QualityRectification'] },
    ],
  },
  {
    name: 'admin',
    label: '系统管理员',
    description: 'IT administrator: staff accounts, roles, grants and branches. Never sees customer data.',
    highRisk: true,
    requiresMfa: true,
    rules: [
      { action: ['read', 'create', 'update'], subject: 'Branch' },
      { action: ['read', 'create', 'update'], subject: 'Staff' },
      { action: ['read', 'create', 'update', 'delete'], subject: 'Role' },
      // approve: the second administrator of a high-risk grant (never the granter nor the grantee: checked by the service).
      { action: ['read', 'grant', 'approve', 'review'], subject: 'RoleGrant' },
      { action: ['read', 'create', 'update'], subject: 'AccessReviewCampaign' },
      { action: 'read', subject: 'AccessReviewItem' },
      OWN_REVIEW_ITEMS,
      { action: ['read', 'create', 'update', 'delete'], subject: 'DutyConflictRule' },
      { action: ['read', 'update'], subject: 'AccessPolicy' },
      // The holiday calendar and the deadline policy; never a complaint (they hold customer data).
      { action: ['read', 'create', 'update', 'delete'], subject: 'CalendarDay' },
      { action: ['read', 'update'], subject: 'ComplaintPolicy' },
      // The website's and the app's inquiry keys and the inquiry thresholds; never an inquiry (it names a policy).
      { action: ['read', 'create', 'update'], subject: 'InquiryChannelKey' },
      { action: ['read', 'update'], subject: 'InquirySettings' },
      { action: 'read', subject: 'RetentionPolicy' },
    ],
  },
];
