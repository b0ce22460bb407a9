import crypto from 'node:crypto';

/** Policy numbers are compared as typed without spaces, in upper case. */
export function normalizePolicyNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase().slice(0, 32);
}

/** The start of the sliding window in which failures count: the window, or the last reset if that is later. */
export function failuresCountFrom(at: Date, windowMinutes: number, countFrom: Date | null): Date {
  const windowStart = new Date(at.getTime() - windowMinutes * 60_000);
  return countFrom && countFrom > windowStart ? countFrom : windowStart;
}

/** Whether a policy number is locked at `at`. */
export function isLocked(lockedUntil: Date | null | undefined, at: Date): boolean {
  return !!lockedUntil && lockedUntil > at;
}

/** Two hex digests compared in constant time (a blind index against the one stored). */
export function sameDigest(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = Buffer.from(a ?? '', 'utf8');
  const right = Buffer.from(b ?? '', 'utf8');
  // Compare equal lengths whatever came in, so the time does not depend on where the values differ.
  const size = Math.max(left.length, right.length, 64);
  const l = Buffer.alloc(size);
  const r = Buffer.alloc(size);
  left.copy(l);
  right.copy(r);
  return crypto.timingSafeEqual(l, r) && left.length === right.length && left.length > 0;
}

/**
 * Problems with a query password chosen at the counter; null when it is acceptable. Six to twenty
 * characters; digits-only is allowed (phone keypads), but not the guessable runs and repeats.
 */
export function queryPasswordProblem(password: string): string | null {
  if (password.length < 6 || password.length > 20) return 'must be 6 to 20 characters';
  if (/\s/.test(password)) return 'must not contain spaces';
  if (/^(.)\1+$/.test(password)) return 'must not repeat one character';
  const digits = '01234567890';
  if (digits.includes(password) || digits.split('').reverse().join('').includes(password)) return 'must not be a run of consecutive digits';
  return null;
}

/** A random 6-digit query password for a reset made without the customer choosing one. */
export function generateQueryPassword(): string {
  for (;;) {
    const candidate = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    if (!queryPasswordProblem(candidate)) return candidate;
  }
}

/** A new channel key: a recognisable prefix and 256 random bits. */
export function generateChannelKey(channel: string): string {
  return `idk_${channel.slice(0, 3)}_${crypto.randomBytes(32).toString('base64url')}`;
}

export const channelKeyHash = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');
