import { isObjectType, type GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import type { StoredRule } from '../../access/rules';
import { conflictDetail } from '../../access/separation-of-duties';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation } from '../../db/unique-violation';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { loadDutyConflicts } from '../auth/staff-access';
import { likePrefix } from '../customers/customer.list';
import { heldGrants, pairBroken } from './held-grants';
import { Role } from './role.entity';
import type { CloneRoleArgs, CreateRoleArgs, RoleFields, RoleFilter, RoleListArgs, UpdateRoleArgs } from './role.inputs';
import { roleRuleProblems } from './role.rules';
import { RoleGrant } from './role-grant.entity';
import { Staff } from './staff.entity';

const SUBJECT = 'Role';

const spec: ListSpec<Role> = {
  subject: SUBJECT,
  alias: 'r',
  sortable: { id: 'r.id', name: 'r.name', label: 'r.label', updatedAt: 'r.updatedAt' },
  defaultSort: { field: 'name', order: SortOrder.ASC },
  filters: {
    q: { field: 'label', apply: (qb, value, p) => void qb.andWhere(`(r.name LIKE :${p} OR r.label LIKE :${p})`, { [p]: likePrefix(String(value)) }) },
    ids: filterBy.ids('r'),
    builtIn: filterBy.equals('r', 'builtIn'),
    highRisk: filterBy.equals('r', 'highRisk'),
    requiresMfa: filterBy.equals('r', 'requiresMfa'),
  },
};

const listQuery = (ctx: RequestContext, filter: RoleFilter | null | undefined) => applyFilters(ctx, guardedQuery(ctx, Role, 'r'), spec, filter);
export const list = (ctx: RequestContext, args: RoleListArgs) => applySortAndPage(ctx, listQuery(ctx, args.filter), spec, args).getMany();
export const count = (ctx: RequestContext, args: RoleListArgs) => listQuery(ctx, args.filter).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, Role, id);

/** How many staff hold a role through a grant in effect right now. */
export async function holderCount(ctx: RequestContext, role: Role): Promise<number> {
  const at = sqlTime(now());
  const row: { n: number | string } | undefined = await ctx.db
    .createQueryBuilder()
    .select('COUNT(DISTINCT g.staff_id)', 'n')
    .from('role_grant', 'g')
    .where("g.role_id = :roleId AND g.status = 'active'", { roleId: role.id })
    .andWhere('(g.valid_from IS NULL OR g.valid_from <= :at) AND (g.valid_until IS NULL OR g.valid_until > :at)', { at })
    .getRawOne();
  return Number(row?.n ?? 0);
}

/** The fields a subject has, as the API names them (what field rules and the field guard use). */
export function fieldsFrom(schema: GraphQLSchema) {
  return (subject: string): string[] | null => {
    const type = schema.getType(subject);
    return type && isObjectType(type) ? Object.keys(type.getFields()) : null;
  };
}

async function assertValidRules(em: EntityManager, rules: unknown, schema: GraphQLSchema): Promise<StoredRule[]> {
  const problems = roleRuleProblems(rules, fieldsFrom(schema), await loadDutyConflicts(em));
  if (problems.length) throw invalidInput({ rules: problems.map((p) => p.message).join('; ') }, problems);
  return rules as StoredRule[];
}

/** A role edited so that one of its holders would hold both sides of a pair is refused, naming the pair and the holder. */
async function assertHoldersStaySeparated(em: EntityManager, role: Role, rules: StoredRule[]): Promise<void> {
  const conflicts = await loadDutyConflicts(em);
  const holders = [...new Set((await heldGrants(em, { roleId: role.id })).map((h) => h.grant.staffId))];
  for (const staffId of holders) {
    const others = (await heldGrants(em, { staffIds: [staffId] })).filter((h) => h.role.id !== role.id);
    const pair = pairBroken(others, rules, conflicts);
    if (pair) {
      const holder = await em.getRepository(Staff).findOneOrFail({ where: { id: staffId } });
      const detail = conflictDetail(pair, holder);
      throw new AppError('DUTY_CONFLICT', { message: detail.message, details: [detail] });
    }
  }
}

const duplicateName = () => new AppError('DUPLICATE', { message: 'A role with this name already exists', fields: { name: 'already taken' } });
const asDuplicate = (error: unknown): never => {
  throw isUniqueViolation(error, 'name') ? duplicateName() : error;
};

async function insertRole(ctx: RequestContext, em: EntityManager, values: Partial<Role>, action: string, extra: Record<string, unknown> = {}): Promise<number> {
  const at = now();
  const draft = Object.assign(new Role(), { description: '', highRisk: false, requiresMfa: false, rules: [] }, values, { builtIn: false });
  assertCanWrite(ctx.ability, 'create', draft, Object.keys(values).filter((k) => k !== 'rules' || values.rules !== undefined));
  if (await em.getRepository(Role).exists({ where: { name: draft.name } })) throw duplicateName();
  const saved = await em.save(Object.assign(draft, { version: 1, createdAt: at, updatedAt: at }));
  await recordAudit(em, ctx, { action, subjectType: SUBJECT, subjectId: saved.id, changes: { ...auditChanges(SUBJECT, null, saved, ['name', 'label', 'rules', 'highRisk', 'requiresMfa']), ...extra } });
  return saved.id;
}

function fieldsOfInput(args: RoleFields): Partial<Role> {
  const out: Partial<Role> = {};
  // null is "not given", as for the flags below (the arguments are nullable in the schema).
  if (args.label !== undefined && args.label !== null) out.label = args.label.trim();
  if (args.description !== undefined && args.description !== null) out.description = args.description.trim();
  if (args.rules !== undefined) out.rules = args.rules as StoredRule[];
  if (args.highRisk !== undefined && args.highRisk !== null) out.highRisk = args.highRisk;
  if (args.requiresMfa !== undefined && args.requiresMfa !== null) out.requiresMfa = args.requiresMfa;
  return out;
}

export async function create(ctx: RequestContext, args: CreateRoleArgs, schema: GraphQLSchema): Promise<Role> {
  const values = { name: args.name, ...fieldsOfInput(args) };
  if (!values.label) throw invalidInput({ label: 'is required' });
  const id = await inTransaction(ctx.db, async (em) => {
    values.rules = await assertValidRules(em, values.rules ?? [], schema);
    return insertRole(ctx, em, values, 'role.create');
  }).catch(asDuplicate);
  return get(ctx, id);
}

/** A copy under a new name, to adapt without touching the original; never built in. */
export async function clone(ctx: RequestContext, args: CloneRoleArgs): Promise<Role> {
  const id = await inTransaction(ctx.db, async (em) => {
    const source = await findGuarded(ctx, Role, args.id, 'read', em);
    const values = { name: args.name, label: args.label.trim(), description: source.description, rules: source.rules, highRisk: source.highRisk, requiresMfa: source.requiresMfa };
    return insertRole(ctx, em, values, 'role.clone', { clonedFrom: source.name });
  }).catch(asDuplicate);
  return get(ctx, id);
}

export async function update(ctx: RequestContext, args: UpdateRoleArgs, schema: GraphQLSchema): Promise<Role> {
  const input = fieldsOfInput(args);
  if (input.label === '') throw invalidInput({ label: 'is required' });
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, Role, args.id, 'read', em);
    const fields = changedFields(current, input);
    assertCanWrite(ctx.ability, 'update', current, fields);
    if (input.rules !== undefined && fields.includes('rules')) {
      await assertValidRules(em, input.rules, schema);
      await assertHoldersStaySeparated(em, current, input.rules);
    }
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return;
    const after = Object.assign(new Role(), current, input);
    await updateVersioned(em, Role, current, args.version, Object.fromEntries(fields.map((f) => [f, input[f]])));
    await recordAudit(em, ctx, { action: 'role.update', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, after, fields) });
  });
  return get(ctx, args.id);
}

/** Only a role never granted can go: past grants keep pointing at it, for the record. Built-in roles stay. */
export async function remove(ctx: RequestContext, id: string): Promise<Role> {
  return inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, Role, id, 'read', em);
    assertCanWrite(ctx.ability, 'delete', current, []);
    if (current.builtIn) throw new AppError('ROLE_BUILT_IN');
    const grants = await em.getRepository(RoleGrant).count({ where: { roleId: current.id } });
    if (grants) throw new AppError('IN_USE', { message: `The role has been granted ${grants} times (past grants included) and stays for the record; revoke its grants instead` });
    await em.delete(Role, { id: current.id });
    await recordAudit(em, ctx, { action: 'role.delete', subjectType: SUBJECT, subjectId: current.id, changes: auditChanges(SUBJECT, current, null, ['name', 'label', 'rules']) });
    return current;
  });
}
