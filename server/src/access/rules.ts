import type { ErrorDetail } from '../graphql/errors';
import { ACTIONS, SUBJECTS } from './subjects';

/** A CASL raw rule as stored in a role. Conditions may name `${staff.id}` and `${staff.branchId}`. */
export interface StoredRule {
  action: string | string[];
  subject: string | string[];
  fields?: string[];
  conditions?: Record<string, unknown>;
  inverted?: boolean;
  reason?: string;
}

export interface StaffAttributes {
  id: number;
  branchId: number | null;
}

const PLACEHOLDER = /^\$\{staff\.(id|branchId)\}$/;

function interpolate(value: unknown, staff: StaffAttributes): unknown {
  if (typeof value === 'string') {
    const match = PLACEHOLDER.exec(value);
    // A rule scoped to "my branch" for a staff member without one must match nothing, not everything.
    if (match) return staff[match[1] as keyof StaffAttributes] ?? -1;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, staff));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, staff)]));
  }
  return value;
}

export function interpolateRules(rules: StoredRule[], staff: StaffAttributes): StoredRule[] {
  return rules.map((rule) => (rule.conditions ? { ...rule, conditions: interpolate(rule.conditions, staff) as Record<string, unknown> } : rule));
}

const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$lt', '$lte', '$gt', '$gte']);

/** A problem with a rule set: a code and parameters for clients to word it, and the English message. */
export type RuleProblem = ErrorDetail;

/** A problem of the `rules` input; `rule` is the 1-based number of the rule it is about. */
export const ruleProblem = (code: string, params: Record<string, string | number>, message: string): RuleProblem => ({
  code,
  params,
  message: params.rule === undefined ? message : `rule ${params.rule}: ${message}`,
  field: 'rules',
});

/** Problems with a rule set, worded for the administrator who wrote it; empty when the rules are valid. */
export function validateRules(rules: unknown): RuleProblem[] {
  if (!Array.isArray(rules)) return [ruleProblem('RULES_NOT_A_LIST', {}, 'rules must be a list')];
  const problems: RuleProblem[] = [];
  rules.forEach((rule, index) => {
    const at = index + 1;
    if (!rule || typeof rule !== 'object') return problems.push(ruleProblem('RULE_NOT_AN_OBJECT', { rule: at }, 'must be an object'));
    const r = rule as StoredRule;
    for (const action of [r.action].flat()) {
      if (!(ACTIONS as readonly string[]).includes(action)) problems.push(ruleProblem('RULE_UNKNOWN_ACTION', { rule: at, action: String(action) }, `unknown action "${action}"`));
    }
    for (const subject of [r.subject].flat()) {
      if (subject !== 'all' && !(SUBJECTS as readonly string[]).includes(subject)) problems.push(ruleProblem('RULE_UNKNOWN_SUBJECT', { rule: at, subject: String(subject) }, `unknown subject "${subject}"`));
    }
    if (r.fields !== undefined && (!Array.isArray(r.fields) || r.fields.some((f) => typeof f !== 'string'))) {
      problems.push(ruleProblem('RULE_FIELDS_NOT_A_LIST', { rule: at }, 'fields must be a list of field names'));
    }
    if (r.conditions !== undefined) {
      if (!r.conditions || typeof r.conditions !== 'object' || Array.isArray(r.conditions)) {
        problems.push(ruleProblem('RULE_CONDITIONS_NOT_AN_OBJECT', { rule: at }, 'conditions must be an object'));
      } else {
        for (const [field, cond] of Object.entries(r.conditions)) {
          if (field.startsWith('$')) problems.push(ruleProblem('RULE_TOP_LEVEL_OPERATOR', { rule: at, operator: field }, `operator "${field}" is not supported at the top level`));
          if (cond && typeof cond === 'object' && !Array.isArray(cond)) {
            for (const op of Object.keys(cond)) {
              if (!OPERATORS.has(op)) problems.push(ruleProblem('RULE_UNSUPPORTED_OPERATOR', { rule: at, operator: op, field }, `operator "${op}" on "${field}" is not supported`));
            }
          }
        }
      }
    }
    return undefined;
  });
  return problems;
}
