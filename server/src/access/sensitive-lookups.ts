import { now } from '../clock';
import { sharedStore, STORE } from '../cluster/shared-store';
import { mask } from './mask';
import { sensitiveKind } from './sensitive-fields';

/**
 * A search by the exact value of a sensitive field (an ID number, a phone) answers "is it this one?" to
 * someone who only ever sees the mask. The mask of a resident ID hides three area digits and the birth
 * date, which an agent reads on the same screen: with the check digit, about ninety guesses give the clear
 * number, never revealed nor audited. A counter needs such a search per customer served and finds them;
 * guessing mostly finds nothing. So the look-ups that find nothing are counted per staff member, and past
 * the budget the search is refused (RATE_LIMITED) and the refusal audited.
 *
 * In memory, like the other rate limits: the workers of one server share it, several instances behind
 * a load balancer each keep their own count.
 */
export const LOOKUP_BUDGET = { misses: 30, windowMs: 15 * 60_000 };

/** Subjects whose free-text `q` also matches whole ID numbers and phones through the blind indexes (customer.list.ts). */
const Q_MATCHES_SENSITIVE = new Set(['Customer']);

/** A `q` that could be a whole ID number or phone; names carry no digits, and a part of a number never matches. */
const couldBeIdentifier = (text: string) => {
  const compact = text.replace(/[\s-]/g, '');
  return compact.length >= 7 && /\d/.test(compact);
};

/** The filter keys of a list, count or export call that look records up by the exact value of a sensitive field. */
export function sensitiveLookupKeys(subject: string, filter: unknown): string[] {
  if (!filter || typeof filter !== 'object') return [];
  return Object.entries(filter)
    .filter(([key, value]) => {
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return false;
      if (key === 'q') return Q_MATCHES_SENSITIVE.has(subject) && couldBeIdentifier(String(value));
      return !!sensitiveKind(subject, key);
    })
    .map(([key]) => key);
}

/** A filter as the audit trail keeps it: the values searched by exact sensitive value masked, like the record they find. */
export function maskLookupValues(subject: string, filter: unknown): Record<string, unknown> | null {
  if (!filter || typeof filter !== 'object') return null;
  const masked: Record<string, unknown> = { ...filter };
  // A `q` that could be an identifier is masked as an ID number, which hides a phone the same way as its own mask.
  for (const key of sensitiveLookupKeys(subject, filter)) masked[key] = mask(key === 'q' ? 'idNumber' : sensitiveKind(subject, key)!, String(masked[key]));
  return masked;
}

/** Whether a list (rows), a count (above zero) or an export (rows) found anything. */
/** A count the registers' `_allXMeta` leave to be run when a field asks for it (graphql/list-count.ts). */
interface DeferredCount {
  upTo(limit: number): Promise<{ count: number }>;
}
const isDeferredCount = (value: unknown): value is DeferredCount => typeof (value as DeferredCount | null)?.upTo === 'function';

/** Whether a search found anything. A deferred count is run here, capped at one row: the budget must not wait for a field that may never be asked. */
export async function foundAny(result: unknown): Promise<boolean> {
  if (isDeferredCount(result)) return (await result.upTo(1)).count > 0;
  if (Array.isArray(result)) return result.length > 0;
  const shaped = result as { count?: unknown; rows?: unknown } | null;
  if (typeof shaped?.count === 'number') return shaped.count > 0;
  if (typeof shaped?.rows === 'number') return shaped.rows > 0;
  return true;
}

export class LookupBudget {
  private readonly misses = new Map<number, number[]>();
  private readonly reported = new Map<number, number>();

  /** Takes one miss before the search runs (so aliased searches in one request cannot overdraw); false when none is left. */
  reserve(staffId: number): boolean {
    const at = now().getTime();
    const recent = (this.misses.get(staffId) ?? []).filter((t) => at - t < LOOKUP_BUDGET.windowMs);
    const allowed = recent.length < LOOKUP_BUDGET.misses;
    if (allowed) recent.push(at);
    this.misses.set(staffId, recent);
    return allowed;
  }

  /** Gives the miss back: the search found what it looked for. */
  refund(staffId: number): void {
    this.misses.get(staffId)?.pop();
  }

  /** One audit entry per staff member and window, so a flood of refusals is not a flood of writes. */
  shouldReport(staffId: number): boolean {
    const at = now().getTime();
    if (at - (this.reported.get(staffId) ?? -Infinity) < LOOKUP_BUDGET.windowMs) return false;
    this.reported.set(staffId, at);
    return true;
  }
}

/** One budget for the whole server: its workers share it (shared-store.ts). */
export const lookupBudget = sharedStore(STORE.lookups, new LookupBudget());
