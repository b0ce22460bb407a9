import type { DataSource, EntityManager } from 'typeorm';
import { buildAbility, type AppAbility } from '../../access/ability';
import type { StaffAttributes, StoredRule } from '../../access/rules';
import { separateDuties, type DutyConflict } from '../../access/separation-of-duties';
import { DutyConflictRule } from '../duties/duty-conflict-rule.entity';
import type { EffectiveGrant } from './staff-rules';

/** The separation-of-duties pairs in force: the enabled rows of duty_conflict_rule, read per request like the grants. */
export async function loadDutyConflicts(db: DataSource | EntityManager): Promise<DutyConflict[]> {
  const rows = await db.getRepository(DutyConflictRule).find({ where: { enabled: true }, order: { id: 'ASC' } });
  return rows.map((row) => ({ name: row.name, description: row.description, withdrawn: row.withdrawn, other: row.other }));
}

/** Until a reset password is replaced, a session may read its own account and nothing else. */
const PASSWORD_CHANGE_ONLY: StoredRule[] = [
  { action: 'read', subject: 'Staff', fields: ['id', 'username', 'displayName', 'branchId', 'status', 'mustChangePassword'], conditions: { id: '${staff.id}' } },
];

export interface StaffAccess {
  ability: AppAbility;
  /** The rules the ability was built from: the grants' rules, then the separation-of-duties withdrawals. */
  rules: StoredRule[];
  withdrawals: StoredRule[];
  conflicts: DutyConflict[];
}

export type AccessHolder = StaffAttributes & { mustChangePassword: boolean };

/**
 * What a staff member may do, from the grants in effect and the pairs in force. The session of every
 * request, the effective-permissions view and who-can all come through here, so what they report is
 * what the API enforces.
 */
export function accessOf(staff: AccessHolder, grants: EffectiveGrant[], conflicts: DutyConflict[]): StaffAccess {
  const attributes = { id: staff.id, branchId: staff.branchId };
  if (staff.mustChangePassword) {
    return { ability: buildAbility(PASSWORD_CHANGE_ONLY, attributes), rules: PASSWORD_CHANGE_ONLY, withdrawals: [], conflicts: [] };
  }
  const separated = separateDuties(grants.flatMap((g) => g.rules), conflicts);
  return { ability: buildAbility(separated.rules, attributes), rules: separated.rules, withdrawals: separated.withdrawals, conflicts: separated.conflicts };
}

/**
 * The grants through which a staff member can do something: each grant's own rules, less what separation
 * of duties withdraws from the person, checked alone. Empty when the person cannot do it at all.
 */
export function grantsGiving(staff: AccessHolder, grants: EffectiveGrant[], access: StaffAccess, check: (ability: AppAbility) => boolean): EffectiveGrant[] {
  if (!check(access.ability)) return [];
  const attributes = { id: staff.id, branchId: staff.branchId };
  return grants.filter((g) => check(buildAbility([...g.rules, ...access.withdrawals], attributes)));
}
