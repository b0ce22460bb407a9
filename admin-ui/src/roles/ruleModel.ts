/** A CASL raw rule as stored in a role (server: access/rules.ts). */
export interface RawRule {
  action: string | string[];
  subject: string | string[];
  fields?: string | string[] | null;
  conditions?: Record<string, unknown> | null;
  inverted?: boolean;
  reason?: string;
}

export const asList = (value: string | string[] | null | undefined): string[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

export function isSimple(rule: RawRule): boolean {
  return !rule.inverted && asList(rule.fields).length === 0 && !(rule.conditions && Object.keys(rule.conditions).length);
}

export function covers(rule: RawRule, action: string, subject: string): boolean {
  const actions = asList(rule.action);
  const subjects = asList(rule.subject);
  return (actions.includes(action) || actions.includes('manage')) && (subjects.includes(subject) || subjects.includes('all'));
}

export type CellState = 'none' | 'full' | 'limited' | 'denied';

/** What the rules say about one action on one subject, as the matrix shows it. */
export function cellState(rules: RawRule[], action: string, subject: string): { state: CellState; rules: RawRule[] } {
  const matching = rules.filter((rule) => covers(rule, action, subject));
  const allows = matching.filter((rule) => !rule.inverted);
  const denies = matching.filter((rule) => rule.inverted);
  const unconditional = (rule: RawRule) => asList(rule.fields).length === 0 && !(rule.conditions && Object.keys(rule.conditions).length);
  if (denies.some(unconditional)) return { state: 'denied', rules: matching };
  if (!allows.length) return { state: 'none', rules: matching };
  // A conditional "cannot" (e.g. restricted customers) narrows a plain "can": shown as limited.
  if (allows.some(isSimple) && !denies.length) return { state: 'full', rules: matching };
  return { state: 'limited', rules: matching };
}

const single = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);

/** Ticks a cell: one plain rule for the action on the subject. */
export function allow(rules: RawRule[], action: string, subject: string): RawRule[] {
  return [...rules, { action, subject }];
}

/**
 * Unticks a cell: plain rules covering it are narrowed so they no longer cover this action on this
 * subject (and only that); rules with limits are left to the detailed list.
 */
export function disallow(rules: RawRule[], action: string, subject: string): RawRule[] {
  return rules.flatMap((rule) => {
    if (!isSimple(rule) || !covers(rule, action, subject)) return [rule];
    const actions = asList(rule.action);
    const subjects = asList(rule.subject);
    if (actions.includes('manage') || subjects.includes('all')) return [rule];
    const others = subjects.filter((s) => s !== subject);
    const rest = actions.filter((a) => a !== action);
    const out: RawRule[] = [];
    if (others.length) out.push({ ...rule, subject: single(others) });
    if (rest.length) out.push({ ...rule, subject, action: single(rest) });
    return out;
  });
}
