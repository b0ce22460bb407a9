import type { EntityManager } from 'typeorm';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { notify, type NewNotification } from './notification.service';

/** Active staff of a branch holding a role through a grant valid at `at`. */
export async function branchStaffWithRole(em: EntityManager, role: string, branchId: number, at: Date = now()): Promise<number[]> {
  const rows = await em
    .createQueryBuilder()
    .select('DISTINCT s.id', 'id')
    .from('staff', 's')
    .innerJoin('role_grant', 'g', 'g.staff_id = s.id')
    .innerJoin('role', 'r', 'r.id = g.role_id')
    .where('r.name = :role AND s.branch_id = :branchId', { role, branchId })
    .andWhere("s.status = 'active' AND g.status = 'active'")
    .andWhere('(g.valid_from IS NULL OR g.valid_from <= :at) AND (g.valid_until IS NULL OR g.valid_until > :at)', { at: sqlTime(at) })
    .getRawMany<{ id: number | string }>();
  return rows.map((row) => Number(row.id));
}

/** Tells the holders of a role in one branch, in the caller's transaction; returns how many were told. */
export async function notifyBranch(em: EntityManager, branchId: number, role: string, message: NewNotification, at: Date = now()): Promise<number> {
  return notify(em, await branchStaffWithRole(em, role, branchId, at), message, at);
}
