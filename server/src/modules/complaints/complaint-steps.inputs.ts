import { GraphQLSafeInt } from 'graphql-scalars';
import { IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ContactMethod } from './complaint.enums';

/** Every workflow step names the complaint and the version it was shown, so a double click acts once. */
@ArgsType()
export class ComplaintStepArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class ReasonStepArgs extends ComplaintStepArgs {
  @Field(() => String)
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class RequestMaterialsArgs extends ComplaintStepArgs {
  @Field(() => String, { description: 'Which materials are missing' })
  @MinLength(2)
  @MaxLength(2000)
  materials: string;

  @Field(() => ContactMethod, { description: 'How the complainant was told' })
  notifiedVia: ContactMethod;
}

@ArgsType()
export class AcceptComplaintArgs extends ComplaintStepArgs {
  @Field(() => Date, { nullable: true, description: 'When the complete materials arrived, if they were asked for (defaults to now)' })
  materialsReceivedAt?: Date | null;
}

@ArgsType()
export class NotAcceptComplaintArgs extends ReasonStepArgs {
  @Field(() => String, { nullable: true, description: 'Where the complaint was forwarded, if anywhere' })
  @MaxLength(200)
  forwardedTo?: string | null;
}

@ArgsType()
export class AssignComplaintArgs extends ComplaintStepArgs {
  @Field(() => ID, { description: 'The handler' })
  assigneeId: string;
}

@ArgsType()
export class ProposeResolutionArgs extends ComplaintStepArgs {
  @Field(() => String)
  @MinLength(2)
  @MaxLength(5000)
  resolution: string;

  @Field(() => GraphQLSafeInt, { description: 'Compensation in fen; 0 for none' })
  @Min(0)
  @Max(1e14)
  compensationFen: number;
}

@ArgsType()
export class CommunicateDecisionArgs extends ComplaintStepArgs {
  @Field(() => ContactMethod)
  method: ContactMethod;
}

@ArgsType()
export class CloseComplaintArgs extends ComplaintStepArgs {
  @Field(() => Int, { description: 'From the return call: 1 (very dissatisfied) to 5 (very satisfied)' })
  @Min(1)
  @Max(5)
  satisfaction: number;
}

@ArgsType()
export class ReportArgs extends ComplaintStepArgs {
  @Field(() => String, { description: 'The report as sent; kept with the complaint' })
  @MinLength(2)
  @MaxLength(10000)
  report: string;
}
