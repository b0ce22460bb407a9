import type { EntityManager } from 'typeorm';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import { todayIn } from '../../time/local-date';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { Customer } from '../customers/customer.entity';
import { CustomerStatus } from '../customers/customer.enums';
import { Policy } from '../policies/policy.entity';
import { collectCustomerData, EXPORT_SECTIONS } from './data-export';
import { DataRightsRequest } from './data-rights-request.entity';
import { DataExportFormat, DataRightsRequestKind, DataRightsRequestStatus } from './data-rights.enums';
import { customerCopyDocument } from './data-export.printable';
import { renderPdf } from '../../documents/pdf';
import type { CustomerRequestArgs, DataRightsRequestFilter, DataRightsRequestListArgs, ExportCustomerDataArgs, UpdateRetentionPolicyArgs, WithdrawDeletionArgs } from './data-rights.inputs';
import { RetentionPolicy } from './retention-policy.entity';
import { retentionEnd } from './retention';

const SUBJECT = 'DataRightsRequest';

const spec: ListSpec<DataRightsRequest> = {
  subject: SUBJECT,
  alias: 'r',
  sortable: { id: 'r.id', receivedAt: 'r.receivedAt', retentionUntil: 'r.retentionUntil', status: 'r.status', kind: 'r.kind' },
  defaultSort: { field: 'id', order: SortOrder.DESC },
  filters: {
    ids: filterBy.ids('r'),
    kind: filterBy.equals('r', 'kind'),
    status: filterBy.equals('r', 'status'),
    customerId: filterBy.equals('r', 'customerId'),
    branchId: filterBy.equals('r', 'branchId'),
    retentionUntil_lte: filterBy.range('r', 'retentionUntil', '<='),
  },
};

const listQuery = (ctx: RequestContext, filter: DataRightsRequestFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, DataRightsRequest, 'r'), spec, filter);
export const list = (ctx: RequestContext, args: DataRightsRequestListArgs) => applySortAndPage(ctx, listQuery(ctx, args.filter), spec, args).getMany();
export const count = (ctx: RequestContext, args: DataRightsRequestListArgs) => listQuery(ctx, args.filter).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, DataRightsRequest, id);

export async function loadRetentionPolicy(em: EntityManager): Promise<RetentionPolicy> {
  const found = await em.getRepository(RetentionPolicy).findOne({ where: { id: 1 } });
  if (!found) throw new Error('the retention policy is missing: run the migrations');
  return found;
}

/** The day the customer's retention period ends, from the policies they hold or are insured by now. */
export async function retentionUntilFor(em: EntityManager, customerId: number, rule: RetentionPolicy, today: string): Promise<string> {
  const policies = await em.getRepository(Policy).find({ where: [{ holderId: customerId }, { insuredId: customerId }], select: { id: true, effectiveDate: true, expiryDate: true } });
  return retentionEnd(policies, rule, today);
}

function newRequest(ctx: RequestContext, customer: Customer, kind: DataRightsRequestKind, args: CustomerRequestArgs, at: Date): DataRightsRequest {
  return Object.assign(new DataRightsRequest(), {
    kind,
    customerId: customer.id,
    branchId: customer.branchId,
    channel: args.channel,
    receivedAt: at,
    note: args.note?.trim() || null,
    recordedById: ctx.staff!.id,
    retentionUntil: null,
    completedAt: null,
    outcome: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * Access and copy: everything held about the customer as JSON or as a PDF, in clear (it is the
 * customer's own). Recorded as a completed request and audited with what it held, never the values.
 * The PDF is rendered inside the transaction: when rendering fails, no request is recorded.
 */
export async function exportCustomerData(ctx: RequestContext, args: ExportCustomerDataArgs) {
  const format = args.format ?? DataExportFormat.json;
  return inTransaction(ctx.db, async (em) => {
    const customer = await findGuarded(ctx, Customer, args.customerId, 'read', em);
    const at = now();
    const request = Object.assign(newRequest(ctx, customer, DataRightsRequestKind.access, args, at), { status: DataRightsRequestStatus.completed, completedAt: at });
    assertCanWrite(ctx.ability, 'create', request, []);
    // Saved first, so the copy lists this request among the customer's requests too.
    const saved = await em.save(request);
    const data = await collectCustomerData(em, customer);
    const counts = Object.fromEntries(EXPORT_SECTIONS.filter((s) => s !== 'customer').map((s) => [s, (data[s] as unknown[]).length]));
    saved.outcome = { format, counts };
    await em.update(DataRightsRequest, { id: saved.id }, { outcome: saved.outcome as never });
    await recordAudit(em, ctx, { action: 'customer.data_export', subjectType: 'Customer', subjectId: customer.id, changes: { requestId: saved.id, format, counts }, reason: request.note });
    const base = `customer-${customer.id}-${at.toISOString().slice(0, 10)}`;
    if (format === DataExportFormat.pdf) {
      const document = customerCopyDocument(data, { generatedAt: at.toISOString(), requestId: saved.id, producedBy: ctx.staff!.username, timeZone: ctx.config.defaultTimezone });
      const pdf = await renderPdf(document, { fontPath: ctx.config.pdfFontPath });
      return { filename: `${base}.pdf`, contentType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64'), sections: [...EXPORT_SECTIONS], request: saved };
    }
    const content = JSON.stringify({ generatedAt: at.toISOString(), requestId: saved.id, ...data }, null, 2);
    return { filename: `${base}.json`, contentType: 'application/json', encoding: 'utf-8', content, sections: [...EXPORT_SECTIONS], request: saved };
  });
}

/**
 * A deletion request restricts the customer at once — kept, not processed, hidden from every list but
 * compliance's (the roles' rules do the hiding) — and the record is anonymised when retention ends.
 */
export async function requestDeletion(ctx: RequestContext, args: CustomerRequestArgs): Promise<DataRightsRequest> {
  const id = await inTransaction(ctx.db, async (em) => {
    const customer = await findGuarded(ctx, Customer, args.customerId, 'read', em);
    if (customer.status === CustomerStatus.restricted || customer.status === CustomerStatus.anonymised) throw new AppError('CUSTOMER_RESTRICTED');
    const at = now();
    const retentionUntil = await retentionUntilFor(em, customer.id, await loadRetentionPolicy(em), todayIn(ctx.config.defaultTimezone, at));
    const request = Object.assign(newRequest(ctx, customer, DataRightsRequestKind.deletion, args, at), { status: DataRightsRequestStatus.restricted, retentionUntil });
    assertCanWrite(ctx.ability, 'create', request, []);
    const saved = await em.save(request);
    await em.createQueryBuilder().update(Customer).set({ status: CustomerStatus.restricted, version: () => 'version + 1', updatedAt: at } as never).where('id = :id', { id: customer.id }).execute();
    await recordAudit(em, ctx, {
      action: 'customer.restrict',
      subjectType: 'Customer',
      subjectId: customer.id,
      changes: { status: { from: customer.status, to: CustomerStatus.restricted }, requestId: saved.id, retentionUntil },
      reason: 'deletion requested',
    });
    return saved.id;
  });
  return get(ctx, id);
}

/** The customer changed their mind before the data was anonymised: the record is processed again. */
export async function withdrawDeletion(ctx: RequestContext, args: WithdrawDeletionArgs): Promise<DataRightsRequest> {
  await inTransaction(ctx.db, async (em) => {
    const request = await findGuarded(ctx, DataRightsRequest, args.id, 'read', em);
    assertCanWrite(ctx.ability, 'update', request, ['status']);
    if (request.kind !== DataRightsRequestKind.deletion || request.status !== DataRightsRequestStatus.restricted) throw new AppError('REQUEST_WRONG_STATUS');
    const at = now();
    await updateVersioned(em, DataRightsRequest, request, request.version, { status: DataRightsRequestStatus.withdrawn, completedAt: at, outcome: { withdrawn: args.reason.trim() } });
    await em.createQueryBuilder().update(Customer).set({ status: CustomerStatus.active, version: () => 'version + 1', updatedAt: at } as never).where('id = :id', { id: request.customerId }).execute();
    await recordAudit(em, ctx, {
      action: 'customer.unrestrict',
      subjectType: 'Customer',
      subjectId: request.customerId,
      changes: { status: { from: CustomerStatus.restricted, to: CustomerStatus.active }, requestId: request.id },
      reason: args.reason.trim(),
    });
  });
  return get(ctx, args.id);
}

export const getRetentionPolicy = (ctx: RequestContext) => findGuarded(ctx, RetentionPolicy, 1);

export async function updateRetentionPolicy(ctx: RequestContext, args: UpdateRetentionPolicyArgs): Promise<RetentionPolicy> {
  const { version, ...input } = args;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, RetentionPolicy, 1, 'read', em);
    const fields = changedFields(current, input as Partial<RetentionPolicy>);
    const changes = Object.fromEntries(fields.map((f) => [f, (input as Record<string, unknown>)[f]])) as Partial<RetentionPolicy>;
    assertCanWrite(ctx.ability, 'update', current, fields);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return;
    await updateVersioned(em, RetentionPolicy, current, version, changes);
    await recordAudit(em, ctx, { action: 'retention_policy.update', subjectType: 'RetentionPolicy', subjectId: 1, changes: auditChanges('RetentionPolicy', current, Object.assign(new RetentionPolicy(), current, changes), fields) });
  });
  return getRetentionPolicy(ctx);
}
