import crypto from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { resolveSession } from '../modules/auth/session.service';
import { tokenFromRequest } from '../modules/auth/session-token';
import type { RequestContext } from './context';
import { createLoaders } from './loaders';
import { requestIdOf } from '../security/http';

/**
 * The context of one request, for /graphql and for the plain-HTTP downloads alike: the session from the
 * Bearer token or the session cookie, the ability rebuilt from the staff member's current grants (so a
 * revoked grant stops working on the next request), and fresh loaders.
 */
export async function requestContext(config: Config, db: DataSource, req: Request, res: Response): Promise<RequestContext> {
  // Normally given by the requestIds middleware, so the log lines and the context agree.
  let requestId = requestIdOf(req);
  if (!requestId) {
    requestId = crypto.randomUUID();
    res.setHeader('x-request-id', requestId);
  }
  const token = tokenFromRequest(req.headers.authorization, parseCookies(req.headers.cookie ?? ''), config);
  const session = await resolveSession(db, config, token);
  return {
    requestId,
    config,
    db,
    staff: session.staff,
    ability: session.ability,
    loaders: createLoaders({ db, ability: session.ability }),
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    req,
    res,
    sessionProblem: session.problem,
  };
}
