const SCRUBBED = '***';

/** Replaces every occurrence of the old personal values in a text (free-text notes may quote them). */
export function scrub(text: string | null, values: string[]): string | null {
  if (!text) return text;
  return values.reduce((out, value) => out.split(value).join(SCRUBBED), text);
}

/** The same inside a JSON value: each value is matched as it appears inside a JSON string. */
export function scrubJson<T>(value: T, values: string[]): T {
  if (value === null || value === undefined) return value;
  return JSON.parse(scrub(JSON.stringify(value), values.map((v) => JSON.stringify(v).slice(1, -1))) as string) as T;
}

/** Whether a JSON value or text still holds one of the values. */
export function mentions(value: unknown, values: string[]): boolean {
  if (value === null || value === undefined) return false;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return values.some((v) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)));
}
