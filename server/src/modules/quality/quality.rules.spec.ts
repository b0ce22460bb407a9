import { QualityDimension as D, InspectionState, RectificationState } from './quality.enums';
import { computeScores, drawSample, halfYearOf, halfYearRange, inspectionStepAllowed, isOverdue, rectificationStepAllowed, round2, templateItemProblems, withKeys } from './quality.rules';

const items = withKeys([
  { dimension: D.service_manner, title: 'a', weight: 10, guidance: null },
  { dimension: D.service_manner, title: 'b', weight: 30, guidance: null },
  { dimension: D.business_accuracy, title: 'c', weight: 40, guidance: null },
  { dimension: D.timeliness, title: 'd', weight: 20, guidance: null },
]);

describe('weighted scores', () => {
  it('weighs items per dimension and in total', () => {
    const s = computeScores(items, [
      { itemKey: 'i1', score: 100, notApplicable: false },
      { itemKey: 'i2', score: 50, notApplicable: false },
      { itemKey: 'i3', score: 80, notApplicable: false },
      { itemKey: 'i4', score: 0, notApplicable: false },
    ]);
    // service: (10·100 + 30·50) / 40 = 62.5; total: (1000 + 1500 + 3200 + 0) / 100 = 57
    expect(s.dimensions.map((d) => [d.dimension, d.score, d.weight])).toEqual([
      [D.service_manner, 62.5, 40],
      [D.business_accuracy, 80, 40],
      [D.timeliness, 0, 20],
    ]);
    expect(s.total).toBe(57);
    expect(s.complete).toBe(true);
  });

  it('leaves items not applicable out of both weights and points', () => {
    const s = computeScores(items, [
      { itemKey: 'i1', score: 100, notApplicable: false },
      { itemKey: 'i2', score: null, notApplicable: true },
      { itemKey: 'i3', score: 80, notApplicable: false },
      { itemKey: 'i4', score: null, notApplicable: true },
    ]);
    // (10·100 + 40·80) / 50 = 84
    expect(s.total).toBe(84);
    expect(s.dimensions.find((d) => d.dimension === D.service_manner)).toMatchObject({ score: 100, weight: 10, applicableItems: 1 });
    expect(s.dimensions.find((d) => d.dimension === D.timeliness)).toMatchObject({ score: null, weight: 0, applicableItems: 0 });
    expect(s.applicableItems).toBe(2);
    expect(s.complete).toBe(true);
  });

  it('shows the running score over scored items and says when items are left', () => {
    const s = computeScores(items, [{ itemKey: 'i3', score: 70, notApplicable: false }]);
    expect(s.total).toBe(70);
    expect(s.complete).toBe(false);
    expect(computeScores(items, []).total).toBeNull();
  });

  it('rounds half up to two decimals', () => {
    expect(round2(1, 3)).toBe(0.33);
    expect(round2(2, 3)).toBe(0.67);
    expect(round2(84125, 1000)).toBe(84.13);
  });
});

describe('template items', () => {
  it('names each bad field by its path', () => {
    expect(templateItemProblems([{ dimension: D.timeliness, title: '', weight: 0 }, { dimension: 'x' as D, title: 't', weight: 5, key: 'k' }, { dimension: D.timeliness, title: 't', weight: 5, key: 'k' }])).toEqual({
      'items.0.title': 'is required',
      'items.0.weight': 'must be a whole number from 1 to 100',
      'items.1.dimension': 'is not a dimension',
      'items.2.key': '"k" is used twice',
    });
    expect(templateItemProblems([])).toEqual({ items: 'a template needs at least one item' });
  });

  it('keeps given keys and gives new items the next free one', () => {
    expect(withKeys([{ key: 'i2', dimension: D.timeliness, title: 'a', weight: 1, guidance: null }, { dimension: D.timeliness, title: 'b', weight: 1, guidance: null }]).map((i) => i.key)).toEqual(['i2', 'i1']);
  });
});

describe('half-years', () => {
  it('knows which half a local date falls in, and its days', () => {
    expect(halfYearOf('2026-06-30')).toBe('2026H1');
    expect(halfYearOf('2026-07-01')).toBe('2026H2');
    expect(halfYearRange('2026H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(() => halfYearRange('2026H3')).toThrow();
  });
});

describe('reproducible samples', () => {
  const ids = Array.from({ length: 50 }, (_, i) => i + 1);
  it('draws the same sample from the same seed, whatever the order of the candidates', () => {
    const a = drawSample(ids, 'seed-1', 5);
    expect(a).toHaveLength(5);
    expect(drawSample([...ids].reverse(), 'seed-1', 5)).toEqual(a);
    expect(drawSample(ids, 'seed-2', 5)).not.toEqual(a);
    expect(new Set(a).size).toBe(5);
  });
  it('takes everything when asked for more than there is', () => {
    expect(drawSample([3, 1, 2], 's', 10).sort()).toEqual([1, 2, 3]);
  });
});

describe('state machines', () => {
  it('lets only a draft be edited and only a reviewed report be published', () => {
    expect(inspectionStepAllowed('edit', InspectionState.draft)).toBe(true);
    expect(inspectionStepAllowed('edit', InspectionState.published)).toBe(false);
    expect(inspectionStepAllowed('publish', InspectionState.submitted)).toBe(false);
    expect(inspectionStepAllowed('publish', InspectionState.reviewed)).toBe(true);
    expect(inspectionStepAllowed('correct', InspectionState.published)).toBe(true);
  });
  it('verifies or reopens only what is done', () => {
    expect(rectificationStepAllowed('verify', RectificationState.in_progress)).toBe(false);
    expect(rectificationStepAllowed('verify', RectificationState.done)).toBe(true);
    expect(rectificationStepAllowed('complete', RectificationState.reopened)).toBe(true);
  });
  it('is overdue only while work is left, after the due instant', () => {
    const due = new Date('2026-11-20T15:59:59.999Z');
    expect(isOverdue(RectificationState.in_progress, due, new Date('2026-11-20T16:00:00Z'))).toBe(true);
    expect(isOverdue(RectificationState.in_progress, due, new Date('2026-11-20T15:00:00Z'))).toBe(false);
    expect(isOverdue(RectificationState.done, due, new Date('2026-12-20T00:00:00Z'))).toBe(false);
  });
});
