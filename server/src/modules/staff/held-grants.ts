import { In, type EntityManager } from 'typeorm';
import type { StoredRule } from '../../access/rules';
import { conflictsIn, type DutyConflict } from '../../access/separation-of-duties';
import { now } from '../../clock';
import { Role } from './role.entity';
import { GrantStatus, RoleGrant } from './role-grant.entity';

export interface HeldGrant {
  grant: RoleGrant;
  role: Role;
}

/**
 * Grants that give rights now or will: active and not expired (also those not yet valid), and those
 * waiting for approval. Separation of duties is judged on these, so a grant cannot slip past a pair by
 * being dated in the future or approved later.
 */
export async function heldGrants(em: EntityManager, where: { staffIds?: number[]; roleId?: number }): Promise<HeldGrant[]> {
  const qb = em.getRepository(RoleGrant).createQueryBuilder('g').where('g.status IN (:...statuses)', { statuses: [GrantStatus.active, GrantStatus.pending_approval] });
  if (where.staffIds) qb.andWhere(where.staffIds.length ? 'g.staffId IN (:...staffIds)' : '1 = 0', { staffIds: where.staffIds });
  if (where.roleId !== undefined) qb.andWhere('g.roleId = :roleId', { roleId: where.roleId });
  const at = now();
  const grants = (await qb.orderBy('g.id', 'ASC').getMany()).filter((g) => !g.validUntil || g.validUntil > at);
  const roles = grants.length ? await em.getRepository(Role).find({ where: { id: In([...new Set(grants.map((g) => g.roleId))]) } }) : [];
  const byId = new Map(roles.map((r) => [r.id, r]));
  return grants.map((grant) => ({ grant, role: byId.get(grant.roleId)! }));
}

/** The first pair a staff member's held grants plus some more rules would break, or null. */
export function pairBroken(held: HeldGrant[], extra: StoredRule[], conflicts: DutyConflict[]): DutyConflict | null {
  return conflictsIn([...held.flatMap((h) => h.role.rules), ...extra], conflicts)[0] ?? null;
}
