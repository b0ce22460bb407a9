/**
 * The single definition of how each kind of sensitive value is shown to someone not cleared to see
 * it in full. API responses, the console, exports and logs all call this, so a value is never
 * masked two different ways (which would let the two views be combined to reveal more).
 */
export type SensitiveKind = 'idNumber' | 'phone' | 'email' | 'address' | 'bankAccount';

// Work on code points, not UTF-16 units, so a rare CJK character in an address is never split.
function chars(value: string): string[] {
  return Array.from(value);
}

function stars(count: number): string {
  return '*'.repeat(Math.max(count, 0));
}

function maskIdNumber(value: string): string {
  const c = chars(value);
  if (c.length > 7) return c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join('');
  // Keeping two characters of a two-character value would hide nothing.
  if (c.length <= 2) return stars(c.length);
  return stars(c.length - 2) + c.slice(-2).join('');
}

function maskPhone(value: string): string {
  const compact = value.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(compact)) return `${compact.slice(0, 3)}****${compact.slice(-4)}`;
  const c = chars(value);
  if (c.length <= 4) return stars(c.length);
  return stars(c.length - 4) + c.slice(-4).join('');
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  // Not an address we can take apart: reveal nothing rather than guess.
  if (at <= 0 || at === value.length - 1) return '***';
  return `${chars(value)[0]}***@${value.slice(at + 1)}`;
}

function maskAddress(value: string): string {
  const c = chars(value);
  // The first six characters are the province and city ("广东省广州市"); less than that is all detail.
  if (c.length < 7) return stars(c.length);
  return c.slice(0, 6).join('') + '****';
}

function maskBankAccount(value: string): string {
  const compact = value.replace(/[\s-]/g, '');
  if (compact.length <= 4) return '**** **** **** ****';
  return `**** **** **** ${compact.slice(-4)}`;
}

const MASKERS: Record<SensitiveKind, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  email: maskEmail,
  address: maskAddress,
  bankAccount: maskBankAccount,
};

export function mask(kind: SensitiveKind, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return MASKERS[kind](trimmed);
}

export function looksMasked(value: string): boolean {
  return value.includes('*');
}

/**
 * True when the candidate is exactly what a masked view showed for the real value, i.e. the user
 * submitted an edit form without touching this field. The caller then keeps the real value instead
 * of overwriting it with stars.
 */
export function isMaskOf(kind: SensitiveKind, candidate: string | null | undefined, real: string | null | undefined): boolean {
  if (candidate === null || candidate === undefined) return false;
  const masked = mask(kind, real);
  return masked !== null && candidate.trim() === masked;
}
