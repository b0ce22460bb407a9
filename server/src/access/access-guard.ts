import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../graphql/context';
import { AppError, ErrorCode } from '../graphql/errors';
import { AuditOutcome } from '../modules/audit/audit-entry.entity';
import { recordAuditAlone } from '../modules/audit/audit.service';
import { maskSealed } from '../db/encrypted-column';
import { fieldVerdict, guardFieldValue } from './field-guard';
import { mask } from './mask';
import type { OperationRule } from './operation';
import { foundAny, lookupBudget, sensitiveLookupKeys } from './sensitive-lookups';
import { SUBJECTS } from './subjects';

const GUARDED_TYPES = new Set<string>(SUBJECTS);

type Resolver = GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>>;

function operationRule(parentType: GraphQLObjectType, fieldName: string): OperationRule | undefined {
  return parentType.getFields()[fieldName]?.extensions?.access as OperationRule | undefined;
}

/**
 * The one place where access is enforced on the way in and on the way out, put on the built schema:
 * - a root operation needs a session (unless public) and `can(action, Subject)`; an operation that
 *   declares no rule is refused, so forgetting to declare one fails closed;
 * - every refused mutation is written to the audit trail;
 * - every field of a guarded type is checked against the record it belongs to: forbidden fields
 *   resolve to null (their resolver does not run), sensitive ones to their mask. Nested objects pass
 *   the same check.
 * The field check is synchronous: a plain column stays a plain value. (As a type-graphql global
 * middleware it made every field of every row a chain of promises; see bench/NOTES.md, fix 7.)
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  for (const root of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) field.resolve = guardedOperation(root, field.name, field.resolve ?? defaultFieldResolver);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !GUARDED_TYPES.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) field.resolve = guardedField(type.name, field.name, field.resolve ?? defaultFieldResolver);
  }
  return schema;
}

function guardedOperation(rootType: GraphQLObjectType, fieldName: string, resolve: Resolver): Resolver {
  return async (root, args, ctx, info) => guardOperation(rootType, fieldName, rootType.name, ctx, async () => resolve(root, args, ctx, info), args);
}

function guardedField(typeName: string, fieldName: string, resolve: Resolver): Resolver {
  return (root, args, ctx, info) => {
    if (!root || typeof root !== 'object') return resolve(root, args, ctx, info);
    const verdict = fieldVerdict(ctx.ability, typeName, root, fieldName);
    if (!verdict.readable) return null;
    if (verdict.maskAs) {
      // Every sensitive field is an encrypted column of the same name: its mask may be known without decrypting.
      const masked = maskSealed(root, fieldName, verdict.maskAs, mask);
      if (masked !== undefined) return masked;
    }
    const value = resolve(root, args, ctx, info);
    return isPromiseLike(value) ? value.then((resolved) => guardFieldValue(verdict, resolved)) : guardFieldValue(verdict, value);
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

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
  if (lookups.length && (await foundAny(result))) await lookupBudget.refund(ctx.staff!.id);
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
  if (await lookupBudget.reserve(staffId)) return;
  if (await lookupBudget.shouldReport(staffId)) {
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
