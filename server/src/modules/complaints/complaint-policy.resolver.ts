import { GraphQLSafeInt } from 'graphql-scalars';
import { IsInt, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { RegulatoryDayKind } from './complaint.enums';
import { ComplaintPolicy } from './complaint-policy.entity';
import { getPolicy, updatePolicy } from './complaint-policy.service';

@InputType('ApprovalLimitInput')
export class ApprovalLimitInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(64)
  role: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'In fen; null for no limit' })
  @Min(0)
  limitFen?: number | null;
}

@ArgsType()
export class UpdateComplaintPolicyArgs {
  @Field(() => Int, { description: 'The version the edit started from; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(720)
  firstResponseHours?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(365)
  materialsNoticeWorkingDays?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(365)
  resolutionTargetWorkingDays?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(365)
  regulatoryResolutionDays?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(365)
  regulatoryExtendedDays?: number;

  @Field(() => RegulatoryDayKind, { nullable: true })
  regulatoryDayKind?: RegulatoryDayKind;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(720)
  headOfficeReportHours?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(99)
  warnAtPercent?: number;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(30)
  complianceAfterWorkingDays?: number;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @Min(0)
  majorAmountFen?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(1000)
  majorDeathCount?: number;

  @Field(() => [ApprovalLimitInput], { nullable: true, description: 'Replaces the whole list' })
  @ValidateNested({ each: true })
  approvalLimits?: ApprovalLimitInput[];

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  breachEscalationRole?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  complianceEscalationRole?: string;
}

/** The deadline policy: one record, read by everyone who works complaints, edited by compliance and administrators. */
@Resolver(() => ComplaintPolicy)
export class ComplaintPolicyResolver {
  @Query(() => ComplaintPolicy)
  @Allow('read', 'ComplaintPolicy')
  complaintPolicy(@Ctx() ctx: RequestContext) {
    return getPolicy(ctx);
  }

  @Mutation(() => ComplaintPolicy)
  @Allow('update', 'ComplaintPolicy')
  updateComplaintPolicy(@Args() args: UpdateComplaintPolicyArgs, @Ctx() ctx: RequestContext) {
    return updatePolicy(ctx, args);
  }
}
