import { call } from '../rights/api';

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
