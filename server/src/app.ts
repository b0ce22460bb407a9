import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { RequestContext } from './graphql/context';
import { formatError, internalErrorPlugin } from './graphql/format-error';
import { requestContext } from './graphql/request-context';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { databaseIsUp, databaseOutagePlugin, databaseUnavailable, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './security/database-outage';
import { cors, jsonPostsOnly, requestIds, securityHeaders } from './security/http';
import { apolloLogger } from './security/apollo-logger';
import { operationGuardsPlugin } from './security/operation-guards';
import { onlyTheLimitErrorPlugin, queryLimitRules, queryParseOptions } from './security/query-limits';
import { appSchema } from './graphql/schema';
import type { Logger } from './logger';
import { Metrics, metricsPlugin } from './observability/metrics';
import { documentsRouter } from './documents/document-routes';
import { INSPECTION_DOCUMENT } from './modules/quality';
import { COMPLIANCE_REPORT_DOCUMENT, reportFilesRouter } from './modules/reports';

export interface App {
  express: Express;
  stop(): Promise<void>;
}

// The built console, whether the server runs from its sources (server/src) or its build (server/dist/server/src).
const CONSOLE_DIRS = [path.resolve(__dirname, '../../admin-ui/dist'), path.resolve(__dirname, '../../../../admin-ui/dist')];

const CONSOLE_MISSING = `<!doctype html><meta charset="utf-8"><title>InsureDesk</title>
<p>InsureDesk API is running at <a href="/graphql">/graphql</a>. The console has not been built: run <code>npm run build</code>.</p>`;

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  next();
};

/** The express app: /graphql, /healthz, /readyz, /metrics and the console at /. */
export async function createApp(config: Config, db: DataSource, logger: Logger): Promise<App> {
  const metrics = new Metrics();
  const apollo = new ApolloServer<RequestContext>({
    schema: await appSchema(),
    formatError: formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.graphqlIntrospection !== 'off',
    hideSchemaDetailsFromClientErrors: !config.graphqlFieldSuggestions,
    validationRules: queryLimitRules(config.queryLimits),
    parseOptions: queryParseOptions(config.queryLimits),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts stops the jobs, Apollo and the database in order on SIGTERM / SIGINT; Apollo's own handler
    // would stop it a second time alongside, and a stop called during a stop never settles.
    stopOnTerminationSignals: false,
    logger: apolloLogger(logger),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Answers carry personal data and are never cached (no-store below); the default cache-control
      // plugin also wraps every field of every row in a hook, a measurable share of a list's CPU.
      ApolloServerPluginCacheControlDisabled(),
      internalErrorPlugin(logger),
      operationGuardsPlugin(config, logger),
      onlyTheLimitErrorPlugin(logger) as ApolloServerPlugin<RequestContext>,
      databaseOutagePlugin(),
      metricsPlugin(metrics) as never,
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestIds(logger), securityHeaders(config), cors(config));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/metrics', (_req, res) => void res.type('text/plain; version=0.0.4').send(metrics.render()));
  app.get('/readyz', async (_req, res) => {
    if (await databaseIsUp(db)) res.json({ status: 'ready', database: 'up' });
    else res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({ status: 'not ready', database: 'down' });
  });
  app.use(
    '/graphql',
    noStore,
    jsonPostsOnly,
    express.json({ limit: '1mb' }),
    // Again after the body parser, which calls on from the socket's events, outside the request's log scope.
    requestIds(logger),
    expressMiddleware(apollo, {
      context: ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> =>
        requestContext(config, db, req, res).catch((error: unknown) => {
          throw isDatabaseUnavailable(error) ? databaseUnavailable() : error;
        }),
    }),
  );
  // Printable documents (PDF and HTML), behind the same session and access checks as /graphql.
  app.use('/documents', reportFilesRouter(config, db, logger));
  app.use('/documents', documentsRouter(config, db, logger, [INSPECTION_DOCUMENT, COMPLIANCE_REPORT_DOCUMENT]));
  const consoleDir = CONSOLE_DIRS.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (consoleDir) {
    app.use(express.static(consoleDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz|metrics|documents).*/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
  } else {
    app.get('/', (_req, res) => void res.type('html').send(CONSOLE_MISSING));
  }
  return { express: app, stop: () => apollo.stop() };
}
