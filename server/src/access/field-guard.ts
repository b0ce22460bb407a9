import type { AppAbility } from './ability';
import { mask } from './mask';
import { sensitiveKind } from './sensitive-fields';

const ALWAYS_READABLE = new Set(['id', '__typename']);

export type FieldVerdict = { readable: false } | { readable: true; maskAs?: ReturnType<typeof sensitiveKind> };

/**
 * What the caller may see of one field of one record: nothing (the field resolves to null), its
 * value, or its mask. Sensitive values are always masked on read; the clear value is only ever
 * returned by the audited `reveal` mutation.
 */
export function fieldVerdict(ability: AppAbility, subjectType: string, record: object, field: string): FieldVerdict {
  if (ALWAYS_READABLE.has(field)) return VISIBLE;
  const rules = readRulesOf(ability, ability.detectSubjectType(record), field);
  if (rules.fixed === false) return HIDDEN;
  if (rules.fixed === undefined && !readableBy(rules.list, record)) return HIDDEN;
  return verdictOf(subjectType, field);
}

const VISIBLE: FieldVerdict = { readable: true };
const HIDDEN: FieldVerdict = { readable: false };

type AbilityRule = ReturnType<AppAbility['rulesFor']>[number];
/** The rules that decide `read` of one field, and the answer when none of them has conditions. */
type FieldRules = { list: readonly AbilityRule[]; fixed: boolean | undefined };

// Abilities are immutable and shared between requests of the same access version (access-cache.ts), so
// what decides a field is worked out once per ability, type and field instead of once per row. Maps
// nested by type and field, not one keyed by "type.field": building that key for every field of every
// row cost more than the look-up.
const rulesByAbility = new WeakMap<AppAbility, Map<string, Map<string, FieldRules>>>();

function readRulesOf(ability: AppAbility, subjectType: string, field: string): FieldRules {
  let byType = rulesByAbility.get(ability);
  if (!byType) rulesByAbility.set(ability, (byType = new Map()));
  let byField = byType.get(subjectType);
  if (!byField) byType.set(subjectType, (byField = new Map()));
  const known = byField.get(field);
  if (known) return known;
  const list = ability.rulesFor('read', subjectType, field);
  // CASL's answer is the first rule whose conditions match: with no rule, or a first rule without
  // conditions, it is the same for every row; otherwise rules after the first unconditional one never count.
  const firstUnconditional = list.findIndex((rule) => !rule.conditions);
  const fixed = list.length === 0 ? false : firstUnconditional === 0 ? !list[0].inverted : undefined;
  const rules = { list: firstUnconditional >= 0 ? list.slice(0, firstUnconditional + 1) : list, fixed };
  byField.set(field, rules);
  return rules;
}

/** `ability.can('read', record, field)`, from the rules worked out above. */
function readableBy(rules: readonly AbilityRule[], record: object): boolean {
  for (const rule of rules) if (rule.matchesConditions(record)) return !rule.inverted;
  return false;
}

const verdicts = new Map<string, Map<string, FieldVerdict>>();
function verdictOf(subjectType: string, field: string): FieldVerdict {
  let byField = verdicts.get(subjectType);
  if (!byField) verdicts.set(subjectType, (byField = new Map()));
  let verdict = byField.get(field);
  if (!verdict) byField.set(field, (verdict = { readable: true, maskAs: sensitiveKind(subjectType, field) }));
  return verdict;
}

export function guardFieldValue(verdict: FieldVerdict, value: unknown): unknown {
  if (!verdict.readable) return null;
  if (verdict.maskAs && typeof value === 'string') return mask(verdict.maskAs, value);
  return value;
}

/**
 * Filtering or sorting on a field is an oracle unless the field is readable on every row the caller
 * can see: refuse it when some row-granting rule leaves the field out, or some rule forbids it.
 */
export function canFilterOn(ability: AppAbility, subjectType: string, field: string): boolean {
  if (!ability.can('read', subjectType, field)) return false;
  const granting = ability.rulesFor('read', subjectType).filter((rule) => !rule.inverted);
  if (granting.some((rule) => rule.fields && !rule.matchesField(field))) return false;
  return !ability.rulesFor('read', subjectType, field).some((rule) => rule.inverted && rule.fields);
}
