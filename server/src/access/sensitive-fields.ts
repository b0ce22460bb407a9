import type { SensitiveKind } from './mask';

/**
 * The fields that are masked on every read and shown in clear only through the audited `reveal`
 * mutation. One list, so the API, exports and logs mask the same things.
 */
export const SENSITIVE_FIELDS: Record<string, Record<string, SensitiveKind>> = {
  Customer: { idNumber: 'idNumber', phone: 'phone', email: 'email', address: 'address' },
  Complaint: { complainantPhone: 'phone', complainantEmail: 'email', complainantAddress: 'address' },
};

export function sensitiveKind(subject: string, field: string): SensitiveKind | undefined {
  return SENSITIVE_FIELDS[subject]?.[field];
}
