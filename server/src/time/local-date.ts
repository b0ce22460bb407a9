import { now } from '../clock';

// Building an Intl.DateTimeFormat costs tens of microseconds, and the complaint clocks ask for local dates
// thousands of times per report: one formatter per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date (YYYY-MM-DD) in a time zone: "renewals due in 30 days" counts from the staff's today, not UTC's. */
export function todayIn(timezone: string, at: Date = now()): string {
  let f = formatters.get(timezone);
  if (!f) formatters.set(timezone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** A moment as staff read it in messages and documents ("2026年12月7日 18:20"), in their zone and language. */
export function localDateTimeText(at: Date, timezone: string, locale = 'zh-CN'): string {
  const key = `${locale} ${timezone}`;
  let f = dateTimeFormatters.get(key);
  if (!f) dateTimeFormatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(at);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
