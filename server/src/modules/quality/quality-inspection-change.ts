import { findGuarded } from '../../access/guarded-query';
import { assertCan } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { auditChanges } from '../audit/changes';
import { QualityInspection } from './quality-inspection.entity';
import { InspectionState } from './quality.enums';
import type { InspectionRefArgs } from './quality-inspection.inputs';
import { inspectionStepAllowed, inspectionStepTarget, type InspectionStep } from './quality.rules';

export type EM = RequestContext['db']['manager'];
export const SUBJECT = 'QualityInspection';
export const me = (ctx: RequestContext) => ctx.staff?.id ?? 0;

export const text = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

export interface ChangeOutcome {
  changes?: Partial<QualityInspection>;
  audit: Record<string, unknown>;
}

/**
 * Every change of an inspection: readable (else NOT_FOUND), the operation's permission on this row,
 * the step open in this state, the version the caller saw; then the change, the version bump and the
 * audit entry commit together.
 */
export async function change(
  ctx: RequestContext,
  args: InspectionRefArgs,
  step: InspectionStep,
  action: string,
  auditAction: string,
  work: (em: EM, current: QualityInspection, at: Date) => Promise<ChangeOutcome>,
): Promise<QualityInspection> {
  await inTransaction(ctx.db, async (em) => {
    const at = now();
    const current = await findGuarded(ctx, QualityInspection, args.id, 'read', em);
    assertCan(ctx.ability, action, current);
    if (!inspectionStepAllowed(step, current.state)) {
      throw new AppError(current.state === InspectionState.published && step !== 'correct' ? 'QUALITY_PUBLISHED' : 'QUALITY_WRONG_STATE');
    }
    if (step === 'edit' || step === 'submit') {
      if (current.inspectorId !== me(ctx)) throw new AppError('QUALITY_NOT_INSPECTOR');
    }
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    const outcome = await work(em, current, at);
    const target = inspectionStepTarget(step);
    const changes = { ...(target ? { state: target } : {}), ...(outcome.changes ?? {}) };
    await updateVersioned(em, QualityInspection, current, args.version, changes);
    const after = Object.assign(new QualityInspection(), current, changes);
    const fields = Object.keys(changes);
    await recordAudit(em, ctx, { action: `quality_inspection.${auditAction}`, subjectType: SUBJECT, subjectId: current.id, changes: { ...auditChanges(SUBJECT, current, after, fields), ...outcome.audit } });
  });
  return findGuarded(ctx, QualityInspection, args.id);
}
