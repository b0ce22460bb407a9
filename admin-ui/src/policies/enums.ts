export const POLICY_LINES = ['life', 'health', 'accident', 'property', 'auto'] as const;
export const POLICY_STATUSES = ['pending', 'in_force', 'lapsed', 'expired', 'surrendered', 'terminated'] as const;
export const PAYMENT_FREQUENCIES = ['single', 'annual', 'semiannual', 'quarterly', 'monthly'] as const;
export const PAYMENT_STATUSES = ['current', 'due', 'overdue', 'paid_up'] as const;
export const SALES_CHANNELS = ['agency', 'bancassurance', 'broker', 'direct', 'online', 'telemarketing'] as const;
export const RELATIONSHIPS = ['配偶', '子女', '父母', '兄弟姐妹', '本人', '法定'] as const;

export const RENEWAL_WINDOWS = [30, 60, 90] as const;

export const POLICY_STATUS_TONES = {
  in_force: 'success',
  pending: 'info',
  lapsed: 'warning',
  expired: 'default',
  surrendered: 'default',
  terminated: 'error',
} as const;

export const PAYMENT_STATUS_TONES = { current: 'success', paid_up: 'success', due: 'warning', overdue: 'error' } as const;
