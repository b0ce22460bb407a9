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
import { Policy } from '../policies/policy.entity';
import { Customer } from './customer.entity';
import { CustomerStatus } from './customer.enums';
import type { CreateCustomerArgs, CustomerFilter, CustomerListArgs, UpdateCustomerArgs } from './customer.inputs';
import { customerListSpecFor } from './customer.list';
import { customerIndexes, customerProblems, deriveFromResidentId, dropEchoedMasks, normalizePhone, REQUIRED_ON_CREATE } from './customer.rules';
import { normalizeIdNumber } from './id-number';

const SUBJECT = 'Customer';

export function listQuery(ctx: RequestContext, filter: CustomerFilter | null | undefined) {
  return applyFilters(ctx, guardedQuery(ctx, Customer, 'c'), customerListSpecFor(ctx.ability), filter);
}

export function list(ctx: RequestContext, args: CustomerListArgs, info: GraphQLResolveInfo): Promise<Customer[]> {
  return listPage(ctx, listQuery(ctx, args.filter), customerListSpecFor(ctx.ability), args, info);
}

export function count(ctx: RequestContext, args: CustomerListArgs): RowCount {
  return new RowCount(listQuery(ctx, args.filter));
}

export function get(ctx: RequestContext, id: string | number): Promise<Customer> {
  return findGuarded(ctx, Customer, id);
}

/** Policies the customer holds or is insured by, among those the caller may read. */
export function policiesOf(ctx: RequestContext, customer: Customer): Promise<Policy[]> {
  return guardedQuery(ctx, Policy, 'p')
    .andWhere('(p.holderId = :cid OR p.insuredId = :cid)', { cid: customer.id })
    .orderBy('p.effectiveDate', 'DESC')
    .addOrderBy('p.id', 'DESC')
    .take(200)
    .getMany();
}

function toEntityFields(input: Partial<CreateCustomerArgs>): Partial<Customer> {
  const { branchId, idNumber, phone, ...rest } = input;
  const fields: Partial<Customer> = { ...(rest as Partial<Customer>) };
  if (branchId !== undefined) fields.branchId = Number(branchId);
  if (idNumber !== undefined) fields.idNumber = normalizeIdNumber(idNumber);
  if (phone !== undefined) fields.phone = phone === null ? null : normalizePhone(phone);
  if (input.email) fields.email = input.email.trim();
  return fields;
}

async function assertBranchExists(ctx: RequestContext, branchId: number, em = ctx.db.manager): Promise<void> {
  if (!Number.isSafeInteger(branchId) || !(await em.getRepository(Branch).exists({ where: { id: branchId } }))) {
    throw invalidInput({ branchId: 'no such branch' });
  }
}

async function assertUniqueIdNumber(em: RequestContext['db']['manager'], hash: string, exceptId?: number): Promise<void> {
  const clash = await em.getRepository(Customer).findOne({ where: { idNumberHash: hash }, select: { id: true } });
  // The message never echoes the number: that would tell the caller whose number it is.
  if (clash && clash.id !== exceptId) throw duplicateIdNumber();
}

const duplicateIdNumber = () => new AppError('DUPLICATE', { message: 'A customer with this ID number already exists', fields: { idNumber: 'already registered' } });

/** A concurrent request registered the number after our check: the unique index refused it, and that is a CONFLICT too. */
function duplicateAsConflict(error: unknown): never {
  throw isUniqueViolation(error, 'id_number_hash') ? duplicateIdNumber() : error;
}

function consentTimes(fields: Partial<Customer>, current: Partial<Customer> | null): void {
  const at = now();
  if (fields.marketingConsent !== undefined && fields.marketingConsent !== current?.marketingConsent) fields.marketingConsentAt = fields.marketingConsent ? at : null;
  if (fields.sharingConsent !== undefined && fields.sharingConsent !== current?.sharingConsent) fields.sharingConsentAt = fields.sharingConsent ? at : null;
}

export async function create(ctx: RequestContext, args: CreateCustomerArgs): Promise<Customer> {
  const input = toEntityFields(args);
  const missing = REQUIRED_ON_CREATE.filter((field) => input[field] === undefined || input[field] === null || input[field] === '');
  if (missing.length) throw invalidInput(Object.fromEntries(missing.map((field) => [field, 'is required'])));
  const problems = customerProblems(input, now());
  if (Object.keys(problems).length) throw invalidInput(problems);
  deriveFromResidentId(input);
  const draft = Object.assign(new Customer(), { status: CustomerStatus.active, marketingConsent: false, sharingConsent: false }, input);
  assertCanWrite(ctx.ability, 'create', draft, Object.keys(args).filter((k) => (args as Record<string, unknown>)[k] !== undefined));
  const id = await inTransaction(ctx.db, async (em) => {
    await assertBranchExists(ctx, draft.branchId, em);
    Object.assign(draft, customerIndexes(draft));
    await assertUniqueIdNumber(em, draft.idNumberHash);
    consentTimes(draft, null);
    const at = now();
    Object.assign(draft, { createdAt: at, updatedAt: at, version: 1 });
    const saved = await em.save(draft);
    await recordAudit(em, ctx, {
      action: 'customer.create',
      subjectType: SUBJECT,
      subjectId: saved.id,
      changes: auditChanges(SUBJECT, null, saved, Object.keys(input)),
    });
    return saved.id;
  }).catch(duplicateAsConflict);
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdateCustomerArgs): Promise<Customer> {
  const { id, version, ...rest } = args;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, Customer, id, 'read', em);
    const raw = { ...rest } as Record<string, unknown>;
    dropEchoedMasks(current, raw);
    const input = toEntityFields(raw as Partial<CreateCustomerArgs>);
    const fields = changedFields(current, input);
    const changes = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<Customer>;
    const after = Object.assign(new Customer(), current, changes);
    // Permission before validation: a field the caller may not set is refused as such.
    assertCanWrite(ctx.ability, 'update', current, fields);
    assertCanWrite(ctx.ability, 'update', after, []);
    const problems = customerProblems(after, now());
    if (Object.keys(problems).length) throw invalidInput(problems);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (fields.length === 0) return;
    if (changes.branchId !== undefined) await assertBranchExists(ctx, changes.branchId, em);
    if (changes.idNumber !== undefined || changes.phone !== undefined) {
      const indexes = customerIndexes(after);
      if (changes.idNumber !== undefined) {
        await assertUniqueIdNumber(em, indexes.idNumberHash, current.id);
        changes.idNumberHash = indexes.idNumberHash;
      }
      if (changes.phone !== undefined) changes.phoneHash = indexes.phoneHash;
    }
    consentTimes(changes, current);
    await updateVersioned(em, Customer, current, version, changes);
    await recordAudit(em, ctx, { action: 'customer.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, fields) });
  }).catch(duplicateAsConflict);
  return get(ctx, id);
}

export async function remove(ctx: RequestContext, id: string): Promise<Customer> {
  return inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, Customer, id, 'read', em);
    assertCanWrite(ctx.ability, 'delete', current, []);
    const policies = await em.getRepository(Policy).count({ where: [{ holderId: current.id }, { insuredId: current.id }] });
    if (policies > 0) throw new AppError('IN_USE', { message: `The customer is party to ${policies} policies and cannot be deleted` });
    await em.delete(Customer, { id: current.id });
    const fields = ['kind', 'name', 'idType', 'idNumber', 'phone', 'branchId'];
    await recordAudit(em, ctx, { action: 'customer.delete', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, null, fields) });
    return current;
  });
}
