import { ArrayMaxSize, IsInt, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { StaffStatus } from './staff.entity';

@InputType('StaffFilter')
export class StaffFilter {
  @Field(() => String, { nullable: true, description: 'Username or name prefix' })
  @MaxLength(64)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => StaffStatus, { nullable: true })
  status?: StaffStatus;

  @Field(() => ID, { nullable: true, description: 'Holds this role through a grant in effect' })
  roleId?: string;

  @Field(() => Boolean, { nullable: true })
  mfaEnrolled?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Sign-in is locked after repeated failures' })
  locked?: boolean;

  @Field(() => Int, { nullable: true, description: 'Active accounts without a sign-in for at least this many days (never signed in: counted from creation)' })
  @Min(1)
  @Max(3650)
  dormantForDays?: number;

  @Field(() => Date, { nullable: true })
  lastLoginAt_lte?: Date;

  @Field(() => Date, { nullable: true })
  lastLoginAt_gte?: Date;
}

@ArgsType()
export class StaffListArgs extends ListArgs {
  @Field(() => StaffFilter, { nullable: true })
  filter?: StaffFilter | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

@ArgsType()
export class CreateStaffArgs {
  @Field(() => String, { description: '3–64 lower-case letters, digits, dots, dashes or underscores; cannot be changed later' })
  @Matches(USERNAME, { message: 'must be 3–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit' })
  username: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(64)
  displayName: string;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;
}

@ArgsType()
export class UpdateStaffArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the edit started from; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @MinLength(1)
  @MaxLength(64)
  displayName?: string;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;
}

/** An account step (suspend, disable, reactivate, reset password, reset multi-factor) and why. */
@ArgsType()
export class StaffStepArgs {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class SuspendDormantArgs {
  @Field(() => [ID], { description: 'The accounts to suspend, as listed; each is checked again to still be dormant' })
  @ArrayMaxSize(1000)
  ids: string[];

  @Field(() => Int, { nullable: true, description: 'Defaults to the access policy\'s dormantAfterDays' })
  @Min(1)
  @Max(3650)
  days?: number | null;

  @Field(() => String)
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class UpdateAccessPolicyArgs {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(3650)
  dormantAfterDays?: number;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(60)
  reviewReminderDays?: number;
}
