import { findGuarded } from '../../access/guarded-query';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { auditChanges } from '../audit/changes';
import { actorOf } from './complaint-context';
import { clocksOf, loadClockContext, type ClockContext } from './complaint-deadlines';
import { outcomeValues, storeOutcomes } from './complaint-outcomes';
import { Complaint } from './complaint.entity';
import type { ComplaintAction } from './complaint.enums';
import { nextDueOf } from './complaint.clocks';
import { addEvent, get } from './complaint.service';
import type { ComplaintStepArgs } from './complaint-steps.inputs';
import { refusalOf, type Actor } from './complaint.workflow';

type EM = RequestContext['db']['manager'];

export interface StepInput {
  current: Complaint;
  em: EM;
  at: Date;
  cc: ClockContext;
  actor: Actor;
}

export interface StepOutcome {
  changes: Partial<Complaint>;
  /** Timeline kind: accepted, assigned, resolution_proposed … */
  event: string;
  data?: Record<string, unknown>;
  /** Fields for the audit entry, when not every changed field belongs there (long report texts). */
  audited?: string[];
  /** Work after the change is saved, in the same transaction (notifications). */
  afterSave?: (em: EM, after: Complaint) => Promise<void>;
}

/**
 * Runs one workflow step: the caller must be able to read the complaint (else NOT_FOUND), the step
 * must be open to them in this state (workflow table), the version must be the one they saw; then
 * the change, its timeline event and its audit entry commit together, with the clocks recomputed.
 */
export async function runStep(ctx: RequestContext, args: ComplaintStepArgs, action: ComplaintAction, work: (input: StepInput) => Promise<StepOutcome> | StepOutcome): Promise<Complaint> {
  await inTransaction(ctx.db, async (em) => {
    const at = now();
    const current = await findGuarded(ctx, Complaint, args.id, 'read', em);
    const cc = await loadClockContext(em, ctx.config.defaultTimezone);
    const actor = actorOf(ctx, cc);
    const refusal = refusalOf(action, current, ctx.ability, actor);
    if (refusal) throw new AppError(refusal.reason, refusal.message ? { message: refusal.message } : {});
    if (args.version !== current.version) throw new AppError('STALE_VERSION');
    const outcome = await work({ current, em, at, cc, actor });
    const after = Object.assign(new Complaint(), current, outcome.changes);
    const changes = { ...outcome.changes, nextDueAt: nextDueOf(clocksOf(after, cc, at)) };
    await updateVersioned(em, Complaint, current, args.version, changes);
    await storeOutcomes(em, current.id, outcomeValues(after, cc, at));
    const note = args.note?.trim() || null;
    await addEvent(em, ctx, { complaintId: current.id, at, kind: outcome.event, fromState: current.state, toState: after.state, note, data: outcome.data ?? null });
    const fields = outcome.audited ?? Object.keys(outcome.changes);
    await recordAudit(em, ctx, { action: `complaint.${action}`, subjectType: 'Complaint', subjectId: current.id, changes: auditChanges('Complaint', current, after, fields), reason: note?.slice(0, 500) ?? null });
    await outcome.afterSave?.(em, after);
  });
  return get(ctx, args.id);
}
