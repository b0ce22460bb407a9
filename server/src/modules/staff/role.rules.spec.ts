import { DEFAULT_CONFLICTS } from '../../access/separation-of-duties';
import { roleRuleProblems as withCodes } from './role.rules';

const roleRuleProblems = (...args: Parameters<typeof withCodes>) => withCodes(...args).map((p) => p.message);

const FIELDS: Record<string, string[]> = { Customer: ['id', 'name', 'idNumber', 'branchId'], Staff: ['id', 'username', 'branchId'] };
const fieldsOf = (subject: string) => FIELDS[subject] ?? null;

describe('role rules as an administrator writes them', () => {
  it('accepts well-formed rules with known fields and placeholders', () => {
    expect(roleRuleProblems([{ action: 'read', subject: 'Customer', fields: ['name'], conditions: { branchId: '${staff.branchId}' } }], fieldsOf, DEFAULT_CONFLICTS)).toEqual([]);
  });

  it('passes the shape problems through first', () => {
    expect(roleRuleProblems([{ action: 'fly', subject: 'Customer' }], fieldsOf, DEFAULT_CONFLICTS)).toEqual(['rule 1: unknown action "fly"']);
    expect(roleRuleProblems({}, fieldsOf, DEFAULT_CONFLICTS)).toEqual(['rules must be a list']);
  });

  it('names unknown fields, condition keys and placeholders', () => {
    expect(
      roleRuleProblems(
        [
          { action: 'read', subject: 'Customer', fields: ['nmae'] },
          { action: 'read', subject: 'Staff', conditions: { brnachId: 1 } },
          { action: 'read', subject: 'Staff', conditions: { id: '${staff.userId}' } },
        ],
        fieldsOf,
        DEFAULT_CONFLICTS,
      ),
    ).toEqual([
      'rule 1: Customer has no field "nmae"',
      'rule 2: Staff has no field "brnachId" to put a condition on',
      'rule 3: unknown placeholder "${staff.userId}" (use ${staff.id} or ${staff.branchId})',
    ]);
  });

  it('refuses a role that holds both sides of a separation-of-duties pair', () => {
    const problems = roleRuleProblems([{ action: 'reveal', subject: 'Customer' }, { action: 'create', subject: 'Staff' }], fieldsOf, DEFAULT_CONFLICTS);
    expect(problems).toEqual(['the role itself breaks the separation of duties "reveal-vs-access-administration": revealing customer data together with staff or role administration']);
  });

  it('names the pair and the unknown particulars with codes and parameters', () => {
    const [conflict] = withCodes([{ action: 'reveal', subject: 'Customer' }, { action: 'create', subject: 'Staff' }], fieldsOf, DEFAULT_CONFLICTS);
    expect(conflict).toMatchObject({ code: 'DUTY_CONFLICT_IN_ROLE', params: { pair: 'reveal-vs-access-administration' }, field: 'rules' });
    const [field] = withCodes([{ action: 'read', subject: 'Customer', fields: ['nmae', 'x'] }], fieldsOf, DEFAULT_CONFLICTS);
    expect(field).toMatchObject({ code: 'RULE_UNKNOWN_FIELD', params: { rule: 1, subject: 'Customer', fields: 'nmae, x' } });
  });
});
