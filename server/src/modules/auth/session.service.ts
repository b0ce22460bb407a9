import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../db/transaction';
import { IsNull } from 'typeorm';
import { emptyAbility, type AppAbility } from '../../access/ability';
import { now } from '../../clock';
import type { Config } from '../../config';
import type { SignedInStaff } from '../../graphql/context';
import { Staff, StaffStatus } from '../staff/staff.entity';
import { Session } from './session.entity';
import { hashSessionToken, newSessionToken } from './session-token';
import { grantedAccess } from './access-cache';

export interface ResolvedSession {
  staff: SignedInStaff | null;
  ability: AppAbility;
  problem: 'SESSION_EXPIRED' | null;
}

const TOUCH_AFTER_MS = 30_000;

export async function createSession(
  em: EntityManager,
  config: Config,
  staffId: number,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: Session }> {
  const token = newSessionToken();
  const at = now();
  const session = await em.save(
    em.create(Session, {
      tokenHash: hashSessionToken(token),
      staffId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + config.sessionAbsoluteHours * 3600_000),
      endedAt: null,
      endReason: null,
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
    }),
  );
  return { token, session };
}

export async function endSession(em: EntityManager, sessionId: number, reason: string): Promise<void> {
  await em.getRepository(Session).update({ id: sessionId, endedAt: IsNull() }, { endedAt: now(), endReason: reason });
}

/**
 * The session, its staff row and the access version in one statement: the part of every request that
 * cannot be cached, since a sign-out, a disabled account or a reset password must count at once.
 */
async function sessionWithStaff(db: DataSource, tokenHash: string): Promise<{ session: Session | null; staff: Staff | null; version: string | null }> {
  const { entities, raw } = await db
    .getRepository(Session)
    .createQueryBuilder('s')
    .leftJoinAndMapOne('s.holder', Staff, 'st', 'st.id = s.staffId')
    .addSelect('(SELECT v.version FROM access_version v WHERE v.id = 1)', 'access_version')
    .where('s.tokenHash = :tokenHash', { tokenHash })
    .getRawAndEntities();
  const session = (entities[0] as (Session & { holder?: Staff }) | undefined) ?? null;
  const version = raw[0]?.access_version;
  return { session, staff: session?.holder ?? null, version: version === null || version === undefined ? null : String(version) };
}

/**
 * Who holds this token, with what rights, right now. Idle and absolute timeouts, a disabled account
 * and changed grants all take effect here, on the very next request.
 */
export async function resolveSession(db: DataSource, config: Config, token: string | null): Promise<ResolvedSession> {
  const none: ResolvedSession = { staff: null, ability: emptyAbility(), problem: null };
  if (!token) return none;
  const expired: ResolvedSession = { ...none, problem: 'SESSION_EXPIRED' };
  const { session, staff, version } = await sessionWithStaff(db, hashSessionToken(token));
  if (!session || session.endedAt) return expired;
  const at = now();
  const idleLimit = config.sessionIdleMinutes * 60_000;
  if (at >= session.expiresAt || at.getTime() - session.lastSeenAt.getTime() > idleLimit) {
    await inTransaction(db, (em) => endSession(em, session.id, at >= session.expiresAt ? 'absolute_timeout' : 'idle_timeout'));
    return expired;
  }
  if (!staff || staff.status !== StaffStatus.active) {
    await inTransaction(db, (em) => endSession(em, session.id, 'account_inactive'));
    return expired;
  }
  if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    // Writes go through the transaction queue so, on the single SQLite connection, they never land inside another request's transaction.
    await inTransaction(db, (em) => em.getRepository(Session).update({ id: session.id }, { lastSeenAt: at }));
  }
  const { grants, access } = await grantedAccess(db, staff, version, at);
  const signedIn: SignedInStaff = {
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    branchId: staff.branchId,
    roles: [...new Set(grants.map((g) => g.roleName))],
    sessionId: session.id,
    dutyConflicts: access.conflicts.map((c) => c.description),
    mustChangePassword: staff.mustChangePassword,
    mfaRequired: grants.some((g) => g.requiresMfa),
    mfaEnrolled: staff.mfaEnabledAt !== null,
  };
  return { staff: signedIn, ability: access.ability, problem: null };
}

/** Ends every open session of a staff member at once (disable, password reset, MFA reset), or all but one. */
export async function endSessionsOf(em: EntityManager, staffId: number, reason: string, exceptSessionId?: number): Promise<number> {
  const qb = em
    .createQueryBuilder()
    .update(Session)
    .set({ endedAt: now(), endReason: reason })
    .where('staff_id = :staffId AND ended_at IS NULL', { staffId });
  if (exceptSessionId !== undefined) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
  const result = await qb.execute();
  return result.affected ?? 0;
}
