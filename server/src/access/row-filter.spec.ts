import { buildAbility } from './ability';
import { rowFilter } from './row-filter';

const columns = (field: string) => ({ branchId: 'c.branch_id', status: 'c.status', assigneeId: 'c.assignee_id' })[field];
const staff = { id: 7, branchId: 3 };

describe('rowFilter', () => {
  it('returns null when no rule allows the action', () => {
    const ability = buildAbility([{ action: 'read', subject: 'Policy' }], staff);
    expect(rowFilter(ability, 'read', 'Customer', columns)).toBeNull();
  });

  it('is unrestricted for an unconditional rule', () => {
    const ability = buildAbility([{ action: 'read', subject: 'Customer' }], staff);
    expect(rowFilter(ability, 'read', 'Customer', columns)).toEqual({ sql: '1 = 1', params: {} });
  });

  it('fills staff placeholders and ORs the allowing rules', () => {
    const ability = buildAbility(
      [
        { action: 'read', subject: 'Customer', conditions: { branchId: '${staff.branchId}' } },
        { action: 'read', subject: 'Customer', conditions: { assigneeId: '${staff.id}' } },
      ],
      staff,
    );
    const result = rowFilter(ability, 'read', 'Customer', columns)!;
    expect(result.sql).toBe('((c.assignee_id = :rf1) OR (c.branch_id = :rf2))');
    expect(result.params).toEqual({ rf1: 7, rf2: 3 });
  });

  it('subtracts inverted rules and renders operators', () => {
    const ability = buildAbility(
      [
        { action: 'read', subject: 'Customer', conditions: { branchId: { $in: [1, 2] } } },
        { action: 'read', subject: 'Customer', inverted: true, conditions: { status: 'restricted' } },
      ],
      staff,
    );
    const result = rowFilter(ability, 'read', 'Customer', columns)!;
    expect(result.sql).toBe('((c.branch_id IN (:...rf2))) AND NOT (c.status = :rf1)');
    expect(result.params).toEqual({ rf1: 'restricted', rf2: [1, 2] });
  });

  it('fails closed on a condition over an unknown column', () => {
    const ability = buildAbility([{ action: 'read', subject: 'Customer', conditions: { secret: 1 } }], staff);
    expect(rowFilter(ability, 'read', 'Customer', columns)!.sql).toBe('((1 = 0))');
  });

  it('does not let a field-level forbid hide whole rows', () => {
    const ability = buildAbility(
      [
        { action: 'read', subject: 'Customer' },
        { action: 'read', subject: 'Customer', fields: ['idNumber'], inverted: true },
      ],
      staff,
    );
    expect(rowFilter(ability, 'read', 'Customer', columns)!.sql).toBe('1 = 1');
  });

  it('matches nothing for a branch-scoped rule when the staff member has no branch', () => {
    const ability = buildAbility([{ action: 'read', subject: 'Customer', conditions: { branchId: '${staff.branchId}' } }], { id: 1, branchId: null });
    expect(rowFilter(ability, 'read', 'Customer', columns)!.params).toEqual({ rf1: -1 });
  });
});
