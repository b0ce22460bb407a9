import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('AccessReviewDeadlineRun')
export class DeadlineRunView {
  @Field(() => Int, { description: 'Campaigns whose reviewers were reminded' })
  reminded: number;

  @Field(() => Int, { description: 'Campaigns closed at their deadline' })
  closed: number;

  @Field(() => Int, { description: 'Grants revoked because nobody answered' })
  revoked: number;

  @Field(() => Int, { description: 'Items kept and flagged because nobody answered' })
  flagged: number;
}
