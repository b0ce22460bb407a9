import { now } from '../../clock';

/**
 * Identity documents a customer can be registered with. Validation is done on the normalised form
 * so that a number typed with spaces or a lower-case "x" is recognised as the same document.
 */
export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'unified_social_credit_code'] as const;
export type IdType = (typeof ID_TYPES)[number];

export function isIdType(value: string): value is IdType {
  return (ID_TYPES as readonly string[]).includes(value);
}

export function normalizeIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

// GB 11643 / ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11.
const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('a resident ID check digit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i];
  return RESIDENT_CHECK[sum % 11];
}

// GB 32100-2015: the letters I, O, Z, S and V are left out so they cannot be misread as digits.
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function uniformSocialCreditCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('a credit code check character needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" cannot appear in a unified social credit code`);
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** Whether YYYYMMDD names a day that exists (rejects 0230, 1301, 0229 outside leap years). */
function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Birth dates on Chinese documents are China calendar days; China keeps UTC+8 all year, so a fixed
// offset gives the right "today" whatever time zone the server itself runs in.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaDateKey(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return pad(shifted.getUTCFullYear(), 4) + pad(shifted.getUTCMonth() + 1, 2) + pad(shifted.getUTCDate(), 2);
}

function validateResidentId(id: string, today: Date): string | null {
  if (id.length !== 18) return 'must be 18 characters';
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 17 digits followed by a digit or X';
  if (id[0] === '0') return `area code ${id.slice(0, 6)} is not valid`;
  const birth = id.slice(6, 14);
  if (!isRealDate(birth)) return `birth date ${birth} is not a real date`;
  if (Number(birth.slice(0, 4)) < 1900) return `birth date ${birth} is before 1900`;
  // Same-length digit strings compare correctly as text.
  if (birth > chinaDateKey(today)) return `birth date ${birth} is in the future`;
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return 'check digit does not match';
  return null;
}

function validateCreditCode(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  const bad = [...code].find((c) => !CREDIT_CODE_CHARS.includes(c));
  if (bad !== undefined) return `character ${bad} is not allowed in a credit code`;
  if (uniformSocialCreditCheckChar(code.slice(0, 17)) !== code[17]) return 'check character does not match';
  return null;
}

/**
 * Returns null when the number is valid for the document type, otherwise a short English message
 * that completes the sentence "The ID number ..." for the person at the counter.
 */
export function validateIdNumber(type: IdType, value: string, today: Date = now()): string | null {
  const id = normalizeIdNumber(value);
  if (id === '') return 'is required';
  switch (type) {
    case 'resident_id':
      return validateResidentId(id, today);
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(id) ? null : 'must be 5 to 17 letters or digits';
    case 'hk_macao_permit':
      return /^[HM]\d{8}(\d{2})?$/.test(id) ? null : 'must be H or M followed by 8 or 10 digits';
    case 'taiwan_permit':
      return /^(\d{8}|[A-Z0-9]{10})$/.test(id) ? null : 'must be 8 digits or 10 letters and digits';
    case 'unified_social_credit_code':
      return validateCreditCode(id);
    default:
      // Reachable when an unchecked string arrives from outside the type system.
      return `document type ${String(type)} is not supported`;
  }
}

/** 'YYYY-MM-DD' from a resident ID (or HK/Macao/Taiwan residence permit), or null if it has none. */
export function birthDateFromResidentId(id: string): string | null {
  const normalized = normalizeIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(normalized)) return null;
  const birth = normalized.slice(6, 14);
  if (!isRealDate(birth)) return null;
  return `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
}

export function genderFromResidentId(id: string): 'male' | 'female' {
  const normalized = normalizeIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(normalized)) throw new RangeError('not an 18-character resident ID');
  // The sequence number's last digit (17th character) is odd for men and even for women.
  return Number(normalized[16]) % 2 === 1 ? 'male' : 'female';
}
