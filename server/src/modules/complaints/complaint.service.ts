import type { GraphQLResolveInfo } from 'graphql';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, listPage } from '../../graphql/list';
import { RowCount } from '../../graphql/list-count';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { Branch } from '../branches/branch.entity';
import { localDateOf } from '../calendar/deadlines';
import { Customer } from '../customers/customer.entity';
import { normalizePhone } from '../customers/customer.rules';
import { Policy } from '../policies/policy.entity';
import { actorOf, requestClockContext } from './complaint-context';
import { clocksOf, loadClockContext } from './complaint-deadlines';
import { outcomeValues, storeOutcomes } from './complaint-outcomes';
import { ComplaintEvent } from './complaint-event.entity';
import { Complaint } from './complaint.entity';
import { ComplaintAction, ComplaintState } from './complaint.enums';
import type { ComplaintFilter, ComplaintListArgs, CreateComplaintArgs, UpdateComplaintArgs } from './complaint.inputs';
import { complaintListSpecFor } from './complaint.list';
import { nextDueOf, type ClockValue } from './complaint.clocks';
import { numberDayOf, prepareDailyCounter, takeNextNumber } from './complaint.number';
import { classify, complainantPhoneHash, complaintProblems, dropEchoedMasks, REQUIRED_ON_CREATE } from './complaint.rules';
import { availableActions, refusalOf } from './complaint.workflow';

const SUBJECT = 'Complaint';
type EM = RequestContext['db']['manager'];

const listSpec = (ctx: RequestContext) => complaintListSpecFor(ctx.ability, ctx.staff?.id ?? 0, ctx.config.defaultTimezone);

export const listQuery = (ctx: RequestContext, filter: ComplaintFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, Complaint, 'c'), listSpec(ctx), filter);
export const list = (ctx: RequestContext, args: ComplaintListArgs, info: GraphQLResolveInfo) =>
  listPage(ctx, listQuery(ctx, args.filter), listSpec(ctx), args, info);
export const count = (ctx: RequestContext, args: ComplaintListArgs) => new RowCount(listQuery(ctx, args.filter));
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, Complaint, id);

export function timeline(ctx: RequestContext, complaint: Complaint): Promise<ComplaintEvent[]> {
  return ctx.db.getRepository(ComplaintEvent).find({ where: { complaintId: complaint.id }, order: { id: 'ASC' } });
}

export async function clocks(ctx: RequestContext, complaint: Complaint): Promise<ClockValue[]> {
  return clocksOf(complaint, await requestClockContext(ctx));
}

export async function actionsFor(ctx: RequestContext, complaint: Complaint): Promise<ComplaintAction[]> {
  return availableActions(complaint, ctx.ability, actorOf(ctx, await requestClockContext(ctx)));
}

function toEntityFields(input: Partial<CreateComplaintArgs>): Partial<Complaint> {
  const { branchId, complainantCustomerId, policyId, complainantPhone, ...rest } = input;
  const fields: Partial<Complaint> = { ...(rest as Partial<Complaint>) };
  if (branchId !== undefined) fields.branchId = Number(branchId);
  if (complainantCustomerId !== undefined) fields.complainantCustomerId = complainantCustomerId === null ? null : Number(complainantCustomerId);
  if (policyId !== undefined) fields.policyId = policyId === null ? null : Number(policyId);
  if (complainantPhone !== undefined) fields.complainantPhone = complainantPhone === null ? null : normalizePhone(complainantPhone);
  const text = fields as Record<string, unknown>;
  for (const key of ['complainantName', 'summary']) if (typeof text[key] === 'string') text[key] = (text[key] as string).trim();
  // An optional text left blank is no value.
  for (const key of ['complainantEmail', 'complainantAddress', 'details', 'regulatorReference']) {
    if (typeof text[key] === 'string') text[key] = (text[key] as string).trim() || null;
  }
  return fields;
}

/**
 * Branch, customer and policy must exist, and the customer and policy must be readable by the caller:
 * a foreign key is no way to attach a record one cannot see. Missing and unreadable answer alike.
 */
async function assertReferences(ctx: RequestContext, em: EM, c: Partial<Complaint>, fields: string[]): Promise<Customer | null> {
  const problems: Record<string, string> = {};
  let customer: Customer | null = null;
  if (fields.includes('branchId') && !(c.branchId && Number.isSafeInteger(c.branchId) && (await em.getRepository(Branch).exists({ where: { id: c.branchId } })))) {
    problems.branchId = 'no such branch';
  }
  if (fields.includes('complainantCustomerId') && c.complainantCustomerId) {
    customer = Number.isSafeInteger(c.complainantCustomerId) ? await guardedQuery(ctx, Customer, 'cu', 'read', em).andWhere('cu.id = :id', { id: c.complainantCustomerId }).getOne() : null;
    if (!customer) problems.complainantCustomerId = 'no such customer';
  }
  if (fields.includes('policyId') && c.policyId) {
    const found = Number.isSafeInteger(c.policyId) && (await guardedQuery(ctx, Policy, 'p', 'read', em).andWhere('p.id = :id', { id: c.policyId }).getExists());
    if (!found) problems.policyId = 'no such policy';
  }
  if (Object.keys(problems).length) throw invalidInput(problems);
  return customer;
}

/** A step on the timeline, taken by the signed-in staff member. */
async function addEvent(em: EM, ctx: RequestContext, event: Partial<ComplaintEvent>): Promise<void> {
  const by = { staffId: ctx.staff?.id ?? null, staffName: ctx.staff?.displayName ?? null };
  await em.save(em.create(ComplaintEvent, { note: null, data: null, fromState: null, toState: null, dedupeKey: null, ...by, ...event }));
}

export async function create(ctx: RequestContext, args: CreateComplaintArgs): Promise<Complaint> {
  const at = now();
  const input = toEntityFields(args);
  const missing = REQUIRED_ON_CREATE.filter((field) => input[field] === undefined || input[field] === null || input[field] === '');
  if (missing.length) throw invalidInput(Object.fromEntries(missing.map((field) => [field, 'is required'])));
  input.receivedAt ??= at;
  const problems = complaintProblems(input, at);
  if (Object.keys(problems).length) throw invalidInput(problems);
  const draft = Object.assign(new Complaint(), { state: ComplaintState.registered, involvesMedia: false, involvesLitigation: false, deathCount: 0, groupComplaint: false, majorByHand: false }, input);
  const fields = Object.keys(args).filter((k) => (args as Record<string, unknown>)[k] !== undefined);
  assertCanWrite(ctx.ability, 'create', draft, fields);
  const day = numberDayOf(draft.receivedAt, ctx.config.defaultTimezone);
  await prepareDailyCounter(ctx.db, day);
  const id = await inTransaction(ctx.db, async (em) => {
    const customer = await assertReferences(ctx, em, draft, ['branchId', 'complainantCustomerId', 'policyId']);
    if (!draft.complainantName && customer) draft.complainantName = customer.name;
    const cc = await loadClockContext(em, ctx.config.defaultTimezone);
    // A complaint major from the start owes its head-office report 24 hours from receipt, not from data entry.
    Object.assign(draft, classify(draft, cc.policy, draft.receivedAt), { complainantPhoneHash: complainantPhoneHash(draft.complainantPhone), registeredById: ctx.staff!.id });
    // The number is taken last, so the day's counter row stays locked only for the inserts below.
    draft.number = await takeNextNumber(em, day);
    draft.nextDueAt = nextDueOf(clocksOf(draft, cc, at));
    const saved = await em.save(Object.assign(draft, { version: 1, createdAt: at, updatedAt: at }));
    await storeOutcomes(em, saved.id, outcomeValues(saved, cc, at));
    await addEvent(em, ctx, { complaintId: saved.id, at, kind: 'registered', toState: saved.state, data: { number: saved.number, severity: saved.severity, majorReasons: saved.majorReasons } });
    await recordAudit(em, ctx, { action: 'complaint.create', subjectType: SUBJECT, subjectId: saved.id, changes: auditChanges(SUBJECT, null, saved, ['number', ...fields, 'severity']) });
    return saved.id;
  });
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdateComplaintArgs): Promise<Complaint> {
  const { id, version, ...rest } = args;
  await inTransaction(ctx.db, async (em) => {
    const at = now();
    const current = await findGuarded(ctx, Complaint, id, 'read', em);
    const raw = { ...rest } as Record<string, unknown>;
    dropEchoedMasks(current, raw);
    const input = toEntityFields(raw as Partial<CreateComplaintArgs>);
    const fields = changedFields(current, input);
    const changes = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<Complaint>;
    const after = Object.assign(new Complaint(), current, changes);
    // Permission before validation: a field the caller may not set is refused as such.
    assertCanWrite(ctx.ability, 'update', current, fields);
    assertCanWrite(ctx.ability, 'update', after, []);
    const cc = await loadClockContext(em, ctx.config.defaultTimezone);
    const refusal = refusalOf(ComplaintAction.update, current, ctx.ability, actorOf(ctx, cc));
    if (refusal) throw new AppError(refusal.reason, { message: refusal.message });
    const problems = complaintProblems(after, at);
    const tz = ctx.config.defaultTimezone;
    if (changes.receivedAt && localDateOf(changes.receivedAt, tz) !== localDateOf(current.receivedAt, tz)) {
      problems.receivedAt = 'the complaint number carries the day received: only the time of that day can be corrected';
    }
    if (Object.keys(problems).length) throw invalidInput(problems);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (fields.length === 0) return;
    await assertReferences(ctx, em, after, fields);
    Object.assign(changes, classify(after, cc.policy, at));
    if (changes.complainantPhone !== undefined) changes.complainantPhoneHash = complainantPhoneHash(changes.complainantPhone);
    Object.assign(after, changes);
    changes.nextDueAt = nextDueOf(clocksOf(after, cc, at));
    await updateVersioned(em, Complaint, current, version, changes);
    await storeOutcomes(em, current.id, outcomeValues(after, cc, at));
    await addEvent(em, ctx, { complaintId: current.id, at, kind: 'updated', data: { fields } });
    const audited = [...fields, ...(current.severity !== after.severity ? ['severity'] : [])];
    await recordAudit(em, ctx, { action: 'complaint.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, audited) });
  });
  return get(ctx, id);
}

export { addEvent };
