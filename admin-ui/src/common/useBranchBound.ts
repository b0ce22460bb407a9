import { useAbility } from './useAbility';

/**
 * True when every rule that lets the staff member read this type is bound by a condition (for the
 * built-in roles: their own branch). A branch column would then repeat one name on every row, so
 * lists leave it out; roles that read across branches keep it.
 */
export function useBranchBound(type: string): boolean {
  const ability = useAbility();
  if (!ability) return true;
  const rules = ability.rulesFor('read', type).filter((rule) => !rule.inverted);
  return rules.length > 0 && rules.every((rule) => rule.conditions && 'branchId' in rule.conditions);
}
