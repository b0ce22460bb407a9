import { assertCanWrite } from '../../access/write-guard';
import { findGuarded } from '../../access/guarded-query';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { Role } from '../staff/role.entity';
import { refreshOpenComplaintDeadlines } from './complaint-deadlines';
import { ComplaintPolicy } from './complaint-policy.entity';
import type { UpdateComplaintPolicyArgs } from './complaint-policy.resolver';

const SUBJECT = 'ComplaintPolicy';

export const getPolicy = (ctx: RequestContext) => findGuarded(ctx, ComplaintPolicy, 1);

/** Limits that contradict each other or name no role are refused, field by field. */
async function problemsOf(ctx: RequestContext, p: ComplaintPolicy, em = ctx.db.manager): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (p.regulatoryExtendedDays < p.regulatoryResolutionDays) problems.regulatoryExtendedDays = 'cannot be shorter than the regulatory limit itself';
  const roles = new Set((await em.getRepository(Role).find({ select: { name: true } })).map((r) => r.name));
  const seen = new Set<string>();
  p.approvalLimits.forEach((limit, i) => {
    if (!roles.has(limit.role)) problems[`approvalLimits.${i}.role`] = `no role named "${limit.role}"`;
    if (seen.has(limit.role)) problems[`approvalLimits.${i}.role`] = `"${limit.role}" is listed twice`;
    seen.add(limit.role);
  });
  if (!roles.has(p.breachEscalationRole)) problems.breachEscalationRole = `no role named "${p.breachEscalationRole}"`;
  if (!roles.has(p.complianceEscalationRole)) problems.complianceEscalationRole = `no role named "${p.complianceEscalationRole}"`;
  return problems;
}

export async function updatePolicy(ctx: RequestContext, args: UpdateComplaintPolicyArgs): Promise<ComplaintPolicy> {
  const { version, ...rest } = args;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, ComplaintPolicy, 1, 'read', em);
    const input = { ...rest } as Partial<ComplaintPolicy>;
    if (rest.approvalLimits) input.approvalLimits = rest.approvalLimits.map((l) => ({ role: l.role.trim(), limitFen: l.limitFen ?? null }));
    const fields = changedFields(current, input);
    const changes = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<ComplaintPolicy>;
    const after = Object.assign(new ComplaintPolicy(), current, changes);
    assertCanWrite(ctx.ability, 'update', current, fields);
    const problems = await problemsOf(ctx, after, em);
    if (Object.keys(problems).length) throw invalidInput(problems);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (fields.length === 0) return;
    await updateVersioned(em, ComplaintPolicy, current, version, changes);
    await recordAudit(em, ctx, { action: 'complaint_policy.update', subjectType: SUBJECT, subjectId: 1, changes: auditChanges(SUBJECT, current, after, fields) });
    await refreshOpenComplaintDeadlines(em, ctx.config.defaultTimezone);
  });
  return getPolicy(ctx);
}
