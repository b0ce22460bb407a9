import { buildAbility } from './ability';
import { conditionFields } from './condition-fields';

describe('conditionFields', () => {
  const staff = { id: 7, branchId: 3 };

  it("names every field a rule's conditions use for the subject, whatever the action, inverted rules and `all` included", () => {
    const ability = buildAbility(
      [
        { action: 'read', subject: 'Customer', conditions: { branchId: '${staff.branchId}' } },
        { action: 'update', subject: ['Customer', 'Policy'], fields: ['name'], conditions: { createdById: '${staff.id}' } },
        { action: 'read', subject: 'Customer', inverted: true, conditions: { status: { $in: ['restricted'] } } },
        { action: 'read', subject: 'all', conditions: { archived: false } },
        { action: 'read', subject: 'Complaint', conditions: { assigneeId: '${staff.id}' } },
        { action: 'read', subject: 'Customer', fields: ['phone'] },
      ],
      staff,
    );
    expect([...conditionFields(ability, 'Customer')].sort()).toEqual(['archived', 'branchId', 'createdById', 'status']);
    expect([...conditionFields(ability, 'Complaint')].sort()).toEqual(['archived', 'assigneeId']);
  });

  it('is empty for rules without conditions', () => {
    expect(conditionFields(buildAbility([{ action: 'read', subject: 'Customer' }], staff), 'Customer')).toEqual([]);
  });
});
