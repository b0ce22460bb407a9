import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { Staff } from '../staff/staff.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding } from './quality-parts.entity';
import type { QualityFindingArgs, RemoveQualityFindingArgs, UpdateQualityFindingArgs } from './quality-inspection-steps.inputs';
import { change, text, type EM } from './quality-inspection-change';
import { refuseOwnWork } from './quality-sample-target';

/** The findings of an inspection, edited while in draft. */

function findingValues(args: QualityFindingArgs, existing: QualityFinding | null): Partial<QualityFinding> {
  const problems: Record<string, string> = {};
  const dimension = args.dimension ?? existing?.dimension;
  const severity = args.severity ?? existing?.severity;
  const description = args.description !== undefined ? args.description?.trim() : existing?.description;
  if (!dimension) problems.dimension = 'is required';
  if (!severity) problems.severity = 'is required';
  if (!description) problems.description = 'is required';
  if (Object.keys(problems).length) throw invalidInput(problems);
  return {
    dimension,
    severity,
    description,
    concernedStaffId: args.concernedStaffId !== undefined ? (args.concernedStaffId ? Number(args.concernedStaffId) : null) : (existing?.concernedStaffId ?? null),
    concernedProcess: args.concernedProcess !== undefined ? text(args.concernedProcess) ?? null : (existing?.concernedProcess ?? null),
    needsAction: args.needsAction ?? existing?.needsAction ?? false,
  };
}

async function assertConcerned(ctx: RequestContext, em: EM, current: QualityInspection, values: Partial<QualityFinding>): Promise<void> {
  if (values.concernedStaffId === null || values.concernedStaffId === undefined) return;
  const staffId = values.concernedStaffId;
  if (!Number.isSafeInteger(staffId) || !(await em.getRepository(Staff).exists({ where: { id: staffId } }))) throw invalidInput({ concernedStaffId: 'no such staff member' });
  refuseOwnWork(ctx, current.inspectorId, [staffId], 'the staff member concerned');
}

export const addFinding = (ctx: RequestContext, args: QualityFindingArgs) =>
  change(ctx, args, 'edit', 'update', 'add_finding', async (em, current) => {
    const values = findingValues(args, null);
    await assertConcerned(ctx, em, current, values);
    const { identifiers } = await em.insert(QualityFinding, { inspectionId: current.id, copiedFromId: null, ...values });
    return { audit: { finding: { from: null, to: { id: identifiers[0]?.id ?? null, ...values } } } };
  });

export const updateFinding = (ctx: RequestContext, args: UpdateQualityFindingArgs) =>
  change(ctx, args, 'edit', 'update', 'update_finding', async (em, current) => {
    const existing = await em.getRepository(QualityFinding).findOne({ where: { id: Number(args.findingId) || 0, inspectionId: current.id } });
    if (!existing) throw invalidInput({ findingId: 'no such finding in this inspection' });
    const values = findingValues(args, existing);
    await assertConcerned(ctx, em, current, values);
    await em.update(QualityFinding, { id: existing.id }, values);
    return { audit: { finding: { from: { ...existing }, to: { id: existing.id, ...values } } } };
  });

export const removeFinding = (ctx: RequestContext, args: RemoveQualityFindingArgs) =>
  change(ctx, args, 'edit', 'update', 'remove_finding', async (em, current) => {
    const existing = await em.getRepository(QualityFinding).findOne({ where: { id: Number(args.findingId) || 0, inspectionId: current.id } });
    if (!existing) throw invalidInput({ findingId: 'no such finding in this inspection' });
    await em.delete(QualityFinding, { id: existing.id });
    return { audit: { finding: { from: { ...existing }, to: null } } };
  });
