import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { QualityInspection } from './quality-inspection.entity';
import { QualityScore } from './quality-parts.entity';
import { QualityTemplate } from './quality-template.entity';
import type { ScoreQualityInspectionArgs } from './quality-inspection-steps.inputs';
import { change, type EM } from './quality-inspection-change';
import { scoresOf } from './quality-inspection.service';
import { computeScores, type ScoreSummaryValue } from './quality.rules';

/** The checklist scores of an inspection and what they add up to. */

export async function scoreSummaryOf(em: EM, inspection: QualityInspection): Promise<ScoreSummaryValue | null> {
  if (!inspection.templateId) return null;
  const template = await em.getRepository(QualityTemplate).findOne({ where: { id: inspection.templateId } });
  if (!template) return null;
  return computeScores(template.items, await scoresOf(em, inspection.id));
}

export const score = (ctx: RequestContext, args: ScoreQualityInspectionArgs) =>
  change(ctx, args, 'edit', 'update', 'score', async (em, current) => {
    if (!current.templateId) throw invalidInput({ scores: 'a return visit has no checklist to score' });
    const template = await em.getRepository(QualityTemplate).findOneOrFail({ where: { id: current.templateId } });
    const keys = new Set(template.items.map((i) => i.key));
    const problems: Record<string, string> = {};
    const seen = new Set<string>();
    if (!args.scores.length) problems.scores = 'give at least one item';
    args.scores.forEach((s, i) => {
      if (!keys.has(s.itemKey)) problems[`scores.${i}.itemKey`] = `"${s.itemKey}" is not an item of the template`;
      else if (seen.has(s.itemKey)) problems[`scores.${i}.itemKey`] = `"${s.itemKey}" is given twice`;
      seen.add(s.itemKey);
      const score = s.score ?? null;
      if (score !== null && (!Number.isInteger(score) || score < 0 || score > 100)) problems[`scores.${i}.score`] = 'must be a whole number from 0 to 100';
      if (s.notApplicable && score !== null) problems[`scores.${i}.score`] = 'an item not applicable has no score';
      if ((s.evidence?.length ?? 0) > 5000) problems[`scores.${i}.evidence`] = 'must be at most 5000 characters';
    });
    if (Object.keys(problems).length) throw invalidInput(problems);
    const repo = em.getRepository(QualityScore);
    const audited: Record<string, unknown> = {};
    for (const s of args.scores) {
      const value = { score: s.notApplicable ? null : (s.score ?? null), notApplicable: !!s.notApplicable, evidence: s.evidence?.trim() || null };
      const existing = await repo.findOne({ where: { inspectionId: current.id, itemKey: s.itemKey } });
      if (existing) await repo.update({ id: existing.id }, value);
      else await repo.insert({ inspectionId: current.id, itemKey: s.itemKey, ...value });
      audited[s.itemKey] = { from: existing ? (existing.notApplicable ? 'n/a' : existing.score) : null, to: value.notApplicable ? 'n/a' : value.score };
    }
    const summary = computeScores(template.items, await scoresOf(em, current.id));
    return { changes: { totalScore: summary.total }, audit: { scores: audited } };
  });
