/** The complaint register's enums, as the API declares them (schema/schema.graphql). */
export const COMPLAINT_STATES = [
  'registered',
  'awaiting_materials',
  'accepted',
  'not_accepted',
  'investigating',
  'resolution_proposed',
  'approved',
  'communicated',
  'closed',
  'withdrawn',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_CHANNELS = ['hotline', 'counter', 'letter', 'fax', 'email', 'website', 'app', 'wechat', 'regulator', 'media'] as const;
export const COMPLAINT_CATEGORIES = ['claims', 'sales', 'policy_service', 'underwriting', 'product', 'service_manner', 'information_security', 'other'] as const;
export const CONTACT_METHODS = ['phone', 'sms', 'letter', 'email', 'wechat', 'in_person', 'app'] as const;
export const MAJOR_REASONS = ['regulator_transferred', 'media', 'litigation', 'large_amount', 'deaths', 'group_complaint', 'by_hand'] as const;

/** Open states: the complaint is still being worked (server: complaint.enums.ts OPEN_STATES). */
export const OPEN_STATES: readonly ComplaintState[] = ['registered', 'awaiting_materials', 'accepted', 'investigating', 'resolution_proposed', 'approved'];

export const STATE_TONES = {
  registered: 'info',
  awaiting_materials: 'warning',
  accepted: 'info',
  investigating: 'primary',
  resolution_proposed: 'primary',
  approved: 'primary',
  communicated: 'success',
  closed: 'default',
  not_accepted: 'default',
  withdrawn: 'default',
} as const;
