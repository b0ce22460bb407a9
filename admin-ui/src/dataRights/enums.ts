export const REQUEST_KINDS = ['access', 'deletion'] as const;
export const REQUEST_STATUSES = ['completed', 'restricted', 'anonymised', 'withdrawn'] as const;
export const RIGHTS_CHANNELS = ['counter', 'hotline', 'paper', 'website', 'app'] as const;
export const REQUEST_STATUS_TONES = { completed: 'success', restricted: 'warning', anonymised: 'info', withdrawn: 'default' } as const;
