import { IsInt, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { IsLocalDate } from '../../graphql/validators';
import { RectificationState } from './quality.enums';

@InputType('QualityRectificationFilter')
export class QualityRectificationFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Items I own' })
  mine?: boolean;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => RectificationState, { nullable: true })
  state?: RectificationState;

  @Field(() => [RectificationState], { nullable: true })
  states?: RectificationState[];

  @Field(() => Boolean, { nullable: true, description: 'Still to do and past the end of the due day' })
  overdue?: boolean;

  @Field(() => ID, { nullable: true })
  inspectionId?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  dueDate_gte?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  dueDate_lte?: string;
}

@ArgsType()
export class QualityRectificationListArgs extends ListArgs {
  @Field(() => QualityRectificationFilter, { nullable: true })
  filter?: QualityRectificationFilter | null;
}

@ArgsType()
export class RectificationDueArgs {
  @Field(() => String, { nullable: true, description: 'The last day (YYYY-MM-DD); a day off moves to the next working day' })
  @IsLocalDate()
  dueDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Or: this many working days from today (1–250)' })
  @IsInt()
  @Min(1)
  @Max(250)
  dueWorkingDays?: number | null;
}

@ArgsType()
export class CreateQualityRectificationArgs extends RectificationDueArgs {
  @Field(() => ID, { nullable: true })
  findingId?: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  requiredAction?: string;
}

@ArgsType()
export class UpdateQualityRectificationArgs extends RectificationDueArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  requiredAction?: string;
}

@ArgsType()
export class RectificationStepArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class CompleteRectificationArgs extends RectificationStepArgs {
  @Field(() => String, { description: 'What was done and where the proof is' })
  @MaxLength(5000)
  evidence: string;
}

@ArgsType()
export class ReopenRectificationArgs extends RectificationDueArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => String)
  @MaxLength(1000)
  reason: string;
}

@ArgsType()
export class LinkComplaintRectificationArgs {
  @Field(() => ID)
  complaintId: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => ID, { nullable: true, description: 'null removes the link' })
  rectificationId?: string | null;
}
