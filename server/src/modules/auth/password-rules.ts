import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * Password rules of NIST SP 800-63B (5.1.1.2): length over composition. At least 12 characters and at
 * most 128, any characters (spaces and Chinese included), no "one digit, one symbol" rules and no
 * periodic change; instead a new password is checked against common passwords, the account's own
 * name and trivially guessable strings.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const LIST_FILE = 'common-passwords.txt';
// The build copies the list beside the compiled file (swc --copy-files), so one path serves both.
const LIST_PATH = path.join(__dirname, LIST_FILE);

let common: Set<string> | null = null;

export function commonPasswords(): Set<string> {
  if (common) return common;
  // Fail closed: without the list a common password would slip through unnoticed.
  if (!fs.existsSync(LIST_PATH)) throw new Error(`the common-password list is missing: ${LIST_PATH}`);
  const lines = fs.readFileSync(LIST_PATH, 'utf8').split(/\r?\n/);
  common = new Set(lines.map((line) => line.trim()).filter((line) => line && !line.startsWith('#')).map((line) => line.toLowerCase()));
  return common;
}

/** Length in characters as typed: code points after the same NFKC normalisation the hasher applies. */
function length(password: string): number {
  return Array.from(password.normalize('NFKC')).length;
}

function isSingleRepeat(text: string): boolean {
  const chars = Array.from(text);
  return chars.every((c) => c === chars[0]);
}

/** 123456789012, abcdefghijkl, 987654321…: every character one more (or one less) than the previous, digits wrapping 9→0. */
function isSequence(text: string): boolean {
  const codes = Array.from(text.toLowerCase()).map((c) => c.codePointAt(0)!);
  const isDigit = (c: number) => c >= 48 && c <= 57;
  const step = (a: number, b: number) => (isDigit(a) && isDigit(b) ? (((b - a) % 10) + 10) % 10 : b - a);
  const first = step(codes[0], codes[1]);
  if (first !== 1 && first !== -1 && first !== 9) return false;
  return codes.slice(1).every((c, i) => step(codes[i], c) === first);
}

/** A short unit repeated: "abcabcabcabc", "1234512345", "woaiwoaiwoai". */
function isRepeatedUnit(text: string): boolean {
  return /^(.{1,6})\1+$/u.test(text);
}

export interface PasswordContext {
  username: string;
  displayName?: string | null;
}

/**
 * Why a new password is refused, completing "The new password …", or null when it is acceptable.
 * The caller separately refuses the current password as the new one.
 */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  const n = length(password);
  if (n < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good one)`;
  if (n > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const folded = password.normalize('NFKC').toLowerCase();
  const compact = folded.replace(/\s+/g, '');
  if (commonPasswords().has(folded) || commonPasswords().has(compact)) return 'is one of the most common passwords: choose another';
  if (isSingleRepeat(compact) || isRepeatedUnit(compact)) return 'must not be a short pattern repeated';
  if (isSequence(compact)) return 'must not be a sequence such as 123456789012 or abcdefghijkl';
  const username = context.username.toLowerCase();
  if (username.length >= 3 && compact.includes(username)) return 'must not contain your username';
  const display = context.displayName?.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (display && Array.from(display).length >= 2 && compact === display) return 'must not be your name';
  if (/insure\s*desk/.test(folded)) return 'must not contain the name of this system';
  return null;
}

/** A one-time password an administrator hands over; it passes the rules and must be changed at sign-in. */
export function newTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const chars: string[] = [];
  while (chars.length < 16) {
    for (const byte of crypto.randomBytes(32)) {
      if (byte < 216 && chars.length < 16) chars.push(alphabet[byte % alphabet.length]);
    }
  }
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}
