import { graphqlRequest, GraphQLRequestError } from '../graphql/request';
import { findServerError, type ServerError } from '../graphql/serverError';

/**
 * The staff-access operations that are not plain CRUD (workflow steps, reports, the MFA set-up),
 * called with the session cookie like the rest of the console. Lists and single records go through
 * the data provider; these return exactly what each screen shows.
 */
const call = <T>(query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(query, variables);

export interface GrantRow {
  id: string;
  status: string;
  reason: string | null;
  validFrom: string | null;
  validUntil: string | null;
  inEffect: boolean | null;
  createdAt: string | null;
  revokeReason?: string | null;
  role: { id: string; name: string | null; label: string | null; highRisk: boolean | null } | null;
  staff?: { id: string; username: string | null; displayName: string | null } | null;
  grantedBy?: { id: string; displayName: string | null } | null;
  approvedBy?: { id: string; displayName: string | null } | null;
}

export const GRANT = `id status reason validFrom validUntil inEffect createdAt revokeReason
  role { id name label highRisk } staff { id username displayName } grantedBy { id displayName } approvedBy { id displayName }`;

export interface EffectiveRule {
  action: string[];
  subject: string[];
  fields: string[] | null;
  conditions: unknown;
  inverted: boolean;
  reason: string | null;
  grantId: string | null;
  roleName: string | null;
  roleLabel: string | null;
}

export interface EffectivePermissions {
  conflicts: string[];
  passwordChangeRequired: boolean;
  grantsInEffect: GrantRow[];
  grantsNotYetInEffect: GrantRow[];
  rules: EffectiveRule[];
  withdrawn: EffectiveRule[];
}

const RULE = 'action subject fields conditions inverted reason grantId roleName roleLabel';

export async function effectivePermissions(staffId: string): Promise<EffectivePermissions> {
  const data = await call<{ effectivePermissions: EffectivePermissions }>(
    `query Effective($staffId: ID!) { effectivePermissions(staffId: $staffId) {
      conflicts passwordChangeRequired
      grantsInEffect { ${GRANT} } grantsNotYetInEffect { ${GRANT} }
      rules { ${RULE} } withdrawn { ${RULE} }
    } }`,
    { staffId },
  );
  return data.effectivePermissions;
}

export async function staffGrants(staffId: string): Promise<GrantRow[]> {
  const data = await call<{ allRoleGrants: GrantRow[] }>(
    `query Grants($staffId: ID!) { allRoleGrants(filter: { staffId: $staffId }, perPage: 100, sortField: "id", sortOrder: DESC) { ${GRANT} } }`,
    { staffId },
  );
  return data.allRoleGrants;
}

export interface NewGrant {
  staffId: string;
  roleId: string;
  reason: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

export async function createGrant(input: NewGrant): Promise<GrantRow> {
  const data = await call<{ createRoleGrant: GrantRow }>(
    `mutation Grant($staffId: ID!, $roleId: ID!, $reason: String!, $validFrom: DateTimeISO, $validUntil: DateTimeISO) {
      createRoleGrant(staffId: $staffId, roleId: $roleId, reason: $reason, validFrom: $validFrom, validUntil: $validUntil) { ${GRANT} } }`,
    { ...input, validFrom: input.validFrom || null, validUntil: input.validUntil || null },
  );
  return data.createRoleGrant;
}

export type GrantStep = 'approveRoleGrant' | 'rejectRoleGrant' | 'revokeRoleGrant';

export async function grantStep(step: GrantStep, id: string, reason: string | null): Promise<GrantRow> {
  const data = await call<Record<string, GrantRow>>(`mutation Step($id: ID!, $reason: String) { result: ${step}(id: $id, reason: $reason) { ${GRANT} } }`, { id, reason });
  return data.result;
}

export type StaffStep = 'suspendStaff' | 'disableStaff' | 'reactivateStaff' | 'resetStaffMfa';

export async function staffStep(step: StaffStep, id: string, reason: string): Promise<void> {
  await call(`mutation Step($id: ID!, $reason: String!) { result: ${step}(id: $id, reason: $reason) { id status } }`, { id, reason });
}

export async function unlockStaff(id: string): Promise<void> {
  await call(`mutation Unlock($id: ID!) { unlockStaff(id: $id) { id locked } }`, { id });
}

export async function resetStaffPassword(id: string, reason: string): Promise<string> {
  const data = await call<{ resetStaffPassword: { temporaryPassword: string } }>(
    `mutation Reset($id: ID!, $reason: String!) { resetStaffPassword(id: $id, reason: $reason) { temporaryPassword } }`,
    { id, reason },
  );
  return data.resetStaffPassword.temporaryPassword;
}

export async function createStaff(input: { username: string; displayName: string; branchId?: string | null }): Promise<{ id: string; temporaryPassword: string }> {
  const data = await call<{ createStaff: { temporaryPassword: string; staff: { id: string } } }>(
    `mutation Create($username: String!, $displayName: String!, $branchId: ID) {
      createStaff(username: $username, displayName: $displayName, branchId: $branchId) { temporaryPassword staff { id } } }`,
    { username: input.username.trim(), displayName: input.displayName.trim(), branchId: input.branchId || null },
  );
  return { id: data.createStaff.staff.id, temporaryPassword: data.createStaff.temporaryPassword };
}

export interface DormantStaff {
  id: string;
  username: string | null;
  displayName: string | null;
  lastLoginAt: string | null;
  createdAt: string | null;
  roles: string[] | null;
  branch: { id: string; name: string | null } | null;
}

export async function dormantStaff(days: number | null): Promise<{ days: number; cutoff: string; staff: DormantStaff[] }> {
  const data = await call<{ dormantStaff: { days: number; cutoff: string; staff: DormantStaff[] } }>(
    `query Dormant($days: Int) { dormantStaff(days: $days) { days cutoff staff { id username displayName lastLoginAt createdAt roles branch { id name } } } }`,
    { days },
  );
  return data.dormantStaff;
}

export interface AccessPolicySettings {
  id: string;
  version: number;
  dormantAfterDays: number;
  reviewReminderDays: number;
}

const ACCESS_POLICY = 'id version dormantAfterDays reviewReminderDays';

export async function accessPolicy(): Promise<AccessPolicySettings> {
  return (await call<{ accessPolicy: AccessPolicySettings }>(`query { accessPolicy { ${ACCESS_POLICY} } }`)).accessPolicy;
}

export async function updateAccessPolicy(version: number, changes: { dormantAfterDays: number; reviewReminderDays: number }): Promise<AccessPolicySettings> {
  const data = await call<{ updateAccessPolicy: AccessPolicySettings }>(
    `mutation Update($version: Int!, $dormantAfterDays: Int, $reviewReminderDays: Int) {
      updateAccessPolicy(version: $version, dormantAfterDays: $dormantAfterDays, reviewReminderDays: $reviewReminderDays) { ${ACCESS_POLICY} } }`,
    { version, ...changes },
  );
  return data.updateAccessPolicy;
}

export async function suspendDormant(ids: string[], days: number, reason: string): Promise<{ suspended: number; skipped: { id: string; reason: string }[] }> {
  const data = await call<{ suspendDormantStaff: { suspended: { id: string }[]; skipped: { id: string; reason: string }[] } }>(
    `mutation Suspend($ids: [ID!]!, $days: Int, $reason: String!) { suspendDormantStaff(ids: $ids, days: $days, reason: $reason) { suspended { id } skipped { id reason } } }`,
    { ids, days, reason },
  );
  return { suspended: data.suspendDormantStaff.suspended.length, skipped: data.suspendDormantStaff.skipped };
}

export interface WhoCanEntry {
  staff: { id: string; username: string | null; displayName: string | null; branch: { name: string | null } | null };
  roles: string[];
  grants: GrantRow[];
}

export async function whoCan(action: string, subject: string, field: string | null): Promise<WhoCanEntry[]> {
  const data = await call<{ whoCan: WhoCanEntry[] }>(
    `query WhoCan($action: String!, $subject: String!, $field: String) {
      whoCan(action: $action, subject: $subject, field: $field) { roles staff { id username displayName branch { name } } grants { ${GRANT} } } }`,
    { action, subject, field: field || null },
  );
  return data.whoCan;
}

export interface AccessCatalog {
  actions: string[];
  placeholders: string[];
  subjects: { name: string; fields: string[]; sensitiveFields: string[] }[];
}

let catalog: Promise<AccessCatalog> | null = null;
export function accessCatalog(): Promise<AccessCatalog> {
  catalog ??= call<{ accessCatalog: AccessCatalog }>('query { accessCatalog { actions placeholders subjects { name fields sensitiveFields } } }').then(
    (data) => data.accessCatalog,
    (error: unknown) => {
      catalog = null;
      throw error;
    },
  );
  return catalog;
}

export async function cloneRole(id: string, name: string, label: string): Promise<string> {
  const data = await call<{ cloneRole: { id: string } }>(`mutation Clone($id: ID!, $name: String!, $label: String!) { cloneRole(id: $id, name: $name, label: $label) { id } }`, { id, name, label });
  return data.cloneRole.id;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  problem: string | null;
}

export async function verifyAuditChain(): Promise<ChainVerification> {
  return (await call<{ verifyAuditChain: ChainVerification }>('query { verifyAuditChain { ok checked firstBrokenId problem } }')).verifyAuditChain;
}

export interface DutyViolation {
  staffId: string;
  staff: { id: string; username: string | null; displayName: string | null } | null;
  rule: { id: string; name: string | null; description: string | null };
  withdrawnGrants: GrantRow[];
  otherGrants: GrantRow[];
}

export async function dutyConflictViolations(): Promise<DutyViolation[]> {
  const data = await call<{ dutyConflictViolations: DutyViolation[] }>(
    `query { dutyConflictViolations { staffId staff { id username displayName } rule { id name description } withdrawnGrants { ${GRANT} } otherGrants { ${GRANT} } } }`,
  );
  return data.dutyConflictViolations;
}

export async function decideReviewItem(id: string, decision: 'keep' | 'revoke', comment: string): Promise<void> {
  await call(`mutation Decide($id: ID!, $decision: ReviewDecision!, $comment: String!) { decideAccessReviewItem(id: $id, decision: $decision, comment: $comment) { id outcome } }`, { id, decision, comment });
}

export async function createCampaign(input: Record<string, unknown>): Promise<string> {
  const data = await call<{ createAccessReviewCampaign: { id: string } }>(
    `mutation Create($name: String!, $description: String, $scope: ReviewScope!, $branchId: ID, $roleId: ID, $reviewerId: ID, $dueAt: DateTimeISO!, $deadlineRule: ReviewDeadlineRule!, $remindDaysBefore: Int) {
      createAccessReviewCampaign(name: $name, description: $description, scope: $scope, branchId: $branchId, roleId: $roleId, reviewerId: $reviewerId, dueAt: $dueAt, deadlineRule: $deadlineRule, remindDaysBefore: $remindDaysBefore) { id } }`,
    input,
  );
  return data.createAccessReviewCampaign.id;
}

export interface Evidence {
  final: boolean;
  generatedAt: string;
  totals: Record<string, number>;
  items: { id: string; staffName: string | null; staffUsername: string | null; roleName: string | null; roleLabel: string | null; outcome: string | null; decision: string | null; comment: string | null; decidedAt: string | null; flagged: boolean | null; reviewer: { displayName: string | null } | null }[];
  auditTrail: { id: string; at: string; action: string; staffUsername: string | null; outcome: string; reason: string | null }[];
}

export async function accessReviewEvidence(id: string): Promise<Evidence> {
  const data = await call<{ accessReviewEvidence: Evidence }>(
    `query Evidence($id: ID!) { accessReviewEvidence(id: $id) {
      final generatedAt totals { total pending kept revoked keptFlagged revokedAtDeadline alreadyEnded cancelled unassigned }
      items { id staffName staffUsername roleName roleLabel outcome decision comment decidedAt flagged reviewer { displayName } }
      auditTrail { id at action staffUsername outcome reason } } }`,
    { id },
  );
  return data.accessReviewEvidence;
}

export async function exportEvidence(id: string, locale: string): Promise<{ filename: string; csv: string; rows: number }> {
  const data = await call<{ exportAccessReviewEvidence: { filename: string; csv: string; rows: number } }>(
    `mutation Export($id: ID!, $locale: String) { exportAccessReviewEvidence(id: $id, locale: $locale) { filename csv rows } }`,
    { id, locale },
  );
  return data.exportAccessReviewEvidence;
}

export async function cancelCampaign(id: string, reason: string): Promise<void> {
  await call(`mutation Cancel($id: ID!, $reason: String!) { cancelAccessReviewCampaign(id: $id, reason: $reason) { id status } }`, { id, reason });
}

// The signed-in staff member's own account: password and multi-factor sign-in.

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await call('mutation Change($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }', { currentPassword, newPassword });
}

export interface MfaEnrolment {
  otpauthUri: string;
  secret: string;
  issuer: string;
  accountName: string;
  expiresAt: string;
}

export async function beginMfaEnrolment(password: string): Promise<MfaEnrolment> {
  const data = await call<{ beginMfaEnrolment: MfaEnrolment }>('mutation Begin($password: String!) { beginMfaEnrolment(password: $password) { otpauthUri secret issuer accountName expiresAt } }', { password });
  return data.beginMfaEnrolment;
}

export async function confirmMfaEnrolment(code: string): Promise<string[]> {
  const data = await call<{ confirmMfaEnrolment: { recoveryCodes: string[] } }>('mutation Confirm($code: String!) { confirmMfaEnrolment(code: $code) { recoveryCodes } }', { code });
  return data.confirmMfaEnrolment.recoveryCodes;
}

export async function regenerateRecoveryCodes(code: string): Promise<string[]> {
  const data = await call<{ regenerateRecoveryCodes: { recoveryCodes: string[] } }>('mutation Regen($code: String!) { regenerateRecoveryCodes(code: $code) { recoveryCodes } }', { code });
  return data.regenerateRecoveryCodes.recoveryCodes;
}

/** The server's error inside whatever was thrown (our fetch helper or the data provider). */
export function serverErrorOf(error: unknown): ServerError | null {
  if (error instanceof GraphQLRequestError) return error.serverError;
  const body = (error as { body?: { serverError?: ServerError } } | null)?.body;
  return body?.serverError ?? findServerError(error);
}
