import { subject } from '@casl/ability';
import { DEFAULT_CONFLICTS } from '../../access/separation-of-duties';
import { BUILT_IN_ROLES } from '../../seed/built-in-roles';
import { accessOf, grantsGiving } from './staff-access';
import type { EffectiveGrant } from './staff-rules';

const role = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!;
const grant = (grantId: number, name: string): EffectiveGrant => ({ grantId, staffId: 7, roleId: grantId, roleName: name, roleLabel: role(name).label, requiresMfa: false, highRisk: false, rules: role(name).rules });
const manager = { id: 7, branchId: 3, mustChangePassword: false };

describe('a staff member\'s access, as every request builds it', () => {
  it('merges the grants and names which grant gives a permission', () => {
    const grants = [grant(1, 'agent'), grant(2, 'manager')];
    const access = accessOf(manager, grants, DEFAULT_CONFLICTS);
    expect(access.ability.can('reveal', 'Customer', 'idNumber')).toBe(true);
    expect(grantsGiving(manager, grants, access, (a) => a.can('reveal', 'Customer', 'idNumber')).map((g) => g.grantId)).toEqual([2]);
    expect(grantsGiving(manager, grants, access, (a) => a.can('read', 'Customer')).map((g) => g.grantId)).toEqual([1, 2]);
    expect(grantsGiving(manager, grants, access, (a) => a.can('read', 'AuditEntry'))).toEqual([]);
  });

  it('gives no grant the side that separation of duties withdraws', () => {
    const grants = [grant(2, 'manager'), grant(3, 'admin')];
    const access = accessOf(manager, grants, DEFAULT_CONFLICTS);
    expect(access.conflicts.map((c) => c.name)).toEqual(['reveal-vs-access-administration']);
    expect(grantsGiving(manager, grants, access, (a) => a.can('reveal', 'Customer'))).toEqual([]);
    expect(grantsGiving(manager, grants, access, (a) => a.can('create', 'Staff')).map((g) => g.grantId)).toEqual([3]);
  });

  it('holds nothing but the own account while a reset password is in use', () => {
    const access = accessOf({ ...manager, mustChangePassword: true }, [grant(2, 'manager')], DEFAULT_CONFLICTS);
    expect(access.ability.can('read', 'Customer')).toBe(false);
    expect(access.ability.can('read', subject('Staff', { id: 7 }))).toBe(true);
    expect(access.ability.can('read', subject('Staff', { id: 8 }))).toBe(false);
  });
});
