import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Config } from '../config';
import type { RequestContext } from '../graphql/context';
import { AppError } from '../graphql/errors';
import { assertPageSizes, MAX_PAGE_SIZE } from '../graphql/list';
import type { Logger } from '../logger';
import { AuditOutcome } from '../modules/audit/audit-entry.entity';
import { recordAuditAlone } from '../modules/audit/audit.service';
import { argumentValue, rootFields, variablesByArgument } from './operation-fields';
import { operationCost } from './query-cost';
import { sharedStore, STORE, type Shared } from '../cluster/shared-store';
import { groupOfField, TokenBuckets, type BucketTake, type LimitedGroup } from './rate-limit';

/**
 * Checks that need the parsed operation and the caller, run after validation and before any resolver:
 * introspection for signed-in staff only (when so configured), the central page-size cap, the size of
 * the response counted with every list's rows (query-cost.ts), and the per-operation rate limits, where
 * every aliased or fragment-repeated root field counts.
 */
export function operationGuardsPlugin(
  config: Config,
  logger: Logger,
  buckets: Shared<TokenBuckets> = sharedStore(STORE.operationBuckets, new TokenBuckets()),
): ApolloServerPlugin<RequestContext> {
  // One audit entry and one warning per caller and group per minute, so a flood cannot turn into a flood of writes.
  const reported = sharedStore(STORE.operationRefusalsReported, new TokenBuckets());
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue: ctx }) {
          if (!operation) return;
          const fields = rootFields(document, operation);
          // The variables pass the logger's redaction: credentials and personal data never reach the line.
          logger.debug(
            () => ({ operation: operation.name?.value ?? null, kind: operation.operation, fields: fields.map((f) => f.name.value), variables: variablesByArgument(document, request.variables), staffId: ctx.staff?.id ?? null }),
            'graphql operation',
          );
          if (config.graphqlIntrospection !== 'on' && !ctx.staff && fields.some((f) => f.name.value === '__schema' || f.name.value === '__type')) {
            throw new AppError('INTROSPECTION_DISABLED');
          }
          assertPageSizes(document, request.variables);
          const { values } = config.queryLimits;
          if (operationCost(schema, document, operation, request.variables, { stopAbove: values, largestPage: MAX_PAGE_SIZE }) > values) {
            throw new AppError('QUERY_TOO_COMPLEX', { extensions: { http: { status: 400 } } });
          }
          const takes = bucketTakes(config, ctx, fields, request.variables);
          if (!takes.length) return;
          const retryAfter = await buckets.take(takes);
          if (!retryAfter) return;
          const groups = [...new Set(takes.map((t) => (t.group === 'signInPerIp' ? 'signIn' : t.group)))];
          const asked = takes.filter((t) => t.group !== 'signInPerIp').reduce((n, t) => n + t.cost, 0);
          if (!(await reported.take([{ key: takes[0].key, cost: 1, capacity: 1 }]))) {
            logger.warn({ groups, operations: asked, retryAfter, staffId: ctx.staff?.id ?? null, ip: ctx.ip }, 'rate limit reached');
            await recordAuditAlone(ctx.db, ctx, {
              action: 'security.rate_limited',
              changes: { groups, operations: asked },
              outcome: AuditOutcome.denied,
              reason: `rate limit reached (${groups.join(', ')}); retry after ${retryAfter} s`,
            }).catch((err: unknown) => logger.error({ err }, 'could not audit a rate-limit refusal'));
          }
          throw new AppError('TOO_MANY_REQUESTS', {
            message: `Too many requests: try again in ${retryAfter} seconds`,
            extensions: { retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
          });
        },
      };
    },
  };
}

function bucketTakes(config: Config, ctx: RequestContext, fields: ReturnType<typeof rootFields>, variables: Record<string, unknown> | undefined): (BucketTake & { group: LimitedGroup })[] {
  const counts = new Map<string, { group: LimitedGroup; cost: number }>();
  const count = (key: string, group: LimitedGroup) => {
    const entry = counts.get(key) ?? { group, cost: 0 };
    entry.cost += 1;
    counts.set(key, entry);
  };
  // Identical response keys are merged by GraphQL and run once.
  const byResponseKey = new Map(fields.map((f) => [f.alias?.value ?? f.name.value, f]));
  const caller = ctx.staff ? `staff:${ctx.staff.id}` : `ip:${ctx.ip ?? 'unknown'}`;
  for (const field of byResponseKey.values()) {
    const group = groupOfField(field.name.value);
    if (!group) continue;
    if (group === 'signIn') {
      const username = String(argumentValue(field, 'username', variables) ?? '').trim().toLowerCase().slice(0, 64);
      count(`signIn:ip:${ctx.ip ?? 'unknown'}:user:${username}`, 'signIn');
      count(`signInIp:ip:${ctx.ip ?? 'unknown'}`, 'signInPerIp');
    } else if (group === 'inquiry' && !ctx.staff) {
      // Self-service channels forward their customer's address: one busy website is not one caller.
      count(`inquiry:${caller}:client:${String(argumentValue(field, 'clientIp', variables) ?? '')}`, 'inquiry');
    } else {
      count(`${group}:${caller}`, group);
    }
  }
  return [...counts].map(([key, { group, cost }]) => ({ key, group, cost, capacity: config.rateLimits[group] }));
}
