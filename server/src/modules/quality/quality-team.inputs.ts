import { IsInt, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';

@InputType('QualityTeamFilter')
export class QualityTeamFilter {
  @Field(() => String, { nullable: true, description: 'Name prefix' })
  @MaxLength(64)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@ArgsType()
export class QualityTeamListArgs extends ListArgs {
  @Field(() => QualityTeamFilter, { nullable: true })
  filter?: QualityTeamFilter | null;
}

@ArgsType()
export class CreateQualityTeamArgs {
  @Field(() => String, { nullable: true })
  @MaxLength(64)
  name?: string;

  @Field(() => ID, { nullable: true })
  branchId?: string;
}

@ArgsType()
export class UpdateQualityTeamArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  name?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}
