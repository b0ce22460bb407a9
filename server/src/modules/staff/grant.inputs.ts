import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { GrantStatus } from './role-grant.entity';

@InputType('RoleGrantFilter')
export class RoleGrantFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  staffId?: string;

  @Field(() => ID, { nullable: true })
  roleId?: string;

  @Field(() => GrantStatus, { nullable: true })
  status?: GrantStatus;

  @Field(() => ID, { nullable: true })
  grantedById?: string;

  @Field(() => Boolean, { nullable: true, description: 'Active and inside its validity period right now' })
  inEffect?: boolean;

  @Field(() => Date, { nullable: true })
  validUntil_lte?: Date;
}

@ArgsType()
export class RoleGrantListArgs extends ListArgs {
  @Field(() => RoleGrantFilter, { nullable: true })
  filter?: RoleGrantFilter | null;
}

@ArgsType()
export class CreateRoleGrantArgs {
  @Field(() => ID, { description: 'Who receives the role: never the one granting it' })
  staffId: string;

  @Field(() => ID)
  roleId: string;

  @Field(() => String, { description: 'Why this person needs the role (kept with the grant and in the audit trail)' })
  @MaxLength(500)
  reason: string;

  @Field(() => Date, { nullable: true, description: 'Takes effect from then (default: at once, or on approval)' })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Stops working by itself then' })
  validUntil?: Date | null;
}

@ArgsType()
export class GrantStepArgs {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Why (required to reject or revoke)' })
  @MaxLength(500)
  reason?: string | null;
}
