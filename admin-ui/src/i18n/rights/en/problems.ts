/**
 * Access rights (issue 6): the particulars the API gives with a refusal (extensions.details: a code and
 * its parameters), worded here; the API's English message is the fallback for a code not listed.
 * Server: access/rules.ts, modules/staff/role.rules.ts, access/separation-of-duties.ts.
 */
export const problemsEn = {
  RULES_NOT_A_LIST: 'The rules must be a list',
  RULE_NOT_AN_OBJECT: 'Rule %{rule}: must be an object',
  RULE_UNKNOWN_ACTION: 'Rule %{rule}: unknown action "%{action}"',
  RULE_UNKNOWN_SUBJECT: 'Rule %{rule}: unknown subject "%{subject}"',
  RULE_FIELDS_NOT_A_LIST: 'Rule %{rule}: fields must be a list of field names',
  RULE_CONDITIONS_NOT_AN_OBJECT: 'Rule %{rule}: conditions must be an object',
  RULE_TOP_LEVEL_OPERATOR: 'Rule %{rule}: operator "%{operator}" is not supported at the top level',
  RULE_UNSUPPORTED_OPERATOR: 'Rule %{rule}: operator "%{operator}" on "%{field}" is not supported',
  RULE_UNKNOWN_FIELD: 'Rule %{rule}: %{subject} has no field %{fields}',
  RULE_UNKNOWN_CONDITION_FIELD: 'Rule %{rule}: %{subject} has no field %{fields} to put a condition on',
  RULE_UNKNOWN_PLACEHOLDER: 'Rule %{rule}: unknown placeholder "%{placeholder}" (use ${staff.id} or ${staff.branchId})',
  DUTY_CONFLICT_IN_ROLE: 'The role itself breaks the separation of duties "%{pair}": %{description}',
  DUTY_CONFLICT_GRANT: '%{staff} (%{username}) cannot hold "%{role}" with their other roles: separation of duties "%{pair}" (%{description})',
  DUTY_CONFLICT_HOLDER: 'With these rules, %{staff} (%{username}), who holds this role, would break the separation of duties "%{pair}": %{description}',
};
