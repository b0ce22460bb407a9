import { Extensions } from 'type-graphql';
import type { Action, SubjectName } from './subjects';

/**
 * Permissions are declared next to the operation and checked in one place (the access guard, access-guard.ts):
 * a resolver method carries `@Allow('update', 'Customer')` or `@Public()` and nothing else.
 */
export interface OperationRule {
  public?: boolean;
  signedIn?: boolean;
  allow?: { action: Action; subject: SubjectName };
}

export const Allow = (action: Action, subject: SubjectName) => Extensions({ access: { allow: { action, subject } } satisfies { access: OperationRule }['access'] });

/** Callable without a session (sign-in). */
export const Public = () => Extensions({ access: { public: true } });

/** Any signed-in staff member (their own profile, sign-out). */
export const SignedIn = () => Extensions({ access: { signedIn: true } });
