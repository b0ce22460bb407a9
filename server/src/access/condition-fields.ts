import type { AppAbility } from './ability';

// Abilities are immutable and shared per access version (access-cache.ts): worked out once per ability and subject.
const known = new WeakMap<AppAbility, Map<string, readonly string[]>>();

/** Every field some rule of the ability names in its conditions for a subject, whatever the action. */
export function conditionFields(ability: AppAbility, subject: string): readonly string[] {
  let bySubject = known.get(ability);
  if (!bySubject) known.set(ability, (bySubject = new Map()));
  let fields = bySubject.get(subject);
  if (!fields) {
    const named = new Set<string>();
    for (const rule of ability.rules) {
      const subjects = [rule.subject].flat();
      if (rule.conditions && (subjects.includes(subject) || subjects.includes('all'))) Object.keys(rule.conditions).forEach((field) => named.add(field));
    }
    bySubject.set(subject, (fields = [...named]));
  }
  return fields;
}
