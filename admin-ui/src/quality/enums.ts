/** The quality module's enums as the API names them (server: quality.enums.ts), and their chip colours. */
export const DIMENSIONS = ['service_manner', 'business_accuracy', 'script_compliance', 'information_security', 'technical_support', 'timeliness'] as const;
export const INSPECTION_KINDS = ['periodic', 'ad_hoc', 'return_visit'] as const;
export const INSPECTION_STATES = ['draft', 'submitted', 'reviewed', 'published'] as const;
export const SAMPLE_KINDS = ['complaint', 'inquiry', 'staff', 'policy'] as const;
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export const RECTIFICATION_STATES = ['open', 'in_progress', 'done', 'verified', 'reopened'] as const;
export const VISIT_SOURCES = ['closed_complaints', 'new_policies'] as const;

export type Dimension = (typeof DIMENSIONS)[number];

type Tone = 'default' | 'success' | 'warning' | 'error' | 'info' | 'primary';

export const INSPECTION_STATE_TONES: Record<string, Tone> = { draft: 'default', submitted: 'info', reviewed: 'primary', published: 'success' };
export const RECTIFICATION_STATE_TONES: Record<string, Tone> = { open: 'warning', in_progress: 'info', done: 'primary', verified: 'success', reopened: 'error' };
export const SEVERITY_TONES: Record<string, Tone> = { minor: 'default', major: 'warning', critical: 'error' };

/** The half-year a date falls in, as the API writes it: 2026H2. */
export function halfYearOf(date = new Date(), timeZone = 'Asia/Shanghai'): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(date).split('-');
  return `${year}H${Number(month) <= 6 ? 1 : 2}`;
}

/** The half-year before or after one (2026H1 → 2025H2). */
export function shiftHalfYear(period: string, by: number): string {
  const match = /^(\d{4})H([12])$/.exec(period);
  if (!match) return period;
  const index = Number(match[1]) * 2 + Number(match[2]) - 1 + by;
  return `${Math.floor(index / 2)}H${(index % 2) + 1}`;
}
