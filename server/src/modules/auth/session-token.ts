import crypto from 'node:crypto';

export const SESSION_COOKIE = 'insuredesk_session';

/** 256 random bits; only the SHA-256 is stored. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function tokenFromRequest(authorization: string | undefined, cookies: Record<string, string | undefined>): string | null {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? cookies[SESSION_COOKIE] ?? null;
}
