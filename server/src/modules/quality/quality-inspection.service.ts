import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { auditChanges } from '../audit/changes';
import { Branch } from '../branches/branch.entity';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../calendar/deadlines';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintState } from '../complaints/complaint.enums';
import { Policy } from '../policies/policy.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding, QualitySample, QualityScore } from './quality-parts.entity';
import { QualityTeam } from './quality-team.entity';
import { QualityTemplate } from './quality-template.entity';
import { InspectionKind, InspectionState, KIND_LABELS, ReturnVisitSource, SampleKind } from './quality.enums';
import type { CreateQualityInspectionArgs, QualityInspectionListArgs, UpdateQualityInspectionArgs } from './quality-inspection.inputs';
import { change, me, SUBJECT, text, type EM } from './quality-inspection-change';
import { complaintLabel, handlersOfComplaint, refuseOwnWork, sampleTarget, type SampleTarget } from './quality-sample-target';
import { inspectionListSpec } from './quality.list';
import { drawSample, halfYearOf, isHalfYear, newSeed } from './quality.rules';

/** Reading, opening and editing inspections; the work on a draft and the workflow steps have services of their own. */

const listSpec = (ctx: RequestContext) => inspectionListSpec(me(ctx));
const listQuery = (ctx: RequestContext, args: QualityInspectionListArgs) => applyFilters(ctx, guardedQuery(ctx, QualityInspection, 'i'), listSpec(ctx), args.filter);
export const list = (ctx: RequestContext, args: QualityInspectionListArgs) => applySortAndPage(ctx, listQuery(ctx, args), listSpec(ctx), args).getMany();
export const count = (ctx: RequestContext, args: QualityInspectionListArgs) => listQuery(ctx, args).getCount();
export const get = (ctx: RequestContext, id: string | number) => findGuarded(ctx, QualityInspection, id);

/** ZJ + year created + id: readable, unique and stable without a counter table. */
export const inspectionNumber = (i: Pick<QualityInspection, 'id' | 'createdAt'>) => `ZJ${i.createdAt.getUTCFullYear()}-${String(i.id).padStart(6, '0')}`;

// ---- reading the parts --------------------------------------------------------------------------------------

export const samplesOf = (em: EM, inspectionId: number) => em.getRepository(QualitySample).find({ where: { inspectionId }, order: { id: 'ASC' } });
export const scoresOf = (em: EM, inspectionId: number) => em.getRepository(QualityScore).find({ where: { inspectionId }, order: { id: 'ASC' } });
export const findingsOf = (em: EM, inspectionId: number) => em.getRepository(QualityFinding).find({ where: { inspectionId }, order: { id: 'ASC' } });

/** The newest correction of a report, if any (the report itself never changes to point at it). */
export function correctionsOf(ctx: RequestContext, inspection: QualityInspection): Promise<QualityInspection[]> {
  return guardedQuery(ctx, QualityInspection, 'i').andWhere('i.correctsId = :id', { id: inspection.id }).orderBy('i.id', 'ASC').getMany();
}

// ---- create -------------------------------------------------------------------------------------------------

async function usableTemplate(em: EM, ctx: RequestContext, templateId: string | null | undefined): Promise<QualityTemplate> {
  if (!templateId) throw invalidInput({ templateId: 'is required' });
  const template = await guardedQuery(ctx, QualityTemplate, 'tp', 'read', em).andWhere('tp.id = :id', { id: Number(templateId) || 0 }).getOne();
  if (!template) throw invalidInput({ templateId: 'no such template' });
  if (!template.current || !template.active) throw invalidInput({ templateId: 'not the current revision of an active template' });
  return template;
}

/** Candidates of a return visit: closed complaints or new policies of the period the caller may read, in id order. */
async function visitCandidates(ctx: RequestContext, em: EM, source: ReturnVisitSource, from: string, to: string, branchId: number | null): Promise<Array<{ id: number; target: SampleTarget }>> {
  const tz = ctx.config.defaultTimezone;
  if (source === ReturnVisitSource.closed_complaints) {
    const qb = guardedQuery(ctx, Complaint, 'c', 'read', em)
      .andWhere('c.state = :closed', { closed: ComplaintState.closed })
      .andWhere('c.closedAt >= :from AND c.closedAt <= :to', { from: sqlTime(startOfLocalDay(from, tz)), to: sqlTime(endOfLocalDay(to, tz)) });
    if (branchId) qb.andWhere('c.branchId = :branchId', { branchId });
    const rows = await qb.orderBy('c.id', 'ASC').getMany();
    return rows.map((c) => ({ id: c.id, target: { label: complaintLabel(c), handledByIds: handlersOfComplaint(c), branchId: c.branchId } }));
  }
  const qb = guardedQuery(ctx, Policy, 'p', 'read', em).andWhere('p.effectiveDate >= :from AND p.effectiveDate <= :to', { from, to });
  if (branchId) qb.andWhere('p.branchId = :branchId', { branchId });
  const rows = await qb.orderBy('p.id', 'ASC').getMany();
  return rows.map((p) => ({ id: p.id, target: { label: `${p.policyNumber} ${p.productName}`.slice(0, 200), handledByIds: [], branchId: p.branchId } }));
}

export async function create(ctx: RequestContext, args: CreateQualityInspectionArgs): Promise<QualityInspection> {
  const at = now();
  const inspectorId = me(ctx);
  if (!args.kind) throw invalidInput({ kind: 'is required' });
  const fields = Object.keys(args).filter((k) => (args as Record<string, unknown>)[k] !== undefined && (args as Record<string, unknown>)[k] !== null);
  const id = await inTransaction(ctx.db, async (em) => {
    const draft = Object.assign(new QualityInspection(), {
      kind: args.kind,
      state: InspectionState.draft,
      title: args.title?.trim() || '',
      templateId: null,
      branchId: null,
      teamId: null,
      period: null,
      complaintId: null,
      inspectorId,
      summary: null,
      totalScore: null,
      revision: 1,
      correctsId: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    } satisfies Partial<QualityInspection>);
    const samples: Array<{ kind: SampleKind; refId: number; target: SampleTarget }> = [];
    const problems: Record<string, string> = {};
    const notFor = (names: Array<keyof CreateQualityInspectionArgs>) => names.forEach((n) => { if (args[n] !== undefined && args[n] !== null) problems[n] = `does not apply to a ${args.kind} inspection`; });
    if (args.kind === InspectionKind.periodic) {
      notFor(['complaintId', 'visitSource', 'visitFrom', 'visitTo', 'sampleSize', 'sampleSeed', 'branchId']);
      if (!args.teamId) problems.teamId = 'is required';
      const period = args.period?.trim() || halfYearOf(localDateOf(at, ctx.config.defaultTimezone));
      if (!isHalfYear(period)) problems.period = 'must be a half-year written like 2026H2';
      if (Object.keys(problems).length) throw invalidInput(problems);
      const team = await guardedQuery(ctx, QualityTeam, 't', 'read', em).andWhere('t.id = :id', { id: Number(args.teamId) || 0 }).getOne();
      if (!team) throw invalidInput({ teamId: 'no such team' });
      if (!team.active) throw invalidInput({ teamId: 'the team is no longer active' });
      const template = await usableTemplate(em, ctx, args.templateId);
      Object.assign(draft, { teamId: team.id, branchId: team.branchId, period, templateId: template.id });
      draft.title ||= `${KIND_LABELS.periodic} ${team.name} ${period}`;
    } else if (args.kind === InspectionKind.ad_hoc) {
      notFor(['teamId', 'period', 'visitSource', 'visitFrom', 'visitTo', 'sampleSize', 'sampleSeed', 'branchId']);
      if (!args.complaintId) problems.complaintId = 'is required';
      if (Object.keys(problems).length) throw invalidInput(problems);
      const target = await sampleTarget(ctx, em, SampleKind.complaint, Number(args.complaintId), 'complaintId');
      refuseOwnWork(ctx, inspectorId, target.handledByIds, 'the complaint');
      const template = await usableTemplate(em, ctx, args.templateId);
      Object.assign(draft, { complaintId: Number(args.complaintId), branchId: target.branchId, templateId: template.id });
      samples.push({ kind: SampleKind.complaint, refId: Number(args.complaintId), target });
      draft.title ||= `${KIND_LABELS.ad_hoc} 投诉 ${target.label}`.slice(0, 200);
    } else {
      notFor(['teamId', 'period', 'complaintId', 'templateId']);
      if (!args.visitSource) problems.visitSource = 'is required';
      if (!args.visitFrom) problems.visitFrom = 'is required';
      if (!args.visitTo) problems.visitTo = 'is required';
      if (!args.sampleSize) problems.sampleSize = 'is required';
      if (args.visitFrom && args.visitTo && args.visitFrom > args.visitTo) problems.visitTo = 'must not be before visitFrom';
      if (Object.keys(problems).length) throw invalidInput(problems);
      let branchId: number | null = null;
      if (args.branchId) {
        branchId = Number(args.branchId);
        if (!Number.isSafeInteger(branchId) || !(await em.getRepository(Branch).exists({ where: { id: branchId } }))) throw invalidInput({ branchId: 'no such branch' });
      }
      const seed = args.sampleSeed || newSeed();
      // The inspector's own cases are left out before drawing: nobody inspects their own work.
      const candidates = (await visitCandidates(ctx, em, args.visitSource!, args.visitFrom!, args.visitTo!, branchId)).filter((c) => !c.target.handledByIds.includes(inspectorId));
      if (!candidates.length) throw invalidInput({ visitFrom: 'nothing to visit in this period' });
      const byId = new Map(candidates.map((c) => [c.id, c.target]));
      const kind = args.visitSource === ReturnVisitSource.closed_complaints ? SampleKind.complaint : SampleKind.policy;
      for (const refId of drawSample(candidates.map((c) => c.id), seed, args.sampleSize!)) samples.push({ kind, refId, target: byId.get(refId)! });
      Object.assign(draft, { branchId, visitSource: args.visitSource, visitFrom: args.visitFrom, visitTo: args.visitTo, sampleSize: args.sampleSize, sampleSeed: seed });
      draft.title ||= `${KIND_LABELS.return_visit} ${args.visitFrom}–${args.visitTo}`;
    }
    assertCanWrite(ctx.ability, 'create', draft, []);
    const saved = await em.save(draft);
    for (const s of samples) {
      await em.insert(QualitySample, { inspectionId: saved.id, kind: s.kind, refId: s.refId, label: s.target.label, handledByIds: s.target.handledByIds, reached: null, satisfaction: null, remarks: null, visitedAt: null, visitedById: null });
    }
    await recordAudit(em, ctx, {
      action: 'quality_inspection.create',
      subjectType: SUBJECT,
      subjectId: saved.id,
      changes: { ...auditChanges(SUBJECT, null, saved, ['kind', 'title', 'templateId', 'branchId', 'teamId', 'period', 'complaintId', 'visitSource', 'visitFrom', 'visitTo', 'sampleSize', 'sampleSeed']), samples: { from: null, to: samples.map((s) => `${s.kind}:${s.refId}`) }, input: fields },
    });
    return saved.id;
  });
  return get(ctx, id);
}

export const update = (ctx: RequestContext, args: UpdateQualityInspectionArgs) =>
  change(ctx, args, 'edit', 'update', 'update', async () => {
    const changes: Partial<QualityInspection> = {};
    if (args.title !== undefined) {
      if (!args.title?.trim()) throw invalidInput({ title: 'is required' });
      changes.title = args.title.trim();
    }
    if (args.summary !== undefined) changes.summary = text(args.summary) ?? null;
    return { changes, audit: {} };
  });
