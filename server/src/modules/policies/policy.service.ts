import type { GraphQLResolveInfo } from 'graphql';
import { assertCanWrite } from '../../access/write-guard';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation } from '../../db/unique-violation';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, listPage } from '../../graphql/list';
import { RowCount } from '../../graphql/list-count';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { Branch } from '../branches/branch.entity';
import { Customer } from '../customers/customer.entity';
import { Policy } from './policy.entity';
import type { CreatePolicyArgs, PolicyFilter, PolicyListArgs, UpdatePolicyArgs } from './policy.inputs';
import { policyListSpecFor } from './policy.list';
import { policyProblems, REQUIRED_ON_CREATE } from './policy.rules';

const SUBJECT = 'Policy';
type EM = RequestContext['db']['manager'];

export const listSpec = (ctx: RequestContext) => policyListSpecFor(ctx.ability, ctx.config.defaultTimezone);

export function listQuery(ctx: RequestContext, filter: PolicyFilter | null | undefined) {
  return applyFilters(ctx, guardedQuery(ctx, Policy, 'p'), listSpec(ctx), filter);
}

export function list(ctx: RequestContext, args: PolicyListArgs, info: GraphQLResolveInfo): Promise<Policy[]> {
  return listPage(ctx, listQuery(ctx, args.filter), listSpec(ctx), args, info);
}

export function count(ctx: RequestContext, args: PolicyListArgs): RowCount {
  return new RowCount(listQuery(ctx, args.filter));
}

export function get(ctx: RequestContext, id: string | number): Promise<Policy> {
  return findGuarded(ctx, Policy, id);
}

function toEntityFields(input: Partial<CreatePolicyArgs>): Partial<Policy> {
  const { branchId, holderId, insuredId, beneficiaries, ...rest } = input;
  const fields: Partial<Policy> = { ...(rest as Partial<Policy>) };
  if (branchId !== undefined) fields.branchId = Number(branchId);
  if (holderId !== undefined) fields.holderId = Number(holderId);
  if (insuredId !== undefined) fields.insuredId = Number(insuredId);
  if (beneficiaries !== undefined) {
    fields.beneficiaries = (beneficiaries ?? []).map((b) => ({
      name: b.name.trim(),
      relationship: b.relationship.trim(),
      sharePercent: b.sharePercent,
      customerId: b.customerId ? Number(b.customerId) : null,
    }));
  }
  return fields;
}

/**
 * Every record a policy points at must exist and be readable by the caller: a foreign key is no way
 * to attach a customer one cannot see. Missing and unreadable answer alike.
 */
async function assertReferences(ctx: RequestContext, em: EM, p: Partial<Policy>, fields: string[]): Promise<void> {
  const problems: Record<string, string> = {};
  const readable = async (id: number | undefined | null) =>
    !!id && Number.isSafeInteger(id) && (await guardedQuery(ctx, Customer, 'c', 'read', em).andWhere('c.id = :id', { id }).getExists());
  if (fields.includes('holderId') && !(await readable(p.holderId))) problems.holderId = 'no such customer';
  if (fields.includes('insuredId') && !(await readable(p.insuredId))) problems.insuredId = 'no such customer';
  if (fields.includes('beneficiaries')) {
    for (const [i, b] of (p.beneficiaries ?? []).entries()) {
      if (b.customerId && !(await readable(b.customerId))) problems[`beneficiaries.${i}.customerId`] = 'no such customer';
    }
  }
  if (fields.includes('branchId') && !(p.branchId && (await em.getRepository(Branch).exists({ where: { id: p.branchId } })))) {
    problems.branchId = 'no such branch';
  }
  if (Object.keys(problems).length) throw invalidInput(problems);
}

async function assertUniqueNumber(em: EM, policyNumber: string, exceptId?: number): Promise<void> {
  const clash = await em.getRepository(Policy).findOne({ where: { policyNumber }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw duplicateNumber();
}

const duplicateNumber = () => new AppError('DUPLICATE', { message: 'A policy with this number already exists', fields: { policyNumber: 'already exists' } });

/** A concurrent request took the number after our check: the unique index refused it, and that is a CONFLICT too. */
function duplicateAsConflict(error: unknown): never {
  throw isUniqueViolation(error, 'policy_number') ? duplicateNumber() : error;
}

export async function create(ctx: RequestContext, args: CreatePolicyArgs): Promise<Policy> {
  const input = toEntityFields(args);
  const missing = REQUIRED_ON_CREATE.filter((field) => input[field] === undefined || input[field] === null);
  if (missing.length) throw invalidInput(Object.fromEntries(missing.map((field) => [field, 'is required'])));
  const problems = policyProblems(input);
  if (Object.keys(problems).length) throw invalidInput(problems);
  const draft = Object.assign(new Policy(), { beneficiaries: [] }, input);
  const fields = Object.keys(input);
  assertCanWrite(ctx.ability, 'create', draft, fields);
  const id = await inTransaction(ctx.db, async (em) => {
    await assertReferences(ctx, em, draft, fields.concat('holderId', 'insuredId', 'branchId'));
    await assertUniqueNumber(em, draft.policyNumber);
    const at = now();
    const saved = await em.save(Object.assign(draft, { createdAt: at, updatedAt: at, version: 1 }));
    await recordAudit(em, ctx, { action: 'policy.create', subjectType: SUBJECT, subjectId: saved.id, changes: auditChanges(SUBJECT, null, saved, fields) });
    return saved.id;
  }).catch(duplicateAsConflict);
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdatePolicyArgs): Promise<Policy> {
  const { id, version, ...rest } = args;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, Policy, id, 'read', em);
    const input = toEntityFields(rest);
    const fields = changedFields(current, input);
    const changes = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<Policy>;
    const after = Object.assign(new Policy(), current, changes);
    const problems = policyProblems(after);
    if (Object.keys(problems).length) throw invalidInput(problems);
    assertCanWrite(ctx.ability, 'update', current, fields);
    assertCanWrite(ctx.ability, 'update', after, []);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (fields.length === 0) return;
    await assertReferences(ctx, em, after, fields);
    if (changes.policyNumber) await assertUniqueNumber(em, changes.policyNumber, current.id);
    await updateVersioned(em, Policy, current, version, changes);
    await recordAudit(em, ctx, { action: 'policy.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, fields) });
  }).catch(duplicateAsConflict);
  return get(ctx, id);
}

export async function remove(ctx: RequestContext, id: string): Promise<Policy> {
  return inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, Policy, id, 'read', em);
    assertCanWrite(ctx.ability, 'delete', current, []);
    await em.delete(Policy, { id: current.id });
    const fields = ['policyNumber', 'productCode', 'holderId', 'insuredId', 'status', 'branchId'];
    await recordAudit(em, ctx, { action: 'policy.delete', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, null, fields) });
    return current;
  });
}
