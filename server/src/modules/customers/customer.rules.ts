import { isMaskOf, looksMasked } from '../../access/mask';
import { SENSITIVE_FIELDS } from '../../access/sensitive-fields';
import { blindIndex } from '../../db/field-crypto';
import { isLocalDate } from '../../graphql/validators';
import { CustomerKind, IdType } from './customer.enums';
import type { Customer } from './customer.entity';
import { birthDateFromResidentId, genderFromResidentId, normalizeIdNumber, validateIdNumber } from './id-number';

export const REQUIRED_ON_CREATE = ['kind', 'name', 'idType', 'idNumber', 'branchId', 'source'] as const;

export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

/** Blind indexes are recomputed from the clear values whenever those change. */
export function customerIndexes(customer: Pick<Customer, 'idNumber' | 'phone'>) {
  return {
    idNumberHash: blindIndex('idNumber', normalizeIdNumber(customer.idNumber)) as string,
    phoneHash: customer.phone ? blindIndex('phone', normalizePhone(customer.phone)) : null,
  };
}

/**
 * A form that was shown a masked value may send the mask back: that means "unchanged", never a
 * new value, whichever client sent it.
 */
export function dropEchoedMasks(current: Customer, input: Record<string, unknown>): void {
  for (const [field, kind] of Object.entries(SENSITIVE_FIELDS.Customer)) {
    const value = input[field];
    if (typeof value === 'string' && isMaskOf(kind, value, current[field as keyof Customer] as string | null)) delete input[field];
  }
}

/** Cross-field rules on the record as it would be saved; field name → message. */
export function customerProblems(c: Partial<Customer>, today: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  // Masks that were the ones shown have been dropped (dropEchoedMasks); any other mask is no value.
  const masked = Object.keys(SENSITIVE_FIELDS.Customer).filter((field) => {
    const value = c[field as keyof Customer];
    return typeof value === 'string' && looksMasked(value);
  });
  for (const field of masked) problems[field] = 'is a masked value: send the real value, or the unchanged mask to keep it';
  if (c.idType && c.idNumber && !masked.includes('idNumber')) {
    const problem = validateIdNumber(c.idType, c.idNumber, today);
    if (problem) problems.idNumber = problem;
  }
  if (c.kind === CustomerKind.group) {
    if (c.idType && c.idType !== IdType.unified_social_credit_code) problems.idType = 'a group customer is identified by its unified social credit code';
    if (c.gender) problems.gender = 'a group customer has no gender';
    if (c.birthDate) problems.birthDate = 'a group customer has no birth date';
  } else if (c.idType === IdType.unified_social_credit_code) {
    problems.idType = 'an individual cannot be identified by a unified social credit code';
  }
  if (c.kind === CustomerKind.individual && c.idType === IdType.resident_id && c.idNumber && !problems.idNumber) {
    const fromId = birthDateFromResidentId(c.idNumber);
    if (c.birthDate && fromId && c.birthDate !== fromId) problems.birthDate = 'does not match the ID number';
    if (c.gender && c.gender !== genderFromResidentId(c.idNumber)) problems.gender = 'does not match the ID number';
  }
  if (c.birthDate && isLocalDate(c.birthDate) && c.birthDate > today.toISOString().slice(0, 10)) problems.birthDate = 'cannot be in the future';
  return problems;
}

/** Birth date and gender follow from a resident ID when they were left blank. */
export function deriveFromResidentId(c: Partial<Customer>): void {
  if (c.kind !== CustomerKind.individual || c.idType !== IdType.resident_id || !c.idNumber) return;
  c.birthDate ??= birthDateFromResidentId(c.idNumber);
  c.gender ??= genderFromResidentId(c.idNumber) as Customer['gender'];
}
