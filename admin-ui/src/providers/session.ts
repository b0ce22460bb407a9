import { graphqlRequest } from '../graphql/request';
import { abilityFromPackedRules, type AppAbility } from './ability';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  branchId: string | null;
  branch: { id: string; name: string | null } | null;
  roles: string[];
  permissions: unknown;
  timezone: string;
  /** A reset password is in use: the console sends the staff member to choose a new one first. */
  mustChangePassword?: boolean;
  mfa?: { enrolled: boolean; required: boolean; enrolmentRequired: boolean; recoveryCodesLeft: number } | null;
}

export interface Session {
  me: Me;
  ability: AppAbility;
}

const ME = `query Me {
  me { id username displayName branchId branch { id name } roles permissions timezone mustChangePassword mfa { enrolled required enrolmentRequired recoveryCodesLeft } }
}`;

let pending: Promise<Session> | null = null;

/**
 * The signed-in staff member and their ability, fetched once per sign-in and shared by identity,
 * permissions and access checks. The server rebuilds rights on every request; this copy only
 * decides what the console shows.
 */
export function loadSession(): Promise<Session> {
  pending ??= graphqlRequest<{ me: Me }>(ME).then(
    ({ me }) => ({ me, ability: abilityFromPackedRules(me.permissions) }),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

export function clearSession(): void {
  pending = null;
}
