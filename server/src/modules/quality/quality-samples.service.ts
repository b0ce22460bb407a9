import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { QualitySample } from './quality-parts.entity';
import { InspectionKind, SampleKind } from './quality.enums';
import type { AddQualitySampleArgs, RemoveQualitySampleArgs } from './quality-inspection-steps.inputs';
import { change } from './quality-inspection-change';
import { refuseOwnWork, sampleTarget } from './quality-sample-target';

/** The sample of a periodic or ad hoc inspection, edited by hand while in draft. */

export const addSample = (ctx: RequestContext, args: AddQualitySampleArgs) =>
  change(ctx, args, 'edit', 'update', 'add_sample', async (em, current) => {
    if (current.kind === InspectionKind.return_visit) throw invalidInput({ kind: 'a return visit samples by its seed only' });
    const refId = Number(args.refId);
    const target = await sampleTarget(ctx, em, args.kind, refId, 'refId');
    refuseOwnWork(ctx, current.inspectorId, target.handledByIds, `this ${args.kind}`);
    if (await em.getRepository(QualitySample).exists({ where: { inspectionId: current.id, kind: args.kind, refId } })) throw invalidInput({ refId: 'already sampled' });
    if ((await em.getRepository(QualitySample).count({ where: { inspectionId: current.id } })) >= 500) throw invalidInput({ refId: 'an inspection samples at most 500 items' });
    await em.insert(QualitySample, { inspectionId: current.id, kind: args.kind, refId, label: target.label, handledByIds: target.handledByIds, reached: null, satisfaction: null, remarks: null, visitedAt: null, visitedById: null });
    return { audit: { sample: { from: null, to: `${args.kind}:${refId}` } } };
  });

export const removeSample = (ctx: RequestContext, args: RemoveQualitySampleArgs) =>
  change(ctx, args, 'edit', 'update', 'remove_sample', async (em, current) => {
    if (current.kind === InspectionKind.return_visit) throw invalidInput({ sampleId: 'a return visit keeps the sample its seed drew' });
    const sample = await em.getRepository(QualitySample).findOne({ where: { id: Number(args.sampleId) || 0, inspectionId: current.id } });
    if (!sample) throw invalidInput({ sampleId: 'no such sample in this inspection' });
    if (current.kind === InspectionKind.ad_hoc && sample.kind === SampleKind.complaint && sample.refId === current.complaintId) {
      throw invalidInput({ sampleId: 'the complaint an ad hoc inspection was opened from stays in its sample' });
    }
    await em.delete(QualitySample, { id: sample.id });
    return { audit: { sample: { from: `${sample.kind}:${sample.refId}`, to: null } } };
  });
