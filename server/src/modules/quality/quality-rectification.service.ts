import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCan, assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation } from '../../db/unique-violation';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges } from '../audit/changes';
import { loadWorkingCalendar } from '../calendar/calendar-store';
import { endOfLocalDay, localDateOf } from '../calendar/deadlines';
import { addWorkingDays, onOrNextWorkingDay } from '../calendar/working-days';
import { Complaint } from '../complaints/complaint.entity';
import { Staff, StaffStatus } from '../staff/staff.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding } from './quality-parts.entity';
import { QualityRectification } from './quality-rectification.entity';
import { InspectionState, RectificationState } from './quality.enums';
import type {
  CompleteRectificationArgs,
  CreateQualityRectificationArgs,
  LinkComplaintRectificationArgs,
  QualityRectificationListArgs,
  RectificationDueArgs,
  RectificationStepArgs,
  ReopenRectificationArgs,
  UpdateQualityRectificationArgs,
} from './quality-rectification.inputs';
import { rectificationListSpec } from './quality.list';
import { rectificationStepAllowed, rectificationStepTarget, type RectificationStep } from './quality.rules';

type EM = RequestContext['db']['manager'];
const SUBJECT = 'QualityRectification';
const me = (ctx: RequestContext) => ctx.staff?.id ?? 0;

const listSpec = (ctx: RequestContext) => rectificationListSpec(me(ctx));
const listQuery = (ctx: RequestContext, args: QualityRectificationListArgs) => applyFilters(ctx, guardedQuery(ctx, QualityRectification, 'r'), listSpec(ctx), args.filter);
export const list = (ctx: RequestContext, args: QualityRectificationListArgs) => applySortAndPage(ctx, listQuery(ctx, args), listSpec(ctx), args).getMany();
export const count = (ctx: RequestContext, args: QualityRectificationListArgs) => listQuery(ctx, args).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, QualityRectification, id);

export const rectificationNumber = (r: Pick<QualityRectification, 'id' | 'createdAt'>) => `ZG${r.createdAt.getUTCFullYear()}-${String(r.id).padStart(6, '0')}`;

/**
 * The due day from a date (a day off moves on to the next working day) or a number of working days
 * from today; overdue begins after the end of that local day.
 */
async function dueOf(ctx: RequestContext, em: EM, args: RectificationDueArgs, required: boolean): Promise<{ dueDate: string; dueAt: Date } | null> {
  const given = [args.dueDate, args.dueWorkingDays].filter((v) => v !== undefined && v !== null).length;
  if (given === 0) {
    if (required) throw invalidInput({ dueDate: 'give dueDate or dueWorkingDays' });
    return null;
  }
  if (given === 2) throw invalidInput({ dueWorkingDays: 'give either dueDate or dueWorkingDays, not both' });
  const tz = ctx.config.defaultTimezone;
  const calendar = await loadWorkingCalendar(em);
  const today = localDateOf(now(), tz);
  let dueDate: string;
  if (args.dueDate) {
    if (args.dueDate < today) throw invalidInput({ dueDate: 'must not be in the past' });
    dueDate = onOrNextWorkingDay(args.dueDate, calendar);
  } else {
    dueDate = addWorkingDays(today, args.dueWorkingDays!, calendar);
  }
  return { dueDate, dueAt: endOfLocalDay(dueDate, tz) };
}

async function assertOwner(em: EM, ownerId: number): Promise<void> {
  const owner = Number.isSafeInteger(ownerId) ? await em.getRepository(Staff).findOne({ where: { id: ownerId } }) : null;
  if (!owner) throw invalidInput({ ownerId: 'no such staff member' });
  if (owner.status !== StaffStatus.active) throw invalidInput({ ownerId: 'the staff member is not active' });
}

export async function create(ctx: RequestContext, args: CreateQualityRectificationArgs): Promise<QualityRectification> {
  const problems: Record<string, string> = {};
  if (!args.findingId) problems.findingId = 'is required';
  if (!args.ownerId) problems.ownerId = 'is required';
  const requiredAction = args.requiredAction?.trim();
  if (!requiredAction) problems.requiredAction = 'is required';
  if (Object.keys(problems).length) throw invalidInput(problems);
  const id = await inTransaction(ctx.db, async (em) => {
    const at = now();
    const finding = await em.getRepository(QualityFinding).findOne({ where: { id: Number(args.findingId) || 0 } });
    const inspection = finding ? await guardedQuery(ctx, QualityInspection, 'i', 'read', em).andWhere('i.id = :id', { id: finding.inspectionId }).getOne() : null;
    if (!finding || !inspection) throw invalidInput({ findingId: 'no such finding' });
    if (inspection.state !== InspectionState.published) throw invalidInput({ findingId: 'findings become rectifications once their report is published' });
    if (!finding.needsAction) throw invalidInput({ findingId: 'the finding is not marked as needing action' });
    if (await em.getRepository(QualityRectification).exists({ where: { findingId: finding.id } })) throw invalidInput({ findingId: 'the finding already has a rectification' });
    const ownerId = Number(args.ownerId);
    await assertOwner(em, ownerId);
    const due = (await dueOf(ctx, em, args, true))!;
    const draft = Object.assign(new QualityRectification(), {
      findingId: finding.id,
      inspectionId: inspection.id,
      branchId: inspection.branchId,
      ownerId,
      requiredAction,
      ...due,
      state: RectificationState.open,
      evidence: null,
      reopenCount: 0,
      createdById: me(ctx),
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    assertCanWrite(ctx.ability, 'create', draft, []);
    const saved = await em.save(draft).catch((error: unknown) => {
      // Two raising the same finding at once: the unique index stops the second.
      if (isUniqueViolation(error, 'finding')) throw invalidInput({ findingId: 'the finding already has a rectification' });
      throw error;
    });
    await recordAudit(em, ctx, { action: 'quality_rectification.create', subjectType: SUBJECT, subjectId: saved.id, changes: auditChanges(SUBJECT, null, saved, ['findingId', 'inspectionId', 'ownerId', 'requiredAction', 'dueDate']) });
    return saved.id;
  });
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdateQualityRectificationArgs): Promise<QualityRectification> {
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, QualityRectification, args.id, 'read', em);
    const changes: Partial<QualityRectification> = {};
    if (args.ownerId !== undefined && args.ownerId !== null && Number(args.ownerId) !== current.ownerId) changes.ownerId = Number(args.ownerId);
    if (args.requiredAction !== undefined) {
      if (!args.requiredAction?.trim()) throw invalidInput({ requiredAction: 'is required' });
      if (args.requiredAction.trim() !== current.requiredAction) changes.requiredAction = args.requiredAction.trim();
    }
    const due = await dueOf(ctx, em, args, false);
    if (due && due.dueDate !== current.dueDate) Object.assign(changes, due, { escalatedAt: null });
    const fields = Object.keys(changes).filter((f) => f !== 'dueAt' && f !== 'escalatedAt');
    assertCanWrite(ctx.ability, 'update', current, fields);
    if (!rectificationStepAllowed('edit', current.state)) throw new AppError('RECTIFICATION_WRONG_STATE');
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return;
    if (changes.ownerId !== undefined) await assertOwner(em, changes.ownerId);
    const after = Object.assign(new QualityRectification(), current, changes);
    assertCanWrite(ctx.ability, 'update', after, []);
    await updateVersioned(em, QualityRectification, current, args.version, changes);
    await recordAudit(em, ctx, { action: 'quality_rectification.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, fields) });
  });
  return get(ctx, args.id);
}

async function step(
  ctx: RequestContext,
  args: { id: string; version: number },
  name: RectificationStep,
  action: string,
  work: (em: EM, current: QualityRectification, at: Date) => Promise<{ changes: Partial<QualityRectification>; reason?: string | null }>,
): Promise<QualityRectification> {
  await inTransaction(ctx.db, async (em) => {
    const at = now();
    const current = await findGuarded(ctx, QualityRectification, args.id, 'read', em);
    assertCan(ctx.ability, action, current);
    if (!rectificationStepAllowed(name, current.state)) throw new AppError('RECTIFICATION_WRONG_STATE');
    if (name === 'start' || name === 'complete') {
      if (current.ownerId !== me(ctx)) throw new AppError('RECTIFICATION_NOT_OWNER');
    } else if (current.ownerId === me(ctx)) {
      throw new AppError('RECTIFICATION_OWN_VERIFY');
    }
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    const outcome = await work(em, current, at);
    const changes = { state: rectificationStepTarget(name)!, ...outcome.changes };
    await updateVersioned(em, QualityRectification, current, args.version, changes);
    const after = Object.assign(new QualityRectification(), current, changes);
    await recordAudit(em, ctx, { action: `quality_rectification.${name}`, subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, Object.keys(changes)), reason: outcome.reason ?? null });
  });
  return get(ctx, args.id);
}

const note = (value: string | null | undefined) => value?.trim() || null;

export const start = (ctx: RequestContext, args: RectificationStepArgs) => step(ctx, args, 'start', 'update', async (_em, _c, at) => ({ changes: { startedAt: at }, reason: note(args.note) }));

export const complete = (ctx: RequestContext, args: CompleteRectificationArgs) =>
  step(ctx, args, 'complete', 'update', async (_em, current, at) => {
    const evidence = args.evidence?.trim();
    if (!evidence) throw invalidInput({ evidence: 'is required: say what was done and where the proof is' });
    return { changes: { evidence, doneAt: at, startedAt: current.startedAt ?? at }, reason: note(args.note) };
  });

/** Verifying is the inspectors' (`review` on the rectification), never the owner's. */
export const verify = (ctx: RequestContext, args: RectificationStepArgs) =>
  step(ctx, args, 'verify', 'review', async (_em, _c, at) => ({ changes: { verifiedById: me(ctx), verifiedAt: at, verificationNote: note(args.note) }, reason: note(args.note) }));

export const reopen = (ctx: RequestContext, args: ReopenRectificationArgs) =>
  step(ctx, args, 'reopen', 'review', async (em, current) => {
    const reason = args.reason?.trim();
    if (!reason) throw invalidInput({ reason: 'is required' });
    const due = await dueOf(ctx, em, args, false);
    return { changes: { reopenCount: current.reopenCount + 1, reopenReason: reason, doneAt: null, ...(due ? { ...due, escalatedAt: null } : {}) }, reason };
  });

/** A complaint points at the rectification addressing its root cause (or at none). */
export async function linkComplaint(ctx: RequestContext, args: LinkComplaintRectificationArgs): Promise<Complaint> {
  await inTransaction(ctx.db, async (em) => {
    const complaint = await findGuarded(ctx, Complaint, args.complaintId, 'read', em);
    assertCanWrite(ctx.ability, 'update', complaint, ['rectificationId']);
    const rectificationId = args.rectificationId ? Number(args.rectificationId) : null;
    if (rectificationId !== null) {
      const found = Number.isSafeInteger(rectificationId) && (await guardedQuery(ctx, QualityRectification, 'r', 'read', em).andWhere('r.id = :id', { id: rectificationId }).getExists());
      if (!found) throw invalidInput({ rectificationId: 'no such rectification' });
    }
    if (args.version !== complaint.version) throw new AppError('STALE_VERSION');
    if (rectificationId === complaint.rectificationId) return;
    await updateVersioned(em, Complaint, complaint, args.version, { rectificationId });
    await recordAudit(em, ctx, { action: 'complaint.link_rectification', subjectType: 'Complaint', subjectId: complaint.id, changes: { rectificationId: { from: complaint.rectificationId, to: rectificationId } } });
  });
  return findGuarded(ctx, Complaint, args.complaintId);
}

export function complaintsOf(ctx: RequestContext, rectification: QualityRectification): Promise<Complaint[]> {
  return guardedQuery(ctx, Complaint, 'c').andWhere('c.rectificationId = :id', { id: rectification.id }).orderBy('c.id', 'ASC').getMany();
}
