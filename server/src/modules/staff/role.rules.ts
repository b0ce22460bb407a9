import { ruleProblem, validateRules, type RuleProblem, type StoredRule } from '../../access/rules';
import { conflictDetail, conflictsIn, type DutyConflict } from '../../access/separation-of-duties';

const PLACEHOLDER = /\$\{[^}]*\}/;
const KNOWN_PLACEHOLDERS = new Set(['${staff.id}', '${staff.branchId}']);

function placeholdersIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && PLACEHOLDER.test(value)) found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => placeholdersIn(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => placeholdersIn(v, found));
  return found;
}

/**
 * Everything wrong with a role's rules, worded for the administrator who wrote them: the shape
 * (validateRules), fields and condition keys the subject does not have (a typo would silently grant
 * nothing, or hide nothing), unknown placeholders, and a separation-of-duties pair inside the role.
 * `fieldsOf` names a subject's fields, or null when it cannot tell.
 */
export function roleRuleProblems(rules: unknown, fieldsOf: (subject: string) => string[] | null, conflicts: DutyConflict[]): RuleProblem[] {
  const problems = validateRules(rules);
  if (problems.length) return problems;
  const list = rules as StoredRule[];
  const quoted = (names: string[]) => names.map((f) => `"${f}"`).join(', ');
  list.forEach((rule, index) => {
    const at = index + 1;
    for (const subject of [rule.subject].flat()) {
      const known = subject === 'all' ? null : fieldsOf(subject);
      if (!known) continue;
      const unknownFields = (rule.fields ?? []).filter((f) => !f.includes('*') && !known.includes(f));
      if (unknownFields.length) problems.push(ruleProblem('RULE_UNKNOWN_FIELD', { rule: at, subject, fields: unknownFields.join(', ') }, `${subject} has no field ${quoted(unknownFields)}`));
      const unknownKeys = Object.keys(rule.conditions ?? {}).filter((f) => !known.includes(f));
      if (unknownKeys.length) problems.push(ruleProblem('RULE_UNKNOWN_CONDITION_FIELD', { rule: at, subject, fields: unknownKeys.join(', ') }, `${subject} has no field ${quoted(unknownKeys)} to put a condition on`));
    }
    for (const value of placeholdersIn(rule.conditions ?? {})) {
      if (!KNOWN_PLACEHOLDERS.has(value)) problems.push(ruleProblem('RULE_UNKNOWN_PLACEHOLDER', { rule: at, placeholder: value }, `unknown placeholder "${value}" (use \${staff.id} or \${staff.branchId})`));
    }
  });
  for (const conflict of conflictsIn(list, conflicts)) problems.push(conflictDetail(conflict));
  return problems;
}
