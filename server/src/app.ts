import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { parse as parseCookies } from 'cookie';
import express, { type Express, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { RequestContext } from './graphql/context';
import { formatError, internalErrorPlugin } from './graphql/format-error';
import { createLoaders } from './graphql/loaders';
import { appSchema } from './graphql/schema';
import type { Logger } from './logger';
import { resolveSession } from './modules/auth/session.service';
import { tokenFromRequest } from './modules/auth/session-token';
import { Metrics, metricsPlugin } from './observability/metrics';

export interface App {
  express: Express;
  stop(): Promise<void>;
}

// The built console, whether the server runs from its sources (server/src) or its build (server/dist/server/src).
const CONSOLE_DIRS = [path.resolve(__dirname, '../../admin-ui/dist'), path.resolve(__dirname, '../../../../admin-ui/dist')];

const CONSOLE_MISSING = `<!doctype html><meta charset="utf-8"><title>InsureDesk</title>
<p>InsureDesk API is running at <a href="/graphql">/graphql</a>. The console has not been built: run <code>npm run build</code>.</p>`;

/** The express app: /graphql, /healthz, /readyz, /metrics and the console at /. */
export async function createApp(config: Config, db: DataSource, logger: Logger): Promise<App> {
  const metrics = new Metrics();
  const apollo = new ApolloServer<RequestContext>({
    schema: await appSchema(),
    formatError: formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [internalErrorPlugin(logger), metricsPlugin(metrics) as never],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/metrics', (_req, res) => void res.type('text/plain; version=0.0.4').send(metrics.render()));
  app.get('/readyz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready', database: 'up' });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'down' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || crypto.randomUUID();
        res.setHeader('x-request-id', requestId);
        const token = tokenFromRequest(req.headers.authorization, parseCookies(req.headers.cookie ?? ''));
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
      },
    }),
  );
  const consoleDir = CONSOLE_DIRS.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (consoleDir) {
    app.use(express.static(consoleDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz|metrics).*/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
  } else {
    app.get('/', (_req, res) => void res.type('html').send(CONSOLE_MISSING));
  }
  return { express: app, stop: () => apollo.stop() };
}
