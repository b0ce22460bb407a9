import crypto from 'node:crypto';
import { InspectionState, QualityDimension, RectificationState } from './quality.enums';

/** One checklist item of a template version. `weight` is its share of the total (positive integer). */
export interface TemplateItemValue {
  key: string;
  dimension: QualityDimension;
  title: string;
  weight: number;
  guidance: string | null;
}

/** One item's score: 0–100 (% of the item achieved), or not applicable (excluded from every sum). */
export interface ScoreValue {
  itemKey: string;
  score: number | null;
  notApplicable: boolean;
}

export interface DimensionScoreValue {
  dimension: QualityDimension;
  /** Weighted score of the scored applicable items of the dimension, 0–100 with two decimals; null when none is scored. */
  score: number | null;
  /** Sum of the weights of the applicable items. */
  weight: number;
  applicableItems: number;
  scoredItems: number;
}

export interface ScoreSummaryValue {
  /** Weighted over every scored applicable item: Σ(weight × score) / Σ(weight); null when nothing is scored. */
  total: number | null;
  dimensions: DimensionScoreValue[];
  items: number;
  applicableItems: number;
  scoredItems: number;
  /** Every item is scored or marked not applicable. */
  complete: boolean;
}

/** Half up to two decimals, on integers so 84.125 does not become 84.12 through binary floats. */
export function round2(numerator: number, denominator: number): number {
  return Math.round((numerator * 100) / denominator) / 100;
}

/**
 * The weighted score of an inspection: per dimension and in total, over the scored items; items not
 * applicable count in neither the weights nor the points. Items not yet scored are left out too, so
 * the form shows the running score while it is being filled in; `complete` says whether all are done.
 */
export function computeScores(items: TemplateItemValue[], scores: ScoreValue[]): ScoreSummaryValue {
  const byKey = new Map(scores.map((s) => [s.itemKey, s]));
  const dims = new Map<QualityDimension, { points: number; weight: number; scoredWeight: number; applicable: number; scored: number }>();
  let points = 0;
  let scoredWeight = 0;
  let applicable = 0;
  let scored = 0;
  for (const item of items) {
    const entry = byKey.get(item.key);
    const dim = dims.get(item.dimension) ?? { points: 0, weight: 0, scoredWeight: 0, applicable: 0, scored: 0 };
    dims.set(item.dimension, dim);
    if (entry?.notApplicable) continue;
    applicable++;
    dim.applicable++;
    dim.weight += item.weight;
    if (entry && entry.score !== null && entry.score !== undefined) {
      scored++;
      dim.scored++;
      dim.points += item.weight * entry.score;
      dim.scoredWeight += item.weight;
      points += item.weight * entry.score;
      scoredWeight += item.weight;
    }
  }
  const order = Object.values(QualityDimension);
  const dimensions = [...dims.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([dimension, d]) => ({ dimension, score: d.scoredWeight ? round2(d.points, d.scoredWeight) : null, weight: d.weight, applicableItems: d.applicable, scoredItems: d.scored }));
  const done = items.filter((item) => byKey.get(item.key)?.notApplicable || (byKey.get(item.key)?.score ?? null) !== null).length;
  return { total: scoredWeight ? round2(points, scoredWeight) : null, dimensions, items: items.length, applicableItems: applicable, scoredItems: scored, complete: done === items.length };
}

/** Problems of a template's items, by input field name; an empty object when they are fine. */
export function templateItemProblems(items: Array<Partial<TemplateItemValue>>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!items.length) problems.items = 'a template needs at least one item';
  const keys = new Set<string>();
  items.forEach((item, i) => {
    if (!item.title?.trim()) problems[`items.${i}.title`] = 'is required';
    if (!item.dimension || !Object.values(QualityDimension).includes(item.dimension)) problems[`items.${i}.dimension`] = 'is not a dimension';
    if (!Number.isInteger(item.weight) || (item.weight as number) < 1 || (item.weight as number) > 100) problems[`items.${i}.weight`] = 'must be a whole number from 1 to 100';
    if (item.key !== undefined && item.key !== null) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(item.key)) problems[`items.${i}.key`] = 'letters, digits, - and _ only, at most 32';
      else if (keys.has(item.key)) problems[`items.${i}.key`] = `"${item.key}" is used twice`;
      else keys.add(item.key);
    }
  });
  return problems;
}

/** Gives items without a key the next free `i<n>`, so scores keep pointing at the same item across edits. */
export function withKeys(items: Array<Omit<TemplateItemValue, 'key'> & { key?: string | null }>): TemplateItemValue[] {
  const used = new Set(items.map((i) => i.key).filter(Boolean) as string[]);
  let n = 1;
  return items.map((item) => {
    if (item.key) return item as TemplateItemValue;
    while (used.has(`i${n}`)) n++;
    used.add(`i${n}`);
    return { ...item, key: `i${n}` };
  });
}

// ---- half-years ---------------------------------------------------------------------------------------------

const HALF = /^(\d{4})H([12])$/;

/** The half-year of a local date: 2026-07-01 → 2026H2. */
export function halfYearOf(localDate: string): string {
  return `${localDate.slice(0, 4)}H${Number(localDate.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export function isHalfYear(value: string): boolean {
  return HALF.test(value);
}

/** First and last local day of a half-year (inclusive). */
export function halfYearRange(period: string): { from: string; to: string } {
  const m = HALF.exec(period);
  if (!m) throw new Error(`not a half-year: ${period}`);
  return m[2] === '1' ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` } : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
}

// ---- reproducible samples -----------------------------------------------------------------------------------

/**
 * A random sample that anyone can draw again from the stored seed: each candidate is ranked by
 * SHA-256(seed:id) and the lowest `size` are taken. The order of the candidates does not matter, and
 * a candidate added later displaces a drawn one only if it ranks lower, so a re-draw is checkable.
 */
export function drawSample(candidateIds: number[], seed: string, size: number): number[] {
  const rank = (id: number) => crypto.createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return [...new Set(candidateIds)]
    .map((id) => ({ id, rank: rank(id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id - b.id))
    .slice(0, Math.max(0, size))
    .map((c) => c.id);
}

export const newSeed = () => crypto.randomBytes(12).toString('hex');

// ---- state machines -----------------------------------------------------------------------------------------

export type InspectionStep = 'edit' | 'submit' | 'return' | 'review' | 'publish' | 'correct';

const INSPECTION_STEPS: Record<InspectionStep, { from: InspectionState[]; to?: InspectionState }> = {
  edit: { from: [InspectionState.draft] },
  submit: { from: [InspectionState.draft], to: InspectionState.submitted },
  return: { from: [InspectionState.submitted, InspectionState.reviewed], to: InspectionState.draft },
  review: { from: [InspectionState.submitted], to: InspectionState.reviewed },
  publish: { from: [InspectionState.reviewed], to: InspectionState.published },
  correct: { from: [InspectionState.published] },
};

export function inspectionStepAllowed(step: InspectionStep, state: InspectionState): boolean {
  return INSPECTION_STEPS[step].from.includes(state);
}

export function inspectionStepTarget(step: InspectionStep): InspectionState | undefined {
  return INSPECTION_STEPS[step].to;
}

export type RectificationStep = 'start' | 'complete' | 'verify' | 'reopen' | 'edit';

const RECTIFICATION_STEPS: Record<RectificationStep, { from: RectificationState[]; to?: RectificationState }> = {
  start: { from: [RectificationState.open], to: RectificationState.in_progress },
  complete: { from: [RectificationState.open, RectificationState.in_progress, RectificationState.reopened], to: RectificationState.done },
  verify: { from: [RectificationState.done], to: RectificationState.verified },
  reopen: { from: [RectificationState.done], to: RectificationState.reopened },
  edit: { from: [RectificationState.open, RectificationState.in_progress, RectificationState.reopened] },
};

export function rectificationStepAllowed(step: RectificationStep, state: RectificationState): boolean {
  return RECTIFICATION_STEPS[step].from.includes(state);
}

export function rectificationStepTarget(step: RectificationStep): RectificationState | undefined {
  return RECTIFICATION_STEPS[step].to;
}

/** Overdue: work still to do and the end of the (local) due day has passed. */
export function isOverdue(state: RectificationState, dueAt: Date, at: Date): boolean {
  return [RectificationState.open, RectificationState.in_progress, RectificationState.reopened].includes(state) && at.getTime() > dueAt.getTime();
}
