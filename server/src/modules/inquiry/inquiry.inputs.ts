import { IsIP, IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { IdentityCheck, InquiryChannel, InquiryOutcome, InquiryReason, StaffInquiryChannel } from './inquiry.enums';

/** The three parts of the one verification every channel uses. Lengths are bounded, never explained. */
@ArgsType()
export class VerificationArgs {
  @Field(() => String)
  @MaxLength(64)
  policyNumber: string;

  @Field(() => String, { description: 'ID number of the policyholder or the insured' })
  @MaxLength(64)
  idNumber: string;

  @Field(() => String)
  @MaxLength(64)
  queryPassword: string;
}

@ArgsType()
export class ChannelInquiryArgs extends VerificationArgs {
  @Field(() => String, { nullable: true, description: "The end customer's IP address as the website or app saw it; rate-limited per address" })
  @IsIP()
  clientIp?: string | null;
}

@ArgsType()
export class StaffInquiryArgs extends VerificationArgs {
  @Field(() => StaffInquiryChannel)
  channel: StaffInquiryChannel;
}

@ArgsType()
export class ResetQueryPasswordArgs {
  @Field(() => ID)
  policyId: string;

  @Field(() => String, { description: "The customer's ID number as checked on the document or by the security questions" })
  @MaxLength(64)
  idNumber: string;

  @Field(() => IdentityCheck)
  identityCheck: IdentityCheck;

  @Field(() => String, { nullable: true, description: 'Chosen by the customer (keypad at the counter); a 6-digit one is generated when left out' })
  @MaxLength(64)
  newPassword?: string | null;
}

@ArgsType()
export class UpdateInquirySettingsArgs {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(100)
  maxFailures?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(24 * 60)
  failureWindowMinutes?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(7 * 24 * 60)
  lockMinutes?: number;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(10_000)
  minResponseMs?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(100_000)
  channelKeyPerMinute?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(10_000)
  ipPerMinute?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(10_000)
  staffPerMinute?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(365)
  reminderDays?: number;
}

@ArgsType()
export class CreateChannelKeyArgs {
  @Field(() => InquiryChannel, { description: 'website or app' })
  channel: InquiryChannel;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(100)
  label: string;
}

@InputType('PolicyInquiryFilter')
export class PolicyInquiryFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => InquiryChannel, { nullable: true })
  channel?: InquiryChannel;

  @Field(() => InquiryOutcome, { nullable: true })
  outcome?: InquiryOutcome;

  @Field(() => InquiryReason, { nullable: true })
  reason?: InquiryReason;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  policyNumber?: string;

  @Field(() => ID, { nullable: true })
  policyId?: string;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => ID, { nullable: true })
  staffId?: string;

  @Field(() => ID, { nullable: true })
  channelKeyId?: string;

  @Field(() => Date, { nullable: true })
  at_gte?: Date;

  @Field(() => Date, { nullable: true })
  at_lte?: Date;
}

@ArgsType()
export class PolicyInquiryListArgs extends ListArgs {
  @Field(() => PolicyInquiryFilter, { nullable: true })
  filter?: PolicyInquiryFilter | null;
}

@ArgsType()
export class InquiryIndicatorArgs {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;
}
