import { findGuarded } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding, QualitySample, QualityScore } from './quality-parts.entity';
import { QualityTemplate } from './quality-template.entity';
import { InspectionKind, InspectionState } from './quality.enums';
import type { InspectionRefArgs } from './quality-inspection.inputs';
import type { InspectionNoteArgs, InspectionReasonArgs } from './quality-inspection-steps.inputs';
import { change, me, SUBJECT, text, type EM } from './quality-inspection-change';
import { findingsOf, get, samplesOf, scoresOf } from './quality-inspection.service';
import { refuseOwnWork } from './quality-sample-target';
import { scoreSummaryOf } from './quality-scoring.service';

/** The workflow: submit, review, return, publish, and the correction of a published report. */

export const submit = (ctx: RequestContext, args: InspectionNoteArgs) =>
  change(ctx, args, 'submit', 'update', 'submit', async (em, current, at) => {
    const problems: Record<string, string> = {};
    const samples = await samplesOf(em, current.id);
    if (!samples.length) problems.samples = 'sample at least one item';
    if (current.kind === InspectionKind.return_visit) {
      const open = samples.filter((s) => !s.visitedAt).length;
      if (open) problems.samples = `${open} of ${samples.length} visits not recorded yet`;
    } else {
      const summary = await scoreSummaryOf(em, current);
      if (summary && !summary.complete) {
        const template = await em.getRepository(QualityTemplate).findOneOrFail({ where: { id: current.templateId! } });
        const scores = new Map((await scoresOf(em, current.id)).map((s) => [s.itemKey, s]));
        const missing = template.items.filter((i) => !scores.get(i.key)?.notApplicable && (scores.get(i.key)?.score ?? null) === null).map((i) => i.key);
        problems.scores = `not scored yet: ${missing.join(', ')} (score them or mark them not applicable)`;
      }
    }
    if (Object.keys(problems).length) throw invalidInput(problems);
    const note = text(args.note);
    return { changes: { submittedAt: at, ...(note ? { summary: note } : {}) }, audit: {} };
  });

/** The reviewer: never the inspector, and nobody whose own work is in the sample. */
async function assertReviewer(ctx: RequestContext, em: EM, current: QualityInspection): Promise<void> {
  if (current.inspectorId === me(ctx)) throw new AppError('QUALITY_OWN_REVIEW');
  const samples = await samplesOf(em, current.id);
  if (samples.some((s) => s.handledByIds.includes(me(ctx)))) {
    throw new AppError('QUALITY_SELF_INSPECTION', { message: 'Nobody reviews an inspection of their own work' });
  }
}

export const review = (ctx: RequestContext, args: InspectionNoteArgs) =>
  change(ctx, args, 'review', 'review', 'review', async (em, current, at) => {
    await assertReviewer(ctx, em, current);
    return { changes: { reviewedById: me(ctx), reviewedAt: at, reviewNote: text(args.note) ?? null }, audit: {} };
  });

export const sendBack = (ctx: RequestContext, args: InspectionReasonArgs) =>
  change(ctx, args, 'return', 'review', 'return', async (em, current) => {
    await assertReviewer(ctx, em, current);
    const reason = args.reason?.trim();
    if (!reason) throw invalidInput({ reason: 'is required' });
    return { changes: { returnedReason: reason, submittedAt: null, reviewedById: null, reviewedAt: null, reviewNote: null }, audit: { reason } };
  });

export const publish = (ctx: RequestContext, args: InspectionRefArgs) =>
  change(ctx, args, 'publish', 'publish', 'publish', async (_em, _current, at) => ({ changes: { publishedById: me(ctx), publishedAt: at }, audit: {} }));

/**
 * A published report never changes: its correction is a new draft (revision + 1) that points at it,
 * with the same template revision, sample, scores and findings to correct, and goes through review again.
 */
export async function correct(ctx: RequestContext, args: InspectionReasonArgs): Promise<QualityInspection> {
  const reason = args.reason?.trim();
  if (!reason) throw invalidInput({ reason: 'is required' });
  const id = await inTransaction(ctx.db, async (em) => {
    const at = now();
    const current = await findGuarded(ctx, QualityInspection, args.id, 'read', em);
    if (current.state !== InspectionState.published) throw new AppError('QUALITY_WRONG_STATE', { message: 'Only a published report is corrected; change a draft directly' });
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    const open = await em.getRepository(QualityInspection).createQueryBuilder('i').where('i.correctsId = :id AND i.state <> :published', { id: current.id, published: InspectionState.published }).getExists();
    if (open) throw new AppError('QUALITY_CORRECTION_OPEN');
    const newer = await em.getRepository(QualityInspection).exists({ where: { correctsId: current.id } });
    if (newer) throw new AppError('QUALITY_WRONG_STATE', { message: 'This report has already been corrected: correct its newest version' });
    const copy = Object.assign(new QualityInspection(), {
      ...current,
      id: undefined,
      state: InspectionState.draft,
      inspectorId: me(ctx),
      submittedAt: null,
      reviewedById: null,
      reviewedAt: null,
      reviewNote: null,
      returnedReason: null,
      publishedById: null,
      publishedAt: null,
      correctsId: current.id,
      revision: current.revision + 1,
      correctionReason: reason,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    assertCanWrite(ctx.ability, 'create', copy, []);
    const samples = await samplesOf(em, current.id);
    refuseOwnWork(ctx, me(ctx), samples.flatMap((s) => s.handledByIds), 'an item of this report');
    const saved = await em.getRepository(QualityInspection).save(copy as QualityInspection);
    for (const { id: _id, ...s } of samples) await em.insert(QualitySample, { ...s, inspectionId: saved.id });
    for (const { id: _id, ...s } of await scoresOf(em, current.id)) await em.insert(QualityScore, { ...s, inspectionId: saved.id });
    for (const { id: findingId, ...f } of await findingsOf(em, current.id)) await em.insert(QualityFinding, { ...f, inspectionId: saved.id, copiedFromId: findingId });
    await recordAudit(em, ctx, { action: 'quality_inspection.correct', subjectType: SUBJECT, subjectId: saved.id, changes: { correctsId: { from: null, to: current.id }, revision: { from: current.revision, to: saved.revision } }, reason });
    return saved.id;
  });
  return get(ctx, id);
}
