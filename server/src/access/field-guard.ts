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
  if (ALWAYS_READABLE.has(field)) return { readable: true };
  if (!ability.can('read', record, field)) return { readable: false };
  return { readable: true, maskAs: sensitiveKind(subjectType, field) };
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
