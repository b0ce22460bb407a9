import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { likePrefix } from '../customers/customer.list';
import { refreshOpenComplaintDeadlines } from '../complaints/complaint-deadlines';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
import type { CalendarDayFilter, CalendarDayListArgs, CreateCalendarDayArgs, UpdateCalendarDayArgs } from './calendar.inputs';
import { isWeekend } from './working-days';

const SUBJECT = 'CalendarDay';
type EM = RequestContext['db']['manager'];

const spec: ListSpec<CalendarDay> = {
  subject: SUBJECT,
  alias: 'd',
  sortable: { id: 'd.id', day: 'd.day', kind: 'd.kind', name: 'd.name' },
  defaultSort: { field: 'day', order: SortOrder.ASC },
  filters: {
    q: { field: 'name', apply: (qb, value, p) => void qb.andWhere(`d.name LIKE :${p}`, { [p]: likePrefix(String(value)) }) },
    ids: filterBy.ids('d'),
    year: {
      field: 'day',
      apply: (qb, value, p) => void qb.andWhere(`d.day >= :${p}_from AND d.day <= :${p}_to`, { [`${p}_from`]: `${value}-01-01`, [`${p}_to`]: `${value}-12-31` }),
    },
    kind: filterBy.equals('d', 'kind'),
    day_gte: filterBy.range('d', 'day', '>='),
    day_lte: filterBy.range('d', 'day', '<='),
  },
};

const listQuery = (ctx: RequestContext, filter: CalendarDayFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, CalendarDay, 'd'), spec, filter);

export const list = (ctx: RequestContext, args: CalendarDayListArgs) => applySortAndPage(ctx, listQuery(ctx, args.filter), spec, args).getMany();
export const count = (ctx: RequestContext, args: CalendarDayListArgs) => listQuery(ctx, args.filter).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, CalendarDay, id);

/** A make-up working day only means something on a weekend; a holiday may fall on any day of a holiday block. */
function problemsOf(day: Partial<CalendarDay>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (day.kind === CalendarDayKind.workday && day.day && !isWeekend(day.day)) problems.kind = 'a make-up working day must be a Saturday or Sunday; weekdays are working days already';
  if (day.name !== undefined && day.name.trim() === '') problems.name = 'is required';
  return problems;
}

async function assertDayFree(em: EM, day: string, exceptId?: number): Promise<void> {
  const clash = await em.getRepository(CalendarDay).findOne({ where: { day }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw new AppError('DUPLICATE', { message: `${day} is already in the calendar`, fields: { day: 'already in the calendar' } });
}

export async function create(ctx: RequestContext, args: CreateCalendarDayArgs): Promise<CalendarDay> {
  const input: Partial<CalendarDay> = { ...args, name: args.name?.trim() };
  const missing = (['day', 'kind', 'name'] as const).filter((field) => !input[field]);
  if (missing.length) throw invalidInput(Object.fromEntries(missing.map((field) => [field, 'is required'])));
  const problems = problemsOf(input);
  if (Object.keys(problems).length) throw invalidInput(problems);
  const draft = Object.assign(new CalendarDay(), input);
  const fields = Object.keys(input);
  assertCanWrite(ctx.ability, 'create', draft, fields);
  const id = await inTransaction(ctx.db, async (em) => {
    await assertDayFree(em, draft.day);
    const at = now();
    const saved = await em.save(Object.assign(draft, { version: 1, createdAt: at, updatedAt: at }));
    await recordAudit(em, ctx, { action: 'calendar_day.create', subjectType: SUBJECT, subjectId: saved.id, changes: auditChanges(SUBJECT, null, saved, fields) });
    await refreshOpenComplaintDeadlines(em, ctx.config.defaultTimezone);
    return saved.id;
  });
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdateCalendarDayArgs): Promise<CalendarDay> {
  const { id, version, ...rest } = args;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, CalendarDay, id, 'read', em);
    const input: Partial<CalendarDay> = { ...rest, ...(rest.name !== undefined ? { name: rest.name.trim() } : {}) };
    const fields = changedFields(current, input);
    const changes = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<CalendarDay>;
    const after = Object.assign(new CalendarDay(), current, changes);
    assertCanWrite(ctx.ability, 'update', current, fields);
    const problems = problemsOf(after);
    if (Object.keys(problems).length) throw invalidInput(problems);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (fields.length === 0) return;
    if (changes.day) await assertDayFree(em, changes.day, current.id);
    await updateVersioned(em, CalendarDay, current, version, changes);
    await recordAudit(em, ctx, { action: 'calendar_day.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, fields) });
    await refreshOpenComplaintDeadlines(em, ctx.config.defaultTimezone);
  });
  return get(ctx, id);
}

export async function remove(ctx: RequestContext, id: string): Promise<CalendarDay> {
  return inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, CalendarDay, id, 'read', em);
    assertCanWrite(ctx.ability, 'delete', current, []);
    await em.delete(CalendarDay, { id: current.id });
    await recordAudit(em, ctx, { action: 'calendar_day.delete', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, null, ['day', 'kind', 'name']) });
    await refreshOpenComplaintDeadlines(em, ctx.config.defaultTimezone);
    return current;
  });
}
