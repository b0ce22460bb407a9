import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation } from '../../db/unique-violation';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges } from '../audit/changes';
import { Branch } from '../branches/branch.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityTeam } from './quality-team.entity';
import { QualityTemplate, type QualityTemplateItem } from './quality-template.entity';
import type { CreateQualityTeamArgs, QualityTeamListArgs, UpdateQualityTeamArgs } from './quality-team.inputs';
import type { CreateQualityTemplateArgs, QualityTemplateItemInput, QualityTemplateListArgs, UpdateQualityTemplateArgs } from './quality-template.inputs';
import { teamListSpec, templateListSpec } from './quality.list';
import { templateItemProblems, withKeys } from './quality.rules';

type EM = RequestContext['db']['manager'];

const definedKeys = (args: object, skip: string[] = []) => Object.keys(args).filter((k) => !skip.includes(k) && (args as Record<string, unknown>)[k] !== undefined);

// ---- teams ----------------------------------------------------------------------------------------------------

const teamQuery = (ctx: RequestContext, args: QualityTeamListArgs) => applyFilters(ctx, guardedQuery(ctx, QualityTeam, 't'), teamListSpec, args.filter);
export const listTeams = (ctx: RequestContext, args: QualityTeamListArgs) => applySortAndPage(ctx, teamQuery(ctx, args), teamListSpec, args).getMany();
export const countTeams = (ctx: RequestContext, args: QualityTeamListArgs) => teamQuery(ctx, args).getCount();
export const getTeam = (ctx: RequestContext, id: string | number) => findGuarded(ctx, QualityTeam, id);

async function assertUniqueTeam(em: EM, team: QualityTeam): Promise<void> {
  const clash = await em.getRepository(QualityTeam).createQueryBuilder('t').where('t.branchId = :b AND t.name = :n AND t.id <> :id', { b: team.branchId, n: team.name, id: team.id ?? 0 }).getExists();
  if (clash) throw invalidInput({ name: 'the branch already has a team of this name' });
}

export async function createTeam(ctx: RequestContext, args: CreateQualityTeamArgs): Promise<QualityTeam> {
  const name = args.name?.trim() ?? '';
  const problems: Record<string, string> = {};
  if (!name) problems.name = 'is required';
  const branchId = Number(args.branchId);
  if (!args.branchId) problems.branchId = 'is required';
  if (Object.keys(problems).length) throw invalidInput(problems);
  const at = now();
  const draft = Object.assign(new QualityTeam(), { name, branchId, active: true, version: 1, createdAt: at, updatedAt: at });
  assertCanWrite(ctx.ability, 'create', draft, definedKeys(args));
  const id = await inTransaction(ctx.db, async (em) => {
    if (!Number.isSafeInteger(branchId) || !(await em.getRepository(Branch).exists({ where: { id: branchId } }))) throw invalidInput({ branchId: 'no such branch' });
    await assertUniqueTeam(em, draft);
    const saved = await em.save(draft).catch((error: unknown) => {
      if (isUniqueViolation(error, 'quality_team')) throw invalidInput({ name: 'the branch already has a team of this name' });
      throw error;
    });
    await recordAudit(em, ctx, { action: 'quality_team.create', subjectType: 'QualityTeam', subjectId: saved.id, changes: auditChanges('QualityTeam', null, saved, ['name', 'branchId']) });
    return saved.id;
  });
  return getTeam(ctx, id);
}

export async function updateTeam(ctx: RequestContext, args: UpdateQualityTeamArgs): Promise<QualityTeam> {
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, QualityTeam, args.id, 'read', em);
    const changes: Partial<QualityTeam> = {};
    if (args.name !== undefined) {
      if (!args.name?.trim()) throw invalidInput({ name: 'is required' });
      if (args.name.trim() !== current.name) changes.name = args.name.trim();
    }
    if (args.active !== undefined && args.active !== null && args.active !== current.active) changes.active = args.active;
    const fields = Object.keys(changes);
    assertCanWrite(ctx.ability, 'update', current, fields);
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return;
    const after = Object.assign(new QualityTeam(), current, changes);
    if (changes.name) await assertUniqueTeam(em, after);
    await updateVersioned(em, QualityTeam, current, args.version, changes);
    await recordAudit(em, ctx, { action: 'quality_team.update', subjectType: 'QualityTeam', subjectId: current.id, changes: auditChanges('QualityTeam', current, after, fields) });
  });
  return getTeam(ctx, args.id);
}

// ---- templates ------------------------------------------------------------------------------------------------

const templateQuery = (ctx: RequestContext, args: QualityTemplateListArgs) => applyFilters(ctx, guardedQuery(ctx, QualityTemplate, 'tp'), templateListSpec, args.filter);
export const listTemplates = (ctx: RequestContext, args: QualityTemplateListArgs) => applySortAndPage(ctx, templateQuery(ctx, args), templateListSpec, args).getMany();
export const countTemplates = (ctx: RequestContext, args: QualityTemplateListArgs) => templateQuery(ctx, args).getCount();
export const getTemplate = (ctx: RequestContext, id: string | number) => findGuarded(ctx, QualityTemplate, id);

export function templateInUse(em: EM, templateId: number): Promise<boolean> {
  return em.getRepository(QualityInspection).exists({ where: { templateId } });
}

/** Validated, trimmed items with stable keys; problems are named by input path (items.2.weight). */
function normalizeItems(input: QualityTemplateItemInput[] | undefined): QualityTemplateItem[] {
  const items = (input ?? []).map((item) => ({
    key: item.key?.trim() || null,
    dimension: item.dimension,
    title: item.title?.trim() ?? '',
    weight: item.weight,
    guidance: item.guidance?.trim() || null,
  }));
  const problems = templateItemProblems(items.map((i) => ({ ...i, key: i.key ?? undefined })));
  items.forEach((item, i) => {
    if (item.title.length > 200) problems[`items.${i}.title`] = 'must be at most 200 characters';
    if ((item.guidance?.length ?? 0) > 2000) problems[`items.${i}.guidance`] = 'must be at most 2000 characters';
  });
  if (items.length > 200) problems.items = 'at most 200 items';
  if (Object.keys(problems).length) throw invalidInput(problems);
  return withKeys(items) as QualityTemplateItem[];
}

export async function createTemplate(ctx: RequestContext, args: CreateQualityTemplateArgs): Promise<QualityTemplate> {
  const problems: Record<string, string> = {};
  const code = args.code?.trim() ?? '';
  const name = args.name?.trim() ?? '';
  if (!code) problems.code = 'is required';
  if (!name) problems.name = 'is required';
  if (!args.items) problems.items = 'is required';
  if (Object.keys(problems).length) throw invalidInput(problems);
  const items = normalizeItems(args.items);
  const at = now();
  const draft = Object.assign(new QualityTemplate(), { code, name, description: args.description?.trim() || null, items, revision: 1, current: true, active: true, previousId: null, version: 1, createdAt: at, updatedAt: at });
  assertCanWrite(ctx.ability, 'create', draft, definedKeys(args));
  const id = await inTransaction(ctx.db, async (em) => {
    if (await em.getRepository(QualityTemplate).exists({ where: { code } })) throw invalidInput({ code: 'a template with this code exists: edit it to make a new revision' });
    const saved = await em.save(draft).catch((error: unknown) => {
      if (isUniqueViolation(error, 'code')) throw invalidInput({ code: 'a template with this code exists' });
      throw error;
    });
    await recordAudit(em, ctx, { action: 'quality_template.create', subjectType: 'QualityTemplate', subjectId: saved.id, changes: auditChanges('QualityTemplate', null, saved, ['code', 'revision', 'name', 'items']) });
    return saved.id;
  });
  return getTemplate(ctx, id);
}

/**
 * Edits a template. One never scored with is changed in place; one in use stays as it is (the
 * inspections scored with it keep meaning what they meant) and the edit becomes the next revision.
 */
export async function updateTemplate(ctx: RequestContext, args: UpdateQualityTemplateArgs): Promise<QualityTemplate> {
  const id = await inTransaction(ctx.db, async (em) => {
    const at = now();
    const current = await findGuarded(ctx, QualityTemplate, args.id, 'read', em);
    const changes: Partial<QualityTemplate> = {};
    if (args.name !== undefined) {
      if (!args.name?.trim()) throw invalidInput({ name: 'is required' });
      changes.name = args.name.trim();
    }
    if (args.description !== undefined) changes.description = args.description?.trim() || null;
    if (args.items !== undefined && args.items !== null) changes.items = normalizeItems(args.items);
    if (args.active !== undefined && args.active !== null) changes.active = args.active;
    const fields = Object.keys(changes).filter((f) => JSON.stringify((changes as Record<string, unknown>)[f]) !== JSON.stringify((current as unknown as Record<string, unknown>)[f]));
    assertCanWrite(ctx.ability, 'update', current, fields);
    if (!current.current) throw new AppError('QUALITY_TEMPLATE_NOT_CURRENT');
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    if (!fields.length) return current.id;
    const after = Object.assign(new QualityTemplate(), current, Object.fromEntries(fields.map((f) => [f, (changes as Record<string, unknown>)[f]])));
    const contentChanged = fields.some((f) => f !== 'active');
    if (contentChanged && (await templateInUse(em, current.id))) {
      await updateVersioned(em, QualityTemplate, current, args.version, { current: false });
      const next = Object.assign(new QualityTemplate(), { ...after, id: undefined, revision: current.revision + 1, current: true, previousId: current.id, version: 1, createdAt: at, updatedAt: at });
      const saved = await em.getRepository(QualityTemplate).save(next as QualityTemplate);
      await recordAudit(em, ctx, {
        action: 'quality_template.revise',
        subjectType: 'QualityTemplate',
        subjectId: saved.id,
        changes: { previousId: { from: null, to: current.id }, revision: { from: current.revision, to: saved.revision }, ...auditChanges('QualityTemplate', current, saved, fields) },
      });
      return saved.id;
    }
    const set = Object.fromEntries(fields.map((f) => [f, (after as unknown as Record<string, unknown>)[f]])) as Partial<QualityTemplate>;
    await updateVersioned(em, QualityTemplate, current, args.version, set);
    await recordAudit(em, ctx, { action: 'quality_template.update', subjectType: 'QualityTemplate', subjectId: current.id, changes: auditChanges('QualityTemplate', current, after, fields) });
    return current.id;
  });
  return getTemplate(ctx, id);
}
