/** Chip colours of campaign statuses and item outcomes, shared by the list and the evidence. */
export const CAMPAIGN_TONES = { open: 'info', completed: 'success', closed: 'warning', cancelled: 'default' } as const;
export const ITEM_TONES = { pending: 'info', kept: 'success', revoked: 'error', kept_flagged: 'warning', revoked_at_deadline: 'error', already_ended: 'default', cancelled: 'default' } as const;
