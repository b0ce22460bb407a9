import { interpolateRules, validateRules } from './rules';

describe('role rules', () => {
  it('fills staff placeholders with typed values, deep in conditions', () => {
    const [rule] = interpolateRules(
      [{ action: 'read', subject: 'Customer', conditions: { branchId: '${staff.branchId}', ownerId: { $in: ['${staff.id}', 5] } } }],
      { id: 7, branchId: 3 },
    );
    expect(rule.conditions).toEqual({ branchId: 3, ownerId: { $in: [7, 5] } });
  });

  it('leaves other strings alone', () => {
    const [rule] = interpolateRules([{ action: 'read', subject: 'Customer', conditions: { name: 'staff.id ${x}' } }], { id: 7, branchId: 3 });
    expect(rule.conditions).toEqual({ name: 'staff.id ${x}' });
  });

  it('accepts the built-in shapes', () => {
    expect(validateRules([{ action: ['read', 'update'], subject: 'Customer', fields: ['name'], conditions: { branchId: { $in: [1] } } }])).toEqual([]);
  });

  it('names each problem with its rule number', () => {
    expect(
      validateRules([
        { action: 'fly', subject: 'Customer' },
        { action: 'read', subject: 'Spaceship' },
        { action: 'read', subject: 'Customer', conditions: { name: { $regex: 'x' } } },
        { action: 'read', subject: 'Customer', fields: 'name' },
      ]),
    ).toEqual([
      'rule 1: unknown action "fly"',
      'rule 2: unknown subject "Spaceship"',
      'rule 3: operator "$regex" on "name" is not supported',
      'rule 4: fields must be a list of field names',
    ]);
    expect(validateRules('nope')).toEqual(['rules must be a list']);
  });
});
