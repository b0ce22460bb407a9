import { GraphQLSafeInt } from 'graphql-scalars';
import { IsInt, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { IsLocalDate } from '../../graphql/validators';
import { PaymentFrequency, PaymentStatus, PolicyLine, PolicyStatus, SalesChannel } from './policy.enums';

@InputType('PolicyFilter')
export class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Policy number prefix or holder name prefix' })
  @MaxLength(100)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true })
  @MaxLength(32)
  policyNumber?: string;

  @Field(() => PolicyStatus, { nullable: true })
  status?: PolicyStatus;

  @Field(() => PolicyLine, { nullable: true })
  line?: PolicyLine;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => ID, { nullable: true })
  holderId?: string;

  @Field(() => ID, { nullable: true })
  insuredId?: string;

  @Field(() => ID, { nullable: true, description: 'Holder or insured' })
  customerId?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(32)
  productCode?: string;

  @Field(() => SalesChannel, { nullable: true })
  salesChannel?: SalesChannel;

  @Field(() => PaymentStatus, { nullable: true })
  paymentStatus?: PaymentStatus;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  expiryDate_gte?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  expiryDate_lte?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  effectiveDate_gte?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  effectiveDate_lte?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  nextPremiumDueDate_lte?: string;

  @Field(() => Int, { nullable: true, description: 'In-force policies expiring between today and today + N days (renewals due)' })
  @Min(1)
  @Max(366)
  renewalDueWithinDays?: number;
}

@ArgsType()
export class PolicyListArgs extends ListArgs {
  @Field(() => PolicyFilter, { nullable: true })
  filter?: PolicyFilter | null;
}

@InputType('BeneficiaryInput')
export class BeneficiaryInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(20)
  relationship: string;

  @Field(() => Int)
  @Min(1)
  @Max(100)
  sharePercent: number;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;
}

@ArgsType()
export class PolicyFields {
  @Field(() => String, { nullable: true })
  @Matches(/^[A-Z0-9-]{6,32}$/, { message: 'must be 6–32 capital letters, digits or dashes' })
  policyNumber?: string;

  @Field(() => String, { nullable: true })
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'must be 2–32 capital letters, digits or dashes' })
  productCode?: string;

  @Field(() => String, { nullable: true })
  @MinLength(1)
  @MaxLength(100)
  productName?: string;

  @Field(() => PolicyLine, { nullable: true })
  line?: PolicyLine;

  @Field(() => ID, { nullable: true })
  holderId?: string;

  @Field(() => ID, { nullable: true })
  insuredId?: string;

  @Field(() => [BeneficiaryInput], { nullable: true })
  @ValidateNested({ each: true })
  beneficiaries?: BeneficiaryInput[];

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'fen' })
  @Min(0)
  sumInsuredFen?: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'fen' })
  @Min(0)
  premiumFen?: number;

  @Field(() => PaymentFrequency, { nullable: true })
  paymentFrequency?: PaymentFrequency;

  @Field(() => PaymentStatus, { nullable: true })
  paymentStatus?: PaymentStatus;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  nextPremiumDueDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  effectiveDate?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  expiryDate?: string;

  @Field(() => PolicyStatus, { nullable: true })
  status?: PolicyStatus;

  @Field(() => SalesChannel, { nullable: true })
  salesChannel?: SalesChannel;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(32)
  salesAgentCode?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  salesAgentName?: string | null;
}

@ArgsType()
export class CreatePolicyArgs extends PolicyFields {}

@ArgsType()
export class UpdatePolicyArgs extends PolicyFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;
}
