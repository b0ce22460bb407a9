import { IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { IsLocalDate } from '../../graphql/validators';
import { InspectionKind, InspectionState, ReturnVisitSource } from './quality.enums';

@InputType('QualityInspectionFilter')
export class QualityInspectionFilter {
  @Field(() => String, { nullable: true, description: 'Title prefix' })
  @MaxLength(100)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => InspectionKind, { nullable: true })
  kind?: InspectionKind;

  @Field(() => InspectionState, { nullable: true })
  state?: InspectionState;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(8)
  period?: string;

  @Field(() => ID, { nullable: true })
  inspectorId?: string;

  @Field(() => ID, { nullable: true })
  complaintId?: string;

  @Field(() => ID, { nullable: true })
  templateId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Inspections I carry out' })
  mine?: boolean;
}

@ArgsType()
export class QualityInspectionListArgs extends ListArgs {
  @Field(() => QualityInspectionFilter, { nullable: true })
  filter?: QualityInspectionFilter | null;
}

@ArgsType()
export class CreateQualityInspectionArgs {
  @Field(() => InspectionKind, { nullable: true })
  kind?: InspectionKind;

  @Field(() => String, { nullable: true, description: 'Defaults to one made of the kind, team or complaint, and period' })
  @MaxLength(200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'periodic and ad hoc: the template revision to score with (a current, active one)' })
  templateId?: string | null;

  @Field(() => ID, { nullable: true, description: 'periodic: the team inspected' })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'periodic: the half-year covered, e.g. 2026H2 (default: the current one)' })
  @MaxLength(8)
  period?: string | null;

  @Field(() => ID, { nullable: true, description: 'ad hoc: the complaint it is opened from' })
  complaintId?: string | null;

  @Field(() => ID, { nullable: true, description: 'return visit: only this branch (default: every branch)' })
  branchId?: string | null;

  @Field(() => ReturnVisitSource, { nullable: true })
  visitSource?: ReturnVisitSource | null;

  @Field(() => String, { nullable: true, description: 'return visit: first day of the period (YYYY-MM-DD)' })
  @IsLocalDate()
  visitFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'return visit: last day of the period (YYYY-MM-DD)' })
  @IsLocalDate()
  visitTo?: string | null;

  @Field(() => Int, { nullable: true, description: 'return visit: how many to draw (1–200)' })
  @IsInt()
  @Min(1)
  @Max(200)
  sampleSize?: number | null;

  @Field(() => String, { nullable: true, description: 'return visit: a seed to draw with (default: a random one); stored with the inspection' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'letters, digits, - and _ only, at most 64' })
  sampleSeed?: string | null;
}

@ArgsType()
export class InspectionRefArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;
}

@ArgsType()
export class UpdateQualityInspectionArgs extends InspectionRefArgs {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(20000)
  summary?: string | null;
}
