import type { Policy } from './policy.entity';

export const REQUIRED_ON_CREATE = [
  'policyNumber',
  'productCode',
  'productName',
  'line',
  'holderId',
  'insuredId',
  'sumInsuredFen',
  'premiumFen',
  'paymentFrequency',
  'paymentStatus',
  'effectiveDate',
  'expiryDate',
  'status',
  'salesChannel',
  'branchId',
] as const;

/** Cross-field rules on the policy as it would be saved; field name → message. */
export function policyProblems(p: Partial<Policy>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (p.effectiveDate && p.expiryDate && p.expiryDate <= p.effectiveDate) problems.expiryDate = 'must be after the effective date';
  if (p.beneficiaries && p.beneficiaries.length) {
    const total = p.beneficiaries.reduce((sum, b) => sum + b.sharePercent, 0);
    if (total !== 100) problems.beneficiaries = `shares must add up to 100 (they add up to ${total})`;
  }
  if (p.premiumFen !== undefined && p.sumInsuredFen !== undefined && p.premiumFen > p.sumInsuredFen && p.sumInsuredFen > 0) {
    problems.premiumFen = 'cannot exceed the sum insured';
  }
  return problems;
}
