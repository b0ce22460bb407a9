import { call, GRANT, type GrantRow } from '../rights/api';

// Staff accounts: effective permissions, grants held, account steps, dormant accounts and the access policy.

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
