import { In } from 'typeorm';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, filterId, SortOrder, type ListSpec } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { Customer } from '../customers/customer.entity';
import { CustomerStatus } from '../customers/customer.enums';
import { likePrefix } from '../customers/customer.list';
import type { CreateSharingAgreementArgs, SharingAgreementFilter, SharingAgreementListArgs, SharingCoverageArgs, UpdateSharingAgreementArgs } from './data-rights.inputs';
import { SharingAgreement, SharingAgreementCustomer } from './sharing-agreement.entity';

const SUBJECT = 'SharingAgreement';
/** The customer fields an agreement may name. */
export const SHAREABLE_FIELDS = ['name', 'gender', 'birthDate', 'idType', 'idNumber', 'phone', 'email', 'address', 'occupation'];

const spec: ListSpec<SharingAgreement> = {
  subject: SUBJECT,
  alias: 'a',
  sortable: { id: 'a.id', party: 'a.party', validFrom: 'a.validFrom', validUntil: 'a.validUntil', createdAt: 'a.createdAt' },
  defaultSort: { field: 'id', order: SortOrder.DESC },
  filters: {
    ids: filterBy.ids('a'),
    q: { apply: (qb, value, p) => void qb.andWhere(`a.party LIKE :${p}`, { [p]: likePrefix(String(value)) }) },
    customerId: {
      apply: (qb, value, p) =>
        void qb.andWhere(filterId(value) === null ? '1 = 0' : `a.id IN (SELECT l.agreement_id FROM sharing_agreement_customer l WHERE l.customer_id = :${p})`, { [p]: filterId(value) }),
    },
    activeOn: { apply: (qb, value, p) => void qb.andWhere(`a.validFrom <= :${p} AND (a.validUntil IS NULL OR a.validUntil >= :${p})`, { [p]: String(value) }) },
  },
};

const listQuery = (ctx: RequestContext, filter: SharingAgreementFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, SharingAgreement, 'a'), spec, filter);
export const list = (ctx: RequestContext, args: SharingAgreementListArgs) => applySortAndPage(ctx, listQuery(ctx, args.filter), spec, args).getMany();
export const count = (ctx: RequestContext, args: SharingAgreementListArgs) => listQuery(ctx, args.filter).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, SharingAgreement, id);

export const customerCount = (ctx: RequestContext, agreementId: number) => ctx.db.getRepository(SharingAgreementCustomer).count({ where: { agreementId } });

/** The covered customers the caller may read (row rules apply, as on every customer list). */
export function customersOf(ctx: RequestContext, agreementId: number): Promise<Customer[]> {
  return guardedQuery(ctx, Customer, 'c')
    .andWhere('c.id IN (SELECT l.customer_id FROM sharing_agreement_customer l WHERE l.agreement_id = :aid)', { aid: agreementId })
    .orderBy('c.id', 'ASC')
    .take(1000)
    .getMany();
}

function problemsOf(a: Partial<SharingAgreement>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of ['party', 'purpose', 'fields', 'validFrom'] as const) if (a[field] === undefined || a[field] === null) problems[field] = 'is required';
  const unknown = (a.fields ?? []).filter((f) => !SHAREABLE_FIELDS.includes(f));
  if (unknown.length) problems.fields = `unknown customer fields: ${unknown.join(', ')}; allowed: ${SHAREABLE_FIELDS.join(', ')}`;
  if (a.validFrom && a.validUntil && a.validUntil < a.validFrom) problems.validUntil = 'cannot be before validFrom';
  return problems;
}

const clean = (input: CreateSharingAgreementArgs): Partial<SharingAgreement> => {
  const fields: Partial<SharingAgreement> = { ...(input as Partial<SharingAgreement>) };
  if (input.party !== undefined) fields.party = input.party.trim();
  if (input.purpose !== undefined) fields.purpose = input.purpose.trim();
  if (input.fields) fields.fields = [...new Set(input.fields.map((f) => f.trim()))];
  return fields;
};

export async function create(ctx: RequestContext, args: CreateSharingAgreementArgs): Promise<SharingAgreement> {
  const input = clean(args);
  const problems = problemsOf(input);
  if (Object.keys(problems).length) throw invalidInput(problems);
  const at = now();
  const draft = Object.assign(new SharingAgreement(), { reference: null, validUntil: null }, input, { version: 1, createdAt: at, updatedAt: at });
  assertCanWrite(ctx.ability, 'create', draft, Object.keys(input));
  const id = await inTransaction(ctx.db, async (em) => {
    const saved = await em.save(draft);
    await recordAudit(em, ctx, { action: 'sharing_agreement.create', subjectType: SUBJECT, subjectId: saved.id, changes: auditChanges(SUBJECT, null, saved, Object.keys(input)) });
    return saved.id;
  });
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdateSharingAgreementArgs): Promise<SharingAgreement> {
  const { id, version, ...rest } = args;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, SharingAgreement, id, 'read', em);
    const input = clean(rest);
    const fields = changedFields(current, input);
    const changes = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<SharingAgreement>;
    const after = Object.assign(new SharingAgreement(), current, changes);
    assertCanWrite(ctx.ability, 'update', current, fields);
    const problems = problemsOf(after);
    if (Object.keys(problems).length) throw invalidInput(problems);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return;
    await updateVersioned(em, SharingAgreement, current, version, changes);
    await recordAudit(em, ctx, { action: 'sharing_agreement.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, fields) });
  });
  return get(ctx, id);
}

/**
 * Puts customers under an agreement. Each must be readable by the caller, have consented to
 * third-party sharing, and not be restricted; otherwise nothing is added and the ids are named.
 */
export async function addCustomers(ctx: RequestContext, args: SharingCoverageArgs): Promise<SharingAgreement> {
  const ids = [...new Set(args.customerIds.map(Number))];
  await inTransaction(ctx.db, async (em) => {
    const agreement = await findGuarded(ctx, SharingAgreement, args.agreementId, 'read', em);
    assertCanWrite(ctx.ability, 'update', agreement, []);
    const valid = ids.filter(Number.isSafeInteger);
    const found = valid.length ? await guardedQuery(ctx, Customer, 'c', 'read', em).andWhere('c.id IN (:...ids)', { ids: valid }).getMany() : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    const missing = ids.filter((cid) => !byId.has(cid));
    const noConsent = found.filter((c) => !c.sharingConsent || c.status !== CustomerStatus.active).map((c) => c.id);
    const problems: Record<string, string> = {};
    if (missing.length) problems.customerIds = `no such customer: ${missing.join(', ')}`;
    if (noConsent.length) problems['customerIds.consent'] = `no third-party sharing consent (or restricted): ${noConsent.join(', ')}`;
    if (Object.keys(problems).length) throw invalidInput(problems);
    const already = new Set((await em.getRepository(SharingAgreementCustomer).find({ where: { agreementId: agreement.id, customerId: In(ids) } })).map((l) => l.customerId));
    const added = ids.filter((cid) => !already.has(cid));
    const at = now();
    if (added.length) await em.insert(SharingAgreementCustomer, added.map((customerId) => ({ agreementId: agreement.id, customerId, addedAt: at, addedById: ctx.staff!.id })));
    await recordAudit(em, ctx, { action: 'sharing_agreement.cover', subjectType: SUBJECT, subjectId: agreement.id, changes: { added } });
  });
  return get(ctx, args.agreementId);
}

export async function removeCustomers(ctx: RequestContext, args: SharingCoverageArgs): Promise<SharingAgreement> {
  const ids = [...new Set(args.customerIds.map(Number).filter(Number.isSafeInteger))];
  if (!ids.length) throw invalidInput({ customerIds: 'no such customer' });
  await inTransaction(ctx.db, async (em) => {
    const agreement = await findGuarded(ctx, SharingAgreement, args.agreementId, 'read', em);
    assertCanWrite(ctx.ability, 'update', agreement, []);
    const removed = (await em.delete(SharingAgreementCustomer, { agreementId: agreement.id, customerId: In(ids) })).affected ?? 0;
    await recordAudit(em, ctx, { action: 'sharing_agreement.uncover', subjectType: SUBJECT, subjectId: agreement.id, changes: { customerIds: ids, removed } });
  });
  return get(ctx, args.agreementId);
}

/** The agreements covering a customer, for the customer's record and their data export. */
export function agreementsCovering(ctx: Pick<RequestContext, 'db'>, customerId: number): Promise<SharingAgreement[]> {
  return ctx.db
    .getRepository(SharingAgreement)
    .createQueryBuilder('a')
    .where('a.id IN (SELECT l.agreement_id FROM sharing_agreement_customer l WHERE l.customer_id = :cid)', { cid: customerId })
    .orderBy('a.id', 'ASC')
    .getMany();
}
