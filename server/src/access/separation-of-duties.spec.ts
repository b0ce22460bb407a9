import { buildAbility } from './ability';
import { conflictsIn, separateDuties } from './separation-of-duties';
import type { StoredRule } from './rules';

const manager: StoredRule[] = [
  { action: ['read', 'update'], subject: 'Customer', conditions: { branchId: 1 } },
  { action: 'reveal', subject: 'Customer', fields: ['idNumber'], conditions: { branchId: 1 } },
];
const admin: StoredRule[] = [{ action: ['read', 'create', 'update'], subject: 'Staff' }];

describe('separation of duties', () => {
  it('finds no conflict in either role alone', () => {
    expect(conflictsIn(manager)).toEqual([]);
    expect(conflictsIn(admin)).toEqual([]);
  });

  it('withdraws reveal from someone who also administers staff, and keeps the rest', () => {
    const { rules, conflicts } = separateDuties([...manager, ...admin]);
    expect(conflicts.map((c) => c.name)).toEqual(['reveal-vs-access-administration']);
    const ability = buildAbility(rules, { id: 1, branchId: 1 });
    expect(ability.can('reveal', 'Customer', 'idNumber')).toBe(false);
    expect(ability.can('read', 'Customer')).toBe(true);
    expect(ability.can('update', 'Staff')).toBe(true);
  });

  it('treats manage as holding every action', () => {
    const { rules, conflicts } = separateDuties([{ action: 'manage', subject: 'all' }]);
    expect(conflicts.map((c) => c.name)).toEqual(['reveal-vs-access-administration']);
    expect(buildAbility(rules, { id: 1, branchId: 1 }).can('reveal', 'Customer')).toBe(false);
  });

  it('ignores forbidding rules', () => {
    expect(conflictsIn([...admin, { action: 'reveal', subject: 'Customer', inverted: true }])).toEqual([]);
  });

  it('can narrow a pair to one field, and withdraws only that field', () => {
    const pair = [{ name: 'id-vs-export', description: 'seeing ID numbers together with exporting', withdrawn: [{ action: 'reveal', subject: 'Customer', field: 'idNumber' }], other: [{ action: 'export', subject: 'Customer' }] }];
    expect(conflictsIn([{ action: 'reveal', subject: 'Customer', fields: ['phone'] }, { action: 'export', subject: 'Customer' }], pair)).toEqual([]);
    const { rules, withdrawals } = separateDuties([{ action: 'reveal', subject: 'Customer', fields: ['idNumber', 'phone'] }, { action: 'export', subject: 'Customer' }], pair);
    expect(withdrawals).toEqual([{ action: 'reveal', subject: 'Customer', fields: ['idNumber'], inverted: true, reason: 'separation of duties: seeing ID numbers together with exporting' }]);
    const ability = buildAbility(rules, { id: 1, branchId: 1 });
    expect(ability.can('reveal', 'Customer', 'idNumber')).toBe(false);
    expect(ability.can('reveal', 'Customer', 'phone')).toBe(true);
  });
});
