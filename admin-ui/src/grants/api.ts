import { call, GRANT, type GrantRow } from '../rights/api';

// Granting roles, the steps of a grant, and who can do what.

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
