/**
 * The legal retention period of a customer's data: kept for a number of years after the last policy
 * ends — 5 after a policy of a year or less, 10 after a longer one (both configurable). Pure, so the
 * dates are tested without a database.
 */
export interface PolicyTerm {
  effectiveDate: string;
  expiryDate: string;
}

export interface RetentionRule {
  shortTermMaxMonths: number;
  shortTermYears: number;
  longTermYears: number;
}

/** YYYY-MM-DD plus whole months; a day the target month lacks falls back to its last day (Feb 29 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

/** A one-year policy runs from its effective date to the day before (or on) the anniversary. */
export function isShortTerm(policy: PolicyTerm, rule: RetentionRule): boolean {
  return policy.expiryDate <= addMonths(policy.effectiveDate, rule.shortTermMaxMonths);
}

/** The day each policy's retention ends. */
export function policyRetentionEnd(policy: PolicyTerm, rule: RetentionRule): string {
  return addYears(policy.expiryDate, isShortTerm(policy, rule) ? rule.shortTermYears : rule.longTermYears);
}

/**
 * When the customer's data may be anonymised: the latest end over all their policies. A customer with
 * no policy has nothing that obliges us to keep the data, so it ends on `fallback` (the request day).
 */
export function retentionEnd(policies: PolicyTerm[], rule: RetentionRule, fallback: string): string {
  return policies.map((p) => policyRetentionEnd(p, rule)).reduce((latest, end) => (end > latest ? end : latest), fallback);
}
