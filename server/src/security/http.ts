import crypto from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';
import { withRequestId, type Logger } from '../logger';

/**
 * Security headers for every answer. The console is a same-origin bundle with no inline script; MUI
 * (emotion) and recharts set inline styles, hence 'unsafe-inline' for styles only. Downloads are
 * built as blob: URLs. Strict-Transport-Security and upgrade-insecure-requests only when the server
 * is reached over HTTPS (COOKIE_SECURE), so a plain-HTTP development server stays usable.
 */
export function securityHeaders(config: Config): RequestHandler {
  const https = config.cookieSecure;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

const SAFE_REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * Gives each request an id (the caller's X-Request-Id when it is a plain token, else a new UUID),
 * echoes it, stamps it on every log line written while serving it, and logs one line when the answer
 * is sent. The query string is never logged: a GET /graphql carries the query and its variables there.
 */
export function requestIds(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const existing = (req as { requestId?: string }).requestId;
    if (existing) return withRequestId(existing, next);
    const offered = req.get('x-request-id');
    const requestId = offered && SAFE_REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
    (req as { requestId?: string }).requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () =>
      withRequestId(requestId, () =>
        logger.info({ method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) }, 'request'),
      ),
    );
    withRequestId(requestId, next);
  };
}

/** The request id given by `requestIds`, for code that builds its own context. */
export function requestIdOf(req: Request): string | undefined {
  return (req as { requestId?: string }).requestId;
}

const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id, x-channel-key';

/**
 * CORS, closed unless CORS_ORIGINS lists the origin: a browser page from anywhere else gets no
 * Access-Control-Allow-* header (so it cannot read answers) and its preflight is refused.
 */
export function cors(config: Config): RequestHandler {
  const allowed = new Set(config.corsOrigins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (!origin) return next();
    res.append('vary', 'Origin');
    const ok = allowed.has(origin);
    if (ok) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
    }
    if (req.method !== 'OPTIONS' || !req.get('access-control-request-method')) return next();
    if (!ok) return void res.status(403).end();
    res.setHeader('access-control-allow-methods', 'GET, POST');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
    res.status(204).end();
  };
}

/**
 * A POST to /graphql must be JSON: a form or text body (what a cross-site form can send without a
 * preflight) is refused before it is parsed. GET carries queries only (Apollo refuses a mutation
 * over GET with 405), and Apollo's CSRF prevention wants a preflight-forcing header on it.
 */
export function jsonPostsOnly(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'POST' && !req.is('application/json')) {
    res.status(415).json({ errors: [{ message: 'Send GraphQL requests as JSON (Content-Type: application/json)', extensions: { code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    return;
  }
  next();
}
