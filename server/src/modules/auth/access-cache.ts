import type { DataSource } from 'typeorm';
import { MoreThan } from 'typeorm';
import { sqlTime } from '../../db/columns';
import { GrantStatus, RoleGrant } from '../staff/role-grant.entity';
import type { Staff } from '../staff/staff.entity';
import { accessOf, loadDutyConflicts, type StaffAccess } from './staff-access';
import { effectiveGrants, type EffectiveGrant } from './staff-rules';

/**
 * Built abilities, one per staff member, reused while nothing they depend on has changed:
 * - the access version (migrations/1764800000000-AccessVersion.ts), bumped in the same transaction by
 *   every write to roles, grants and duty-conflict rules, read with the session on every request, so a
 *   change made through any server process takes effect on the next request everywhere;
 * - the staff row's branch and password-reset flag, also read on every request;
 * - the business clock (clock.ts): an entry is good only between when it was built and the next moment
 *   one of the person's active grants starts or ends, so validity windows open and close on time.
 */
export interface GrantedAccess {
  grants: EffectiveGrant[];
  access: StaffAccess;
}

interface Entry extends GrantedAccess {
  version: string;
  branchId: number | null;
  mustChangePassword: boolean;
  builtAt: number;
  /** The next start or end of one of the person's active grants; Infinity if none is ahead. */
  goodUntil: number;
}

/** Bounded: the least recently used entry goes first. An entry holds a few hundred rules at most. */
const MAX_ENTRIES = 5_000;
const entries = new Map<number, Entry>();

function usable(entry: Entry | undefined, staff: Staff, version: string, at: number): entry is Entry {
  return (
    entry !== undefined &&
    entry.version === version &&
    entry.branchId === staff.branchId &&
    entry.mustChangePassword === staff.mustChangePassword &&
    at >= entry.builtAt &&
    at < entry.goodUntil
  );
}

/** When the next of the person's active grants starts or ends after `at` (business clock), Infinity if none. */
async function nextWindowEdge(db: DataSource, staffId: number, at: Date): Promise<number> {
  // better-sqlite3 cannot bind a Date; both databases compare the text form.
  const after = MoreThan(sqlTime(at) as unknown as Date);
  const ahead = await db.getRepository(RoleGrant).find({
    select: { id: true, validFrom: true, validUntil: true },
    where: [
      { staffId, status: GrantStatus.active, validFrom: after },
      { staffId, status: GrantStatus.active, validUntil: after },
    ],
  });
  const edges = ahead.flatMap((g) => [g.validFrom, g.validUntil]).map((d) => (d ? d.getTime() : NaN)).filter((t) => t > at.getTime());
  return edges.length ? Math.min(...edges) : Infinity;
}

/**
 * The grants and ability of a signed-in staff member at `at`. `version` is the access version read with
 * the session; null (not yet migrated) bypasses the cache.
 */
export async function grantedAccess(db: DataSource, staff: Staff, version: string | null, at: Date): Promise<GrantedAccess> {
  const time = at.getTime();
  const cached = entries.get(staff.id);
  if (version !== null && usable(cached, staff, version, time)) {
    entries.delete(staff.id);
    entries.set(staff.id, cached);
    return cached;
  }
  const [grants, conflicts, goodUntil] = await Promise.all([
    effectiveGrants(db, staff.id, at),
    loadDutyConflicts(db),
    version === null ? Promise.resolve(-Infinity) : nextWindowEdge(db, staff.id, at),
  ]);
  const built: GrantedAccess = { grants, access: accessOf(staff, grants, conflicts) };
  if (version === null) return built;
  entries.delete(staff.id);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as number);
  entries.set(staff.id, { ...built, version, branchId: staff.branchId, mustChangePassword: staff.mustChangePassword, builtAt: time, goodUntil });
  return built;
}

/** Test hook: forget every built ability (the version check makes this unnecessary in the server). */
export function clearAccessCache(): void {
  entries.clear();
}
