import crypto from 'node:crypto';
import type { Response } from 'express';

/**
 * The session cookie's name. Over HTTPS it carries the `__Host-` prefix, which browsers only accept
 * with Secure, Path=/ and no Domain, so no sibling host or plain-HTTP page can plant or overwrite it;
 * in development and tests over http the plain name is used.
 */
export const SESSION_COOKIE = 'insuredesk_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

interface CookieSettings {
  cookieSecure: boolean;
}

export function sessionCookieName(config: CookieSettings): string {
  return config.cookieSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** HttpOnly, SameSite=Strict (the console only ever calls its own origin), Secure over HTTPS. */
export function setSessionCookie(res: Response, config: CookieSettings, token: string, expires: Date): void {
  res.cookie(sessionCookieName(config), token, { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: '/', expires });
}

export function clearSessionCookie(res: Response, config: CookieSettings): void {
  res.clearCookie(sessionCookieName(config), { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: '/' });
}

/** 256 random bits; only the SHA-256 is stored. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The bearer token, else the cookie of the configured name only (a plain-named cookie is ignored over HTTPS). */
export function tokenFromRequest(authorization: string | undefined, cookies: Record<string, string | undefined>, config: CookieSettings = { cookieSecure: false }): string | null {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? cookies[sessionCookieName(config)] ?? null;
}
