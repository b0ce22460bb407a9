import { buildAbility } from './ability';
import { fieldVerdict } from './field-guard';
import type { StoredRule } from './rules';

class Customer {
  constructor(readonly id: number, readonly branchId: number, readonly status = 'active') {}
}

const STAFF = { id: 7, branchId: 3 };
const FIELDS = ['name', 'idNumber', 'phone', 'status', 'branchId', 'occupation'];
const RECORDS = [new Customer(1, 3), new Customer(2, 4), new Customer(3, 3, 'closed'), new Customer(4, 4, 'closed')];

// Role shapes from the built-in roles and from what administrators write: row rules, field lists, inverted rules, both.
const ROLES: Record<string, StoredRule[]> = {
  everything: [{ action: 'read', subject: 'Customer' }],
  'own branch': [{ action: 'read', subject: 'Customer', conditions: { branchId: '${staff.branchId}' } }],
  'own branch, some fields elsewhere': [
    { action: 'read', subject: 'Customer', fields: ['name', 'status'] },
    { action: 'read', subject: 'Customer', conditions: { branchId: '${staff.branchId}' } },
  ],
  'all but phone': [{ action: 'read', subject: 'Customer' }, { action: 'read', subject: 'Customer', fields: ['phone'], inverted: true }],
  'not the phone of closed customers': [
    { action: 'read', subject: 'Customer' },
    { action: 'read', subject: 'Customer', fields: ['phone', 'idNumber'], conditions: { status: 'closed' }, inverted: true },
  ],
  'fields only': [{ action: 'read', subject: 'Customer', fields: ['name'] }],
  nothing: [],
};

describe('fieldVerdict', () => {
  it.each(Object.keys(ROLES))('agrees with CASL field by field and row by row: %s', (role) => {
    const ability = buildAbility(ROLES[role], STAFF);
    for (let pass = 0; pass < 2; pass++) {
      // The second pass reads the per-ability memo the first one filled.
      for (const record of RECORDS) {
        for (const field of FIELDS) {
          expect([record.id, field, fieldVerdict(ability, 'Customer', record, field).readable]).toEqual([record.id, field, ability.can('read', record, field)]);
        }
      }
    }
  });

  it('masks sensitive fields and always shows the id', () => {
    const ability = buildAbility(ROLES['own branch'], STAFF);
    expect(fieldVerdict(ability, 'Customer', RECORDS[0], 'idNumber')).toEqual({ readable: true, maskAs: 'idNumber' });
    expect(fieldVerdict(ability, 'Customer', RECORDS[1], 'idNumber')).toEqual({ readable: false });
    expect(fieldVerdict(ability, 'Customer', RECORDS[1], 'id')).toEqual({ readable: true });
  });

  it('judges a record of another type by its own rules, not the type it is asked as', () => {
    const ability = buildAbility(ROLES.everything, STAFF);
    expect(fieldVerdict(ability, 'Customer', { branchId: 3 }, 'name').readable).toBe(false);
  });
});
