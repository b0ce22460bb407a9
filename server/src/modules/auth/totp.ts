import crypto from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226) with node:crypto only. Authenticator
 * apps (Google/Microsoft Authenticator, 腾讯身份验证器, FreeOTP …) all speak SHA-1, 6 digits, 30 s.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
  periodSeconds?: number;
}

const DEFAULTS: Required<TotpOptions> = { algorithm: 'sha1', digits: 6, periodSeconds: 30 };
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new RangeError(`"${ch}" is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP: HMAC of the 8-byte big-endian counter, dynamically truncated to `digits` digits. */
export function hotp(secret: Buffer, counter: number, options: TotpOptions = {}): string {
  const { algorithm, digits } = { ...DEFAULTS, ...options };
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step (RFC 6238 "T") an instant falls in. */
export function timeStep(at: Date, periodSeconds = DEFAULTS.periodSeconds): number {
  return Math.floor(at.getTime() / 1000 / periodSeconds);
}

export function totp(secret: Buffer, at: Date, options: TotpOptions = {}): string {
  return hotp(secret, timeStep(at, options.periodSeconds), options);
}

/**
 * The time step a code belongs to, or null. One step either side is accepted for clock drift; a step
 * at or before `lastUsedStep` is refused, so a code seen once (over a shoulder, in a proxy log) cannot
 * be played again, nor can an older one still inside the drift window.
 */
export function matchTotp(secret: Buffer, code: string, at: Date, lastUsedStep: number | null, options: TotpOptions = {}): number | null {
  const { digits } = { ...DEFAULTS, ...options };
  const given = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(given)) return null;
  const current = timeStep(at, options.periodSeconds);
  for (const step of [current - 1, current, current + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const expected = hotp(secret, step, options);
    if (crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given))) return step;
  }
  return null;
}

/** Why a code is refused, for the audit trail: a replay is worth telling apart from a wrong guess. */
export function isReplayedTotp(secret: Buffer, code: string, at: Date, lastUsedStep: number | null, options: TotpOptions = {}): boolean {
  if (lastUsedStep === null) return false;
  return matchTotp(secret, code, at, null, options) !== null && matchTotp(secret, code, at, lastUsedStep, options) === null;
}

/** 160 random bits, the key length RFC 4226 recommends for HMAC-SHA-1. */
export function newTotpSecret(): Buffer {
  return crypto.randomBytes(20);
}

/** The key URI authenticator apps read from a QR code (Google Authenticator "Key Uri Format"). */
export function otpauthUri(issuer: string, account: string, secret: Buffer, options: TotpOptions = {}): string {
  const { algorithm, digits, periodSeconds } = { ...DEFAULTS, ...options };
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret: base32Encode(secret), issuer, algorithm: algorithm.toUpperCase(), digits: String(digits), period: String(periodSeconds) });
  return `otpauth://totp/${label}?${query.toString()}`;
}
