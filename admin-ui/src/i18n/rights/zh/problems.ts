import type { problemsEn } from '../en/problems';

export const problemsZh: typeof problemsEn = {
  RULES_NOT_A_LIST: '权限规则必须是列表',
  RULE_NOT_AN_OBJECT: '第 %{rule} 条规则：必须是对象',
  RULE_UNKNOWN_ACTION: '第 %{rule} 条规则：未知的操作“%{action}”',
  RULE_UNKNOWN_SUBJECT: '第 %{rule} 条规则：未知的对象“%{subject}”',
  RULE_FIELDS_NOT_A_LIST: '第 %{rule} 条规则：字段必须是字段名的列表',
  RULE_CONDITIONS_NOT_AN_OBJECT: '第 %{rule} 条规则：条件必须是 JSON 对象',
  RULE_TOP_LEVEL_OPERATOR: '第 %{rule} 条规则：不支持在条件顶层使用运算符“%{operator}”',
  RULE_UNSUPPORTED_OPERATOR: '第 %{rule} 条规则：字段“%{field}”上不支持运算符“%{operator}”',
  RULE_UNKNOWN_FIELD: '第 %{rule} 条规则：%{subject} 没有字段 %{fields}',
  RULE_UNKNOWN_CONDITION_FIELD: '第 %{rule} 条规则：%{subject} 没有字段 %{fields}，不能对其设置条件',
  RULE_UNKNOWN_PLACEHOLDER: '第 %{rule} 条规则：未知的占位符“%{placeholder}”（可用 ${staff.id} 或 ${staff.branchId}）',
  DUTY_CONFLICT_IN_ROLE: '角色本身违反职责分离规则“%{pair}”：%{description}',
  DUTY_CONFLICT_GRANT: '%{staff}（%{username}）不能在现有角色之外再持有“%{roleLabel}”（%{role}）：违反职责分离规则“%{pair}”（%{description}）',
  DUTY_CONFLICT_HOLDER: '按这些规则，持有此角色的 %{staff}（%{username}）将违反职责分离规则“%{pair}”：%{description}',
};
