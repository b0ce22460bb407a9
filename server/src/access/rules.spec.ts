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
    const problems = validateRules([
        { action: 'fly', subject: 'Customer' },
        { action: 'read', subject: 'Spaceship' },
        { action: 'read', subject: 'Customer', conditions: { name: { $regex: 'x' } } },
        { action: 'read', subject: 'Customer', fields: 'name' },
      ]);
    expect(problems.map((p) => p.message)).toEqual([
      'rule 1: unknown action "fly"',
      'rule 2: unknown subject "Spaceship"',
      'rule 3: operator "$regex" on "name" is not supported',
      'rule 4: fields must be a list of field names',
    ]);
    expect(validateRules('nope').map((p) => p.message)).toEqual(['rules must be a list']);
  });

  it('gives each problem a code and its particulars, for clients to word in their own language', () => {
    expect(validateRules([{ action: 'read', subject: 'Customer', conditions: { name: { $regex: 'x' } } }, { action: 'fly', subject: 'Spaceship' }])).toEqual([
      { code: 'RULE_UNSUPPORTED_OPERATOR', params: { rule: 1, operator: '$regex', field: 'name' }, message: 'rule 1: operator "$regex" on "name" is not supported', field: 'rules' },
      { code: 'RULE_UNKNOWN_ACTION', params: { rule: 2, action: 'fly' }, message: 'rule 2: unknown action "fly"', field: 'rules' },
      { code: 'RULE_UNKNOWN_SUBJECT', params: { rule: 2, subject: 'Spaceship' }, message: 'rule 2: unknown subject "Spaceship"', field: 'rules' },
    ]);
    expect(validateRules({})).toEqual([{ code: 'RULES_NOT_A_LIST', params: {}, message: 'rules must be a list', field: 'rules' }]);
  });
});
