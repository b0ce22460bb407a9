import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { AppAbility } from '../access/ability';
import type { Config } from '../config';
import type { Loaders } from './loaders';

export interface SignedInStaff {
  id: number;
  username: string;
  displayName: string;
  branchId: number | null;
  roles: string[];
  sessionId: number;
  /** Separation-of-duties conflicts among their grants; the withdrawn side is already out of their ability. */
  dutyConflicts?: string[];
  /** A reset password is still in use: only changePassword, sign-out and the own profile work until it is replaced. */
  mustChangePassword?: boolean;
  /** One of their roles requires multi-factor sign-in. */
  mfaRequired?: boolean;
  mfaEnrolled?: boolean;
}

/** What every resolver and service receives first: who is asking, with what rights, on which request. */
export interface RequestContext {
  requestId: string;
  config: Config;
  db: DataSource;
  staff: SignedInStaff | null;
  ability: AppAbility;
  loaders: Loaders;
  ip: string | null;
  userAgent: string | null;
  req: Request;
  res: Response;
  /** Set when a session token was presented and refused, so the error says why. */
  sessionProblem: 'SESSION_EXPIRED' | null;
}
