import type { AuthProvider, UserIdentity } from 'react-admin';
import { graphqlRequest, GraphQLRequestError } from '../graphql/request';
import { findServerError } from '../graphql/serverError';
import { canAccessWith } from './canAccess';
import { clearSession, loadSession } from './session';
import { forgetSignedOutReason, rememberSignedOutReason } from './signedOutReason';

const LOGIN = `mutation Login($username: String!, $password: String!, $otp: String) {
  login(username: $username, password: $password, otp: $otp) { expiresAt }
}`;
const LOGOUT = `mutation Logout { logout }`;

export interface LoginParams {
  username: string;
  password: string;
  otp?: string;
}

export interface StaffIdentity extends UserIdentity {
  username: string;
  roles: string[];
  branchId: string | null;
  branchName: string | null;
  timezone: string;
}

/** Sign-in failures as i18n keys, so the sign-in page speaks the chosen language. */
function signInErrorKey(error: unknown): string {
  const server = error instanceof GraphQLRequestError ? error.serverError : findServerError(error);
  if (!server) return 'app.auth.errors.network';
  if (server.reason === 'ACCOUNT_LOCKED') return 'app.auth.errors.locked';
  if (server.reason === 'SIGN_IN_FAILED') return server.message.includes('not active') ? 'app.auth.errors.inactive' : 'app.auth.errors.failed';
  if (server.reason === 'MFA_CODE_REQUIRED') return 'app.rights.login.otp_required';
  if (server.reason === 'MFA_CODE_INVALID') return 'app.rights.login.otp_invalid';
  if (server.code === 'RATE_LIMITED') return 'app.auth.errors.rate_limited';
  if (server.code === 'NETWORK') return 'app.auth.errors.network';
  return 'app.auth.errors.unknown';
}

function isUnauthenticated(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return status === 401 || findServerError(error)?.code === 'UNAUTHENTICATED';
}

/**
 * Sessions live in the server's HttpOnly cookie: the console never holds a token. An error with
 * UNAUTHENTICATED at any point means the session is gone (timed out, revoked, account disabled),
 * and the console returns to the sign-in page, which says why.
 */
export const authProvider: AuthProvider = {
  async login({ username, password, otp }: LoginParams) {
    clearSession();
    let mustChangePassword = false;
    try {
      await graphqlRequest(LOGIN, { username: username.trim(), password, otp: otp?.trim() || null });
      mustChangePassword = !!(await loadSession()).me.mustChangePassword;
    } catch (error) {
      throw new Error(signInErrorKey(error));
    }
    forgetSignedOutReason();
    // After an administrator reset the password, nothing else works until a new one is chosen.
    if (mustChangePassword) return { redirectTo: '/change-password' };
  },

  async logout() {
    clearSession();
    try {
      await graphqlRequest(LOGOUT);
    } catch {
      // Already signed out on the server (expired or revoked): nothing left to end.
    }
    return '/login';
  },

  async checkAuth() {
    try {
      await loadSession();
    } catch (error) {
      const server = findServerError(error);
      if (server?.reason === 'SESSION_EXPIRED') rememberSignedOutReason('expired');
      // The sign-in page explains an expired session itself; a first visit needs no message.
      throw { message: false, redirectTo: '/login' };
    }
  },

  async checkError(error: unknown) {
    // A reset password allows nothing but choosing a new one: straight there, still signed in.
    if (findServerError(error)?.reason === 'PASSWORD_CHANGE_REQUIRED') throw { redirectTo: '/change-password', logoutUser: false, message: false };
    if (!isUnauthenticated(error)) return; // FORBIDDEN and the rest are shown where they happen, not by signing out.
    clearSession();
    rememberSignedOutReason('expired');
    throw { message: false, redirectTo: '/login' };
  },

  async getIdentity(): Promise<StaffIdentity> {
    const { me } = await loadSession();
    return {
      id: me.id,
      fullName: me.displayName,
      username: me.username,
      roles: me.roles,
      branchId: me.branchId,
      branchName: me.branch?.name ?? null,
      timezone: me.timezone,
    };
  },

  async getPermissions() {
    return (await loadSession()).ability;
  },

  async canAccess(params) {
    try {
      const { ability } = await loadSession();
      return canAccessWith(ability, params as Parameters<typeof canAccessWith>[1]);
    } catch {
      return false;
    }
  },
};
