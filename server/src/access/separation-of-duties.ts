import type { ErrorDetail } from '../graphql/errors';
import { buildAbility } from './ability';
import type { StoredRule } from './rules';

/** One permission as rules name it; `field` narrows it to one field (reveal Customer.idNumber). */
export interface Permission {
  action: string;
  subject: string;
  field?: string;
}

/** Two sets of permissions that must never meet in one person. */
export interface DutyConflict {
  name: string;
  description: string;
  /** The side that is withdrawn when both meet: access to personal data, never the work of running the system. */
  withdrawn: Permission[];
  other: Permission[];
}

/**
 * The pairs every installation starts with. They are seeded into the duty_conflict_rule table, which is
 * what the server reads; administrators edit them there. Proposing and approving the same complaint
 * compensation is not a pair of roles (a manager both proposes and approves, just never the same
 * amount): the complaint workflow refuses an approval by the proposer, per record.
 */
export const DEFAULT_CONFLICTS: DutyConflict[] = [
  {
    name: 'reveal-vs-access-administration',
    description: 'revealing customer data together with staff or role administration',
    withdrawn: [{ action: 'reveal', subject: 'Customer' }],
    other: [
      { action: 'create', subject: 'Staff' },
      { action: 'update', subject: 'Staff' },
      { action: 'create', subject: 'Role' },
      { action: 'update', subject: 'Role' },
      { action: 'grant', subject: 'RoleGrant' },
      { action: 'approve', subject: 'RoleGrant' },
    ],
  },
];

export function ruleGrants(rule: StoredRule, permission: Permission): boolean {
  if (rule.inverted) return false;
  const actions = [rule.action].flat();
  const subjects = [rule.subject].flat();
  const fieldOk = !permission.field || !rule.fields || rule.fields.includes(permission.field);
  return (actions.includes(permission.action) || actions.includes('manage')) && (subjects.includes(permission.subject) || subjects.includes('all')) && fieldOk;
}

/** Whether a set of rules holds a permission at all (on some record: conditions are not evaluated). */
export function holds(rules: StoredRule[], permission: Permission): boolean {
  const ability = buildAbility(rules, { id: 0, branchId: 0 });
  return rules.some((rule) => ruleGrants(rule, permission)) && ability.can(permission.action, permission.subject, permission.field);
}

/** The conflicts a set of rules would put in one person's hands. */
export function conflictsIn(rules: StoredRule[], conflicts: DutyConflict[] = DEFAULT_CONFLICTS): DutyConflict[] {
  return conflicts.filter((c) => c.withdrawn.some((p) => holds(rules, p)) && c.other.some((p) => holds(rules, p)));
}

export interface SeparatedRules {
  rules: StoredRule[];
  conflicts: DutyConflict[];
  /** The forbidding rules added to take the withdrawn side away (also in `rules`, last). */
  withdrawals: StoredRule[];
}

/**
 * Layer 7: when grants would put both sides of a conflict in one person's hands, the withdrawn side
 * is forbidden by rules added last (CASL lets later rules win), so the pair never meets whatever grants
 * exist. Refusing such grants in the first place is the grant workflow's job; this holds even if one
 * slips through, for example when a role's rules are edited or a pair is added later.
 */
export function separateDuties(rules: StoredRule[], conflicts: DutyConflict[] = DEFAULT_CONFLICTS): SeparatedRules {
  const found = conflictsIn(rules, conflicts);
  const withdrawals = found.flatMap((c) =>
    c.withdrawn.map((p): StoredRule => ({
      action: p.action,
      subject: p.subject,
      ...(p.field ? { fields: [p.field] } : {}),
      inverted: true,
      reason: `separation of duties: ${c.description}`,
    })),
  );
  return { rules: withdrawals.length ? [...rules, ...withdrawals] : rules, conflicts: found, withdrawals };
}

/** Who a refusal is about: the staff member who would hold both sides. */
export interface ConflictHolder {
  displayName: string;
  username: string;
}

/**
 * The particulars of a separation-of-duties refusal, as a code with parameters (for clients to word in
 * their user's language) and the English message: a role whose own rules hold both sides (no holder),
 * a grant of `role` that would give `holder` both, or a role edit that would give its holder both.
 */
export function conflictDetail(conflict: DutyConflict, holder?: ConflictHolder, role?: { name: string; label: string }): ErrorDetail {
  const pair = { pair: conflict.name, description: conflict.description };
  if (!holder) {
    return { code: 'DUTY_CONFLICT_IN_ROLE', params: pair, message: `the role itself breaks the separation of duties "${conflict.name}": ${conflict.description}`, field: 'rules' };
  }
  const who = { staff: holder.displayName, username: holder.username };
  if (role) {
    return {
      code: 'DUTY_CONFLICT_GRANT',
      params: { ...pair, ...who, role: role.name, roleLabel: role.label },
      message: `${who.staff} (${who.username}) cannot hold "${role.name}" with their other roles: separation of duties "${conflict.name}" (${conflict.description})`,
    };
  }
  return {
    code: 'DUTY_CONFLICT_HOLDER',
    params: { ...pair, ...who },
    message: `With these rules, ${who.staff} (${who.username}), who holds this role, would break the separation of duties "${conflict.name}": ${conflict.description}`,
  };
}
