import type { GraphQLObjectType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { AppError, ErrorCode } from '../graphql/errors';
import { AuditOutcome } from '../modules/audit/audit-entry.entity';
import { recordAuditAlone } from '../modules/audit/audit.service';
import { fieldVerdict, guardFieldValue } from './field-guard';
import type { OperationRule } from './operation';
import { foundAny, lookupBudget, sensitiveLookupKeys } from './sensitive-lookups';
import { SUBJECTS } from './subjects';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const GUARDED_TYPES = new Set<string>(SUBJECTS);

function operationRule(parentType: GraphQLObjectType, fieldName: string): OperationRule | undefined {
  return parentType.getFields()[fieldName]?.extensions?.access as OperationRule | undefined;
}

/**
 * The one place where access is enforced on the way in and on the way out:
 * - a root operation needs a session (unless public) and `can(action, Subject)`; an operation that
 *   declares no rule is refused, so forgetting to declare one fails closed;
 * - every refused mutation is written to the audit trail;
 * - every field of a guarded type is checked against the record it belongs to: forbidden fields
 *   resolve to null, sensitive ones to their mask. Nested objects pass the same check.
 */
export const accessMiddleware: MiddlewareFn<RequestContext> = async ({ root, args, info, context }, next) => {
  const typeName = info.parentType.name;
  if (ROOT_TYPES.has(typeName)) return guardOperation(info.parentType, info.fieldName, typeName, context, next, args);
  if (GUARDED_TYPES.has(typeName) && root && typeof root === 'object') {
    const verdict = fieldVerdict(context.ability, typeName, root as object, info.fieldName);
    if (!verdict.readable) return null;
    return guardFieldValue(verdict, await next());
  }
  return next();
};

async function guardOperation(
  parentType: GraphQLObjectType,
  fieldName: string,
  typeName: string,
  ctx: RequestContext,
  next: () => Promise<unknown>,
  args: Record<string, unknown> = {},
): Promise<unknown> {
  const rule = operationRule(parentType, fieldName);
  if (!rule?.public) {
    if (!ctx.staff) throw new AppError(ctx.sessionProblem ?? 'SESSION_REQUIRED');
    const allowed = rule?.signedIn || (rule?.allow && ctx.ability.can(rule.allow.action, rule.allow.subject));
    if (!allowed) {
      // After a password reset the session holds no rights until a new password is chosen: say so, rather than "not allowed".
      const passwordFirst = ctx.staff.mustChangePassword === true;
      await auditRefusal(ctx, typeName, fieldName, rule, args, passwordFirst ? 'a new password must be chosen first' : undefined);
      throw new AppError(passwordFirst ? 'PASSWORD_CHANGE_REQUIRED' : 'NOT_ALLOWED');
    }
  }
  const lookups = rule?.allow && ctx.staff ? sensitiveLookupKeys(rule.allow.subject, args.filter) : [];
  if (lookups.length) await reserveLookup(ctx, rule, args, lookups);
  const result = await run(typeName, fieldName, ctx, next, rule, args);
  if (lookups.length && foundAny(result)) lookupBudget.refund(ctx.staff!.id);
  return result;
}

async function run(typeName: string, fieldName: string, ctx: RequestContext, next: () => Promise<unknown>, rule: OperationRule | undefined, args: Record<string, unknown>) {
  if (typeName !== 'Mutation') return next();
  try {
    return await next();
  } catch (error) {
    // A record outside the caller's rows answers NOT_FOUND, like a missing one; both are refused attempts.
    const refused = error instanceof AppError && (error.code === ErrorCode.FORBIDDEN || error.code === ErrorCode.NOT_FOUND);
    if (refused) await auditRefusal(ctx, typeName, fieldName, rule, args, error.message);
    throw error;
  }
}

/** A search by the exact value of a sensitive field spends the caller's budget of searches that find nothing (sensitive-lookups.ts). */
async function reserveLookup(ctx: RequestContext, rule: OperationRule | undefined, args: Record<string, unknown>, keys: string[]) {
  const staffId = ctx.staff!.id;
  if (lookupBudget.reserve(staffId)) return;
  if (lookupBudget.shouldReport(staffId)) {
    await recordAuditAlone(ctx.db, ctx, {
      action: 'security.lookup_limited',
      ...attemptedOn(rule, args),
      outcome: AuditOutcome.denied,
      reason: `too many searches by exact ${keys.join(', ')} found nothing`,
    });
  }
  throw new AppError('TOO_MANY_REQUESTS', { message: 'Too many searches by ID number or phone found nothing: try again later' });
}

/** Names what was attempted on: the operation's subject (or the `type` argument, as of reveal) and the `id` argument. */
function attemptedOn(rule: OperationRule | undefined, args: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? Array.from(String(value)).slice(0, 64).join('') : null);
  return { subjectType: rule?.allow?.subject ?? text(args.type), subjectId: text(args.id) };
}

async function auditRefusal(ctx: RequestContext, typeName: string, fieldName: string, rule: OperationRule | undefined, args: Record<string, unknown>, detail?: string) {
  await recordAuditAlone(ctx.db, ctx, {
    action: `${typeName === 'Mutation' ? 'mutation' : 'query'}.${fieldName}`,
    ...attemptedOn(rule, args),
    outcome: AuditOutcome.denied,
    reason: detail ?? 'operation not allowed for this role',
  });
}
