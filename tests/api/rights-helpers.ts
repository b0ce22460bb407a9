// Shared by the rights-* suites (staff access rights, issue 6): ids of the demo staff and roles, a second
// and third administrator, fresh accounts, and the GraphQL documents the suites use.
import { inTransaction } from '../../server/src/db/transaction';
import { passwordHasher } from '../../server/src/modules/auth/hasher';
import { Branch } from '../../server/src/modules/branches/branch.entity';
import { Role } from '../../server/src/modules/staff/role.entity';
import { Staff } from '../../server/src/modules/staff/staff.entity';
import { createStaffWithRoles } from '../../server/src/seed/staff-accounts';
import { GqlClient } from '../support/client';
import { TEST_PASSWORD, type TestServer } from '../support/test-server';

export const STAFF = 'id username displayName branchId status mustChangePassword mfaEnrolled locked roles version statusReason lastLoginAt';
export const GRANT_FIELDS = 'id status staffId roleId reason grantedById approvedById validFrom validUntil revokedAt revokeReason inEffect';

export const CREATE_GRANT = `mutation Grant($staffId: ID!, $roleId: ID!, $reason: String!, $validFrom: DateTimeISO, $validUntil: DateTimeISO) {
  createRoleGrant(staffId: $staffId, roleId: $roleId, reason: $reason, validFrom: $validFrom, validUntil: $validUntil) { ${GRANT_FIELDS} }
}`;
export const APPROVE_GRANT = `mutation Approve($id: ID!, $reason: String) { approveRoleGrant(id: $id, reason: $reason) { ${GRANT_FIELDS} } }`;
export const REJECT_GRANT = `mutation Reject($id: ID!, $reason: String) { rejectRoleGrant(id: $id, reason: $reason) { ${GRANT_FIELDS} } }`;
export const REVOKE_GRANT = `mutation Revoke($id: ID!, $reason: String) { revokeRoleGrant(id: $id, reason: $reason) { ${GRANT_FIELDS} } }`;
export const CREATE_STAFF = `mutation Create($username: String!, $displayName: String!, $branchId: ID) {
  createStaff(username: $username, displayName: $displayName, branchId: $branchId) { temporaryPassword staff { ${STAFF} } }
}`;
export const CHANGE_PASSWORD = `mutation Change($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }`;
export const LOGIN_OTP = `mutation Login($username: String!, $password: String!, $otp: String) {
  login(username: $username, password: $password, otp: $otp) { token mustChangePassword mfaEnrolmentRequired staff { id username } }
}`;

export async function staffIdOf(server: TestServer, username: string): Promise<number> {
  return (await server.db.getRepository(Staff).findOneByOrFail({ username })).id;
}

export async function roleIdOf(server: TestServer, name: string): Promise<number> {
  return (await server.db.getRepository(Role).findOneByOrFail({ name })).id;
}

export async function branchIdOf(server: TestServer, code: string): Promise<number> {
  return (await server.db.getRepository(Branch).findOneByOrFail({ code })).id;
}

/** More staff with roles, made the way set-up tools make them (the demo has one administrator; four eyes need more). */
export async function addStaff(server: TestServer, username: string, roleNames: string[], branchCode = 'HQ'): Promise<number> {
  const passwordHash = await passwordHasher(server.config).hash(TEST_PASSWORD);
  const branchId = await branchIdOf(server, branchCode);
  return inTransaction(server.db, async (em) => {
    const roles = await em.getRepository(Role).find();
    const chosen = roleNames.map((name) => roles.find((r) => r.name === name)!);
    return (await createStaffWithRoles(em, { username, displayName: username, branchId, passwordHash, roles: chosen, reason: 'test set-up' })).id;
  });
}

/** Signs in with a password and an optional one-time code; returns the raw result for checks on refusals. */
export function login(server: TestServer, username: string, password = TEST_PASSWORD, otp?: string) {
  return server.anonymous.request(LOGIN_OTP, { username, password, otp });
}

export async function signInWith(server: TestServer, username: string, password = TEST_PASSWORD, otp?: string): Promise<GqlClient> {
  const result = await login(server, username, password, otp);
  if (result.errors?.length) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(result.errors)}`);
  return new GqlClient(server.url, result.data!.login.token);
}

export async function countRows(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await server.db.query(sql, params);
  return Number(rows[0].n);
}

/** The audit entries of one action, oldest first, as stored. */
export function auditOf(server: TestServer, action: string): Promise<Array<{ staff_id: number | null; subject_id: string | null; outcome: string; reason: string | null; changes: string | null }>> {
  return server.db.query('SELECT staff_id, subject_id, outcome, reason, changes FROM audit_entry WHERE action = ? ORDER BY seq', [action]);
}

export const reasonOf = (result: { errors?: Array<{ extensions?: { reason?: string } }> }) => result.errors?.[0]?.extensions?.reason;
export const codeOf = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;

export interface ErrorDetail {
  code: string;
  params: Record<string, string | number>;
  message: string;
  field?: string;
}

/** The particulars of the first error (extensions.details): codes with parameters, for clients to word. */
export const detailsOf = (result: { errors?: Array<{ extensions?: object }> }): ErrorDetail[] => (result.errors?.[0]?.extensions as { details?: ErrorDetail[] } | undefined)?.details ?? [];
