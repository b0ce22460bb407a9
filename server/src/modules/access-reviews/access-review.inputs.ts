import { Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { CampaignStatus, DeadlineRule, ReviewDecision, ReviewOutcome, ReviewScope } from './access-review.enums';

@InputType('AccessReviewCampaignFilter')
export class CampaignFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => CampaignStatus, { nullable: true })
  status?: CampaignStatus;

  @Field(() => ReviewScope, { nullable: true })
  scope?: ReviewScope;
}

@ArgsType()
export class CampaignListArgs extends ListArgs {
  @Field(() => CampaignFilter, { nullable: true })
  filter?: CampaignFilter | null;
}

@InputType('AccessReviewItemFilter')
export class ItemFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  campaignId?: string;

  @Field(() => ID, { nullable: true })
  reviewerId?: string;

  @Field(() => ID, { nullable: true })
  staffId?: string;

  @Field(() => ReviewOutcome, { nullable: true })
  outcome?: ReviewOutcome;

  @Field(() => Boolean, { nullable: true })
  flagged?: boolean;
}

@ArgsType()
export class ItemListArgs extends ListArgs {
  @Field(() => ItemFilter, { nullable: true })
  filter?: ItemFilter | null;
}

@ArgsType()
export class CreateCampaignArgs {
  @Field(() => String, { description: 'e.g. 2026年第一季度权限复核' })
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  description?: string | null;

  @Field(() => ReviewScope)
  scope: ReviewScope;

  @Field(() => ID, { nullable: true, description: 'With scope branch' })
  branchId?: string | null;

  @Field(() => ID, { nullable: true, description: 'With scope role' })
  roleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Reviews every item; when empty, each staff member\'s branch manager does' })
  reviewerId?: string | null;

  @Field(() => Date, { description: 'The deadline: the review runs from now until then' })
  dueAt: Date;

  @Field(() => DeadlineRule, { description: 'What happens to unanswered items at the deadline' })
  deadlineRule: DeadlineRule;

  @Field(() => Int, { nullable: true, description: 'Remind reviewers this many days before the deadline (default: the access policy\'s)' })
  @Min(0)
  @Max(60)
  remindDaysBefore?: number | null;
}

@ArgsType()
export class DecideItemArgs {
  @Field(() => ID)
  id: string;

  @Field(() => ReviewDecision)
  decision: ReviewDecision;

  @Field(() => String, { description: 'Why keep or revoke; part of the evidence' })
  @MaxLength(500)
  comment: string;
}

@ArgsType()
export class ReassignItemArgs {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The new reviewer: an active staff member who may review access, not the one under review' })
  reviewerId: string;

  @Field(() => String, { description: 'Why the item changes hands; part of the evidence' })
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class CancelCampaignArgs {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @MaxLength(500)
  reason: string;
}
