import { IsInt, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLJSON } from '../../graphql/scalars';
import { ListArgs } from '../../graphql/list';

@InputType('RoleFilter')
export class RoleFilter {
  @Field(() => String, { nullable: true, description: 'Name or label prefix' })
  @MaxLength(64)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Boolean, { nullable: true })
  builtIn?: boolean;

  @Field(() => Boolean, { nullable: true })
  highRisk?: boolean;

  @Field(() => Boolean, { nullable: true })
  requiresMfa?: boolean;
}

@ArgsType()
export class RoleListArgs extends ListArgs {
  @Field(() => RoleFilter, { nullable: true })
  filter?: RoleFilter | null;
}

export const ROLE_NAME = /^[a-z][a-z0-9_-]{1,63}$/;
const ROLE_NAME_MESSAGE = 'must be 2–64 lower-case letters, digits, dashes or underscores, starting with a letter';

@ArgsType()
export class RoleFields {
  @Field(() => String, { nullable: true, description: 'Shown in the console, e.g. 客服主管' })
  @MinLength(1)
  @MaxLength(64)
  label?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  description?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'CASL raw rules: [{action, subject, fields?, conditions?, inverted?}]; validated before saving' })
  rules?: unknown;

  @Field(() => Boolean, { nullable: true, description: 'Granting it needs a second administrator\'s approval' })
  highRisk?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Its holders must sign in with a second factor once enrolled' })
  requiresMfa?: boolean;
}

@ArgsType()
export class CreateRoleArgs extends RoleFields {
  @Field(() => String)
  @Matches(ROLE_NAME, { message: ROLE_NAME_MESSAGE })
  name: string;
}

@ArgsType()
export class UpdateRoleArgs extends RoleFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the edit started from; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}

@ArgsType()
export class CloneRoleArgs {
  @Field(() => ID, { description: 'The role to copy (rules, risk and multi-factor settings)' })
  id: string;

  @Field(() => String)
  @Matches(ROLE_NAME, { message: ROLE_NAME_MESSAGE })
  name: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(64)
  label: string;
}
