import { Field, Float, Int, ObjectType } from 'type-graphql';
import { QualityInspection } from './quality-inspection.entity';
import { QualityTeam } from './quality-team.entity';
import { QualityDimension } from './quality.enums';

@ObjectType('QualityDimensionScore')
export class QualityDimensionScore {
  @Field(() => QualityDimension)
  dimension: QualityDimension;

  @Field(() => Float, { nullable: true, description: 'Weighted, 0–100 with two decimals; null while no applicable item is scored' })
  score: number | null;

  @Field(() => Int, { description: 'Sum of the weights of the applicable items' })
  weight: number;

  @Field(() => Int)
  applicableItems: number;

  @Field(() => Int)
  scoredItems: number;
}

@ObjectType('QualityScoreSummary', { description: 'Computed from the scores: Σ(weight × score) / Σ(weight) over scored items; not-applicable items count nowhere' })
export class QualityScoreSummary {
  @Field(() => Float, { nullable: true })
  total: number | null;

  @Field(() => [QualityDimensionScore])
  dimensions: QualityDimensionScore[];

  @Field(() => Int)
  items: number;

  @Field(() => Int)
  applicableItems: number;

  @Field(() => Int)
  scoredItems: number;

  @Field(() => Boolean, { description: 'Every item is scored or not applicable: the inspection can be submitted' })
  complete: boolean;
}

@ObjectType('QualityVisitSummary')
export class QualityVisitSummary {
  @Field(() => Int)
  sampled: number;

  @Field(() => Int)
  visited: number;

  @Field(() => Int)
  reached: number;

  @Field(() => Float, { nullable: true, description: 'Over the customers reached' })
  averageSatisfaction: number | null;
}

@ObjectType('QualityPlanTeam')
export class QualityPlanTeam {
  @Field(() => QualityTeam)
  team: QualityTeam;

  @Field(() => Boolean, { description: 'A periodic inspection of the team for the half-year has been carried out (submitted, reviewed or published)' })
  covered: boolean;

  @Field(() => [QualityInspection], { description: 'The periodic inspections of the team for the half-year, drafts (planned) included' })
  inspections: QualityInspection[];
}

@ObjectType('QualityPlan', { description: 'The half-year plan: every active team and whether it is covered' })
export class QualityPlan {
  @Field(() => String)
  period: string;

  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;

  @Field(() => [QualityPlanTeam])
  teams: QualityPlanTeam[];

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  covered: number;

  @Field(() => [QualityTeam], { description: 'Teams not yet inspected this half-year' })
  uncovered: QualityTeam[];
}
