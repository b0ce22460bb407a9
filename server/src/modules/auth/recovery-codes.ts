import crypto from 'node:crypto';

/**
 * One-time recovery codes for when the authenticator is lost: 16 characters of an alphabet without
 * look-alikes (no 0/O, 1/I/L), 80 random bits each, shown once as XXXX-XXXX-XXXX-XXXX. With that much
 * entropy a plain SHA-256 is enough to store them (as for session tokens): nobody can search 2^80.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newRecoveryCode(): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet's size).
  const chars: string[] = [];
  while (chars.length < 16) {
    for (const byte of crypto.randomBytes(24)) {
      if (byte < 248 && chars.length < 16) chars.push(ALPHABET[byte % ALPHABET.length]);
    }
  }
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, newRecoveryCode);
}

/** Dashes, spaces and letter case do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z2-9]{16}$/.test(normalizeRecoveryCode(code));
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(`recovery:${normalizeRecoveryCode(code)}`).digest('hex');
}
