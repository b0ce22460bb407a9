import { IsInt, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { GraphQLJSON } from '../../graphql/scalars';

@ArgsType()
export class DutyConflictRuleFields {
  @Field(() => String, { nullable: true })
  @MinLength(2)
  @MaxLength(500)
  description?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The side withdrawn when both meet: [{action, subject, field?}]' })
  withdrawn?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The other side: [{action, subject, field?}]' })
  other?: unknown;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean;
}

@ArgsType()
export class CreateDutyConflictRuleArgs extends DutyConflictRuleFields {
  @Field(() => String)
  @Matches(/^[a-z][a-z0-9-]{2,63}$/, { message: 'must be 3–64 lower-case letters, digits or dashes, starting with a letter' })
  name: string;
}

@ArgsType()
export class UpdateDutyConflictRuleArgs extends DutyConflictRuleFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;
}

@InputType('DutyConflictRuleFilter')
export class DutyConflictRuleFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean;
}

@ArgsType()
export class DutyConflictRuleListArgs extends ListArgs {
  @Field(() => DutyConflictRuleFilter, { nullable: true })
  filter?: DutyConflictRuleFilter | null;
}
