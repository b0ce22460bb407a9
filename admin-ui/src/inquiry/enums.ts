export const INQUIRY_CHANNELS = ['website', 'app', 'hotline', 'counter'] as const;
export const INQUIRY_OUTCOMES = ['verified', 'failed', 'locked', 'rate_limited'] as const;
export const INQUIRY_REASONS = ['verified', 'unknown_policy', 'id_mismatch', 'password_mismatch', 'no_query_password', 'other_branch', 'policy_locked', 'source_rate_limited'] as const;
export const OUTCOME_TONES = { verified: 'success', failed: 'error', locked: 'warning', rate_limited: 'warning' } as const;
