import { createMongoAbility, subject as tagSubject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

/** The same CASL ability the server enforces, built from `me { permissions }`; for hiding only. */
export type AppAbility = MongoAbility;

export function abilityFromPackedRules(packed: unknown): AppAbility {
  const rules = Array.isArray(packed) ? unpackRules(packed as PackRule<RawRuleOf<AppAbility>>[]) : [];
  return createMongoAbility(rules);
}

const NUMERIC = /^\d+$/;

/**
 * A record as a CASL subject. GraphQL serialises IDs as strings ("2") while the rules' conditions
 * hold the numbers the server filled in ({ branchId: 2 }): id-like attributes are turned back into
 * numbers so that conditions match on the client exactly as they do on the server.
 */
export function asSubject(type: string, record: Record<string, unknown>): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    attributes[key] = (key === 'id' || key.endsWith('Id')) && typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
  }
  return tagSubject(type, attributes);
}
