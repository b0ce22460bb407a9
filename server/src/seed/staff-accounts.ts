import type { EntityManager } from 'typeorm';
import { now } from '../clock';
import { RoleGrant, GrantStatus } from '../modules/staff/role-grant.entity';
import type { Role } from '../modules/staff/role.entity';
import { Staff, StaffStatus } from '../modules/staff/staff.entity';

export interface NewStaff {
  username: string;
  displayName: string;
  branchId: number | null;
  passwordHash: string;
  roles: Role[];
  reason: string;
}

/** A staff account with its grants, for set-up tools (demo data, first administrator), not for the API. */
export async function createStaffWithRoles(em: EntityManager, input: NewStaff): Promise<Staff> {
  const at = now();
  const staff = await em.save(
    em.create(Staff, {
      username: input.username,
      displayName: input.displayName,
      branchId: input.branchId,
      passwordHash: input.passwordHash,
      status: StaffStatus.active,
      failedLoginCount: 0,
      mustChangePassword: false,
      version: 1,
      createdAt: at,
      updatedAt: at,
    }),
  );
  for (const role of input.roles) {
    await em.save(
      em.create(RoleGrant, { staffId: staff.id, roleId: role.id, status: GrantStatus.active, reason: input.reason, grantedById: null, createdAt: at }),
    );
  }
  return staff;
}
