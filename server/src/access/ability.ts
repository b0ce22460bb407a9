import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { interpolateRules, type StaffAttributes, type StoredRule } from './rules';

/** Actions and subjects are strings checked when rules are saved (rules.ts), so the type stays open. */
export type AppAbility = MongoAbility<[string, string | object]>;

/**
 * Entities are plain classes whose class name is the subject name; GraphQL type names match, so
 * the same rules serve the API, the field guard and the console.
 */
function detectSubjectType(object: object): string {
  const tagged = (object as { __caslSubjectType__?: string }).__caslSubjectType__;
  return tagged ?? (object.constructor as { name: string }).name;
}

export function buildAbility(rules: StoredRule[], staff: StaffAttributes | null): AppAbility {
  const concrete = staff ? interpolateRules(rules, staff) : [];
  return createMongoAbility(concrete as RawRuleOf<AppAbility>[], { detectSubjectType });
}

export const emptyAbility = (): AppAbility => buildAbility([], null);
