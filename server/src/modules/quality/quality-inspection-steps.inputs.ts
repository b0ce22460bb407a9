import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { FindingSeverity, QualityDimension, SampleKind } from './quality.enums';
import { InspectionRefArgs } from './quality-inspection.inputs';

@ArgsType()
export class AddQualitySampleArgs extends InspectionRefArgs {
  @Field(() => SampleKind)
  kind: SampleKind;

  @Field(() => ID)
  refId: string;
}

@ArgsType()
export class RemoveQualitySampleArgs extends InspectionRefArgs {
  @Field(() => ID)
  sampleId: string;
}

@InputType('QualityScoreInput')
export class QualityScoreInput {
  @Field(() => String)
  itemKey: string;

  @Field(() => Int, { nullable: true, description: '0–100; null clears the score' })
  score?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The item does not apply: it counts in no sum' })
  notApplicable?: boolean | null;

  @Field(() => String, { nullable: true })
  evidence?: string | null;
}

@ArgsType()
export class ScoreQualityInspectionArgs extends InspectionRefArgs {
  @Field(() => [QualityScoreInput])
  scores: QualityScoreInput[];
}

@ArgsType()
export class QualityFindingArgs extends InspectionRefArgs {
  @Field(() => QualityDimension, { nullable: true })
  dimension?: QualityDimension;

  @Field(() => FindingSeverity, { nullable: true })
  severity?: FindingSeverity;

  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  description?: string;

  @Field(() => ID, { nullable: true })
  concernedStaffId?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  concernedProcess?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Needs a rectification (default false)' })
  needsAction?: boolean;
}

@ArgsType()
export class UpdateQualityFindingArgs extends QualityFindingArgs {
  @Field(() => ID)
  findingId: string;
}

@ArgsType()
export class RemoveQualityFindingArgs extends InspectionRefArgs {
  @Field(() => ID)
  findingId: string;
}

@ArgsType()
export class RecordReturnVisitArgs extends InspectionRefArgs {
  @Field(() => ID)
  sampleId: string;

  @Field(() => Boolean)
  reached: boolean;

  @Field(() => Int, { nullable: true, description: '1–5, required when the customer was reached' })
  satisfaction?: number | null;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  remarks?: string | null;
}

@ArgsType()
export class InspectionNoteArgs extends InspectionRefArgs {
  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class InspectionReasonArgs extends InspectionRefArgs {
  @Field(() => String)
  @MaxLength(1000)
  reason: string;
}
