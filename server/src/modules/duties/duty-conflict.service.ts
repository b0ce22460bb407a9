import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { ruleGrants, holds, type Permission } from '../../access/separation-of-duties';
import { ACTIONS, SUBJECTS } from '../../access/subjects';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation } from '../../db/unique-violation';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { everyonesAccess } from '../permissions/permissions.service';
import { StaffStatus } from '../staff/staff.entity';
import { loadStaffMember } from '../staff/loaders';
import { RoleGrant } from '../staff/role-grant.entity';
import { DutyConflictRule } from './duty-conflict-rule.entity';
import type { DutyConflictViolation } from './duty-conflict.types';
import type { CreateDutyConflictRuleArgs, DutyConflictRuleFields, DutyConflictRuleListArgs, UpdateDutyConflictRuleArgs } from './duty-conflict.inputs';

const SUBJECT = 'DutyConflictRule';

const spec: ListSpec<DutyConflictRule> = {
  subject: SUBJECT,
  alias: 'd',
  sortable: { id: 'd.id', name: 'd.name', enabled: 'd.enabled' },
  defaultSort: { field: 'id', order: SortOrder.ASC },
  filters: { ids: filterBy.ids('d'), enabled: filterBy.equals('d', 'enabled') },
};
const listQuery = (ctx: RequestContext, args: DutyConflictRuleListArgs) => applyFilters(ctx, guardedQuery(ctx, DutyConflictRule, 'd'), spec, args.filter);
export const list = (ctx: RequestContext, args: DutyConflictRuleListArgs) => applySortAndPage(ctx, listQuery(ctx, args), spec, args).getMany();
export const count = (ctx: RequestContext, args: DutyConflictRuleListArgs) => listQuery(ctx, args).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, DutyConflictRule, id);

/** A side of a pair: a non-empty list of known {action, subject, field?}; problems are worded for the form. */
function sideProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list of {action, subject, field?}';
  for (const [i, p] of value.entries()) {
    const perm = p as Partial<Permission> | null;
    if (!perm || typeof perm !== 'object') return `item ${i + 1}: must be {action, subject, field?}`;
    if (!(ACTIONS as readonly string[]).includes(String(perm.action))) return `item ${i + 1}: unknown action "${String(perm.action)}"`;
    if (!(SUBJECTS as readonly string[]).includes(String(perm.subject))) return `item ${i + 1}: unknown subject "${String(perm.subject)}"`;
    if (perm.field !== undefined && (typeof perm.field !== 'string' || !perm.field)) return `item ${i + 1}: field must be a field name`;
    const extra = Object.keys(perm).filter((k) => !['action', 'subject', 'field'].includes(k));
    if (extra.length) return `item ${i + 1}: unexpected ${extra.join(', ')}`;
  }
  return null;
}

function input(args: DutyConflictRuleFields): Partial<DutyConflictRule> {
  const problems: Record<string, string> = {};
  for (const side of ['withdrawn', 'other'] as const) {
    if (args[side] !== undefined) {
      const problem = sideProblem(args[side]);
      if (problem) problems[side] = problem;
    }
  }
  if (Object.keys(problems).length) throw invalidInput(problems);
  const out: Partial<DutyConflictRule> = {};
  if (args.description !== undefined) out.description = args.description.trim();
  if (args.withdrawn !== undefined) out.withdrawn = args.withdrawn as Permission[];
  if (args.other !== undefined) out.other = args.other as Permission[];
  if (args.enabled !== undefined && args.enabled !== null) out.enabled = args.enabled;
  return out;
}

const FIELDS = ['name', 'description', 'withdrawn', 'other', 'enabled'];

export async function create(ctx: RequestContext, args: CreateDutyConflictRuleArgs): Promise<DutyConflictRule> {
  const values = { name: args.name, enabled: true, ...input(args) };
  const missing = (['description', 'withdrawn', 'other'] as const).filter((f) => values[f] === undefined);
  if (missing.length) throw invalidInput(Object.fromEntries(missing.map((f) => [f, 'is required'])));
  const at = now();
  const draft = Object.assign(new DutyConflictRule(), values, { builtIn: false, version: 1, createdAt: at, updatedAt: at });
  assertCanWrite(ctx.ability, 'create', draft, Object.keys(values));
  const id = await inTransaction(ctx.db, async (em) => {
    const saved = await em.save(draft);
    await recordAudit(em, ctx, { action: 'duty_conflict.create', subjectType: SUBJECT, subjectId: saved.id, changes: auditChanges(SUBJECT, null, saved, FIELDS) });
    return saved.id;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error, 'name') ? new AppError('DUPLICATE', { fields: { name: 'already taken' } }) : error;
  });
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdateDutyConflictRuleArgs): Promise<DutyConflictRule> {
  const changes = input(args);
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, DutyConflictRule, args.id, 'read', em);
    const fields = changedFields(current, changes);
    assertCanWrite(ctx.ability, 'update', current, fields);
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return;
    await updateVersioned(em, DutyConflictRule, current, args.version, Object.fromEntries(fields.map((f) => [f, changes[f]])));
    await recordAudit(em, ctx, { action: 'duty_conflict.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, { ...current, ...changes }, fields) });
  });
  return get(ctx, args.id);
}

/** A pair shipped with the product may be disabled but stays, so its history reads the same. */
export async function remove(ctx: RequestContext, id: string): Promise<DutyConflictRule> {
  return inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, DutyConflictRule, id, 'read', em);
    assertCanWrite(ctx.ability, 'delete', current, []);
    if (current.builtIn) throw new AppError('IN_USE', { message: 'A built-in separation-of-duties pair cannot be deleted; disable it instead' });
    await em.delete(DutyConflictRule, { id: current.id });
    await recordAudit(em, ctx, { action: 'duty_conflict.delete', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, null, FIELDS) });
    return current;
  });
}

export interface Violation {
  rule: DutyConflictRule;
  staffId: number;
  /** Grants giving the withdrawn side, and grants giving the other side. */
  withdrawnGrantIds: number[];
  otherGrantIds: number[];
}

/**
 * Pairs that meet in one person today, through grants in effect (a role edited or a pair added after
 * the grants were made). The withdrawn side is already out of that person's rights; the report is for
 * an administrator to revoke one of the grants. Every pair the caller may read is checked, enabled or not
 * (a disabled pair's violations show what enabling it would withdraw).
 */
export async function violations(ctx: Pick<RequestContext, 'db' | 'ability'>): Promise<Violation[]> {
  const rules = await guardedQuery(ctx, DutyConflictRule, 'd').orderBy('d.id', 'ASC').getMany();
  const found: Violation[] = [];
  // Suspended accounts too: their grants come back with them.
  for (const { staff, grants } of await everyonesAccess(ctx.db, [StaffStatus.active, StaffStatus.suspended])) {
    const all = grants.flatMap((g) => g.rules);
    for (const rule of rules) {
      if (!rule.withdrawn.some((p) => holds(all, p)) || !rule.other.some((p) => holds(all, p))) continue;
      const giving = (side: Permission[]) => grants.filter((g) => g.rules.some((r) => side.some((p) => ruleGrants(r, p)))).map((g) => g.grantId);
      found.push({ rule, staffId: staff.id, withdrawnGrantIds: giving(rule.withdrawn), otherGrantIds: giving(rule.other) });
    }
  }
  return found;
}

/** The violations with the staff member and the grants on each side, as the caller may read them. */
export async function violationReport(ctx: RequestContext): Promise<DutyConflictViolation[]> {
  const found = await violations(ctx);
  const ids = [...new Set(found.flatMap((v) => [...v.withdrawnGrantIds, ...v.otherGrantIds]))];
  const grants = ids.length ? await guardedQuery(ctx, RoleGrant, 'g').andWhere('g.id IN (:...ids)', { ids }).getMany() : [];
  const byId = new Map(grants.map((g) => [g.id, g]));
  const pick = (list: number[]) => list.map((id) => byId.get(id)).filter((g): g is RoleGrant => !!g);
  return Promise.all(
    found.map(async (v) => ({ rule: v.rule, staffId: v.staffId, staff: await loadStaffMember(ctx, v.staffId), withdrawnGrants: pick(v.withdrawnGrantIds), otherGrants: pick(v.otherGrantIds) })),
  );
}
