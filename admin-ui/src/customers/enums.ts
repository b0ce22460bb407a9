export const CUSTOMER_KINDS = ['individual', 'group'] as const;
export const CUSTOMER_STATUSES = ['active', 'restricted', 'deceased'] as const;
/** Statuses to filter on: also anonymised, which only the retention job sets (never an edit). */
export const CUSTOMER_STATUS_FILTERS = [...CUSTOMER_STATUSES, 'anonymised'] as const;
export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'unified_social_credit_code'] as const;
export const GENDERS = ['male', 'female'] as const;
export const DATA_SOURCES = ['application', 'customer', 'claim', 'third_party'] as const;

export const CUSTOMER_STATUS_TONES = { active: 'success', restricted: 'warning', deceased: 'default', anonymised: 'info' } as const;

/** Document types that identify each kind of customer (server: customer.rules.ts). */
export function idTypesFor(kind: string | undefined): readonly string[] {
  if (kind === 'group') return ['unified_social_credit_code'];
  if (kind === 'individual') return ID_TYPES.filter((t) => t !== 'unified_social_credit_code');
  return ID_TYPES;
}
