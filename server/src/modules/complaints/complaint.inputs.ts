import { GraphQLSafeInt } from 'graphql-scalars';
import { IsEmail, IsInt, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { looksMasked } from '../../access/mask';
import { ListArgs } from '../../graphql/list';
import { MOBILE_OR_LANDLINE } from '../../graphql/validators';
import { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintState } from './complaint.enums';

@InputType('ComplaintFilter')
export class ComplaintFilter {
  @Field(() => String, { nullable: true, description: 'Complaint number prefix or complainant name prefix' })
  @MaxLength(100)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Boolean, { nullable: true, description: 'My queue: complaints I handle' })
  mine?: boolean;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => Boolean, { nullable: true, description: 'A clock still counting falls due today (local day)' })
  dueToday?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'A clock still counting is past its deadline' })
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true })
  major?: boolean;

  @Field(() => ComplaintSeverity, { nullable: true })
  severity?: ComplaintSeverity;

  @Field(() => Boolean, { nullable: true, description: 'Transferred by the regulator' })
  regulatorTransferred?: boolean;

  @Field(() => ComplaintCategory, { nullable: true })
  category?: ComplaintCategory;

  @Field(() => ComplaintChannel, { nullable: true })
  channel?: ComplaintChannel;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => ComplaintState, { nullable: true })
  state?: ComplaintState;

  @Field(() => [ComplaintState], { nullable: true, description: 'Any of these states' })
  states?: ComplaintState[];

  @Field(() => Boolean, { nullable: true, description: 'Not closed, withdrawn or declined' })
  open?: boolean;

  @Field(() => ID, { nullable: true })
  complainantCustomerId?: string;

  @Field(() => ID, { nullable: true })
  policyId?: string;

  @Field(() => String, { nullable: true, description: 'Exact complainant phone (searched through the blind index)' })
  @MaxLength(20)
  complainantPhone?: string;

  @Field(() => Date, { nullable: true })
  receivedAt_gte?: Date;

  @Field(() => Date, { nullable: true })
  receivedAt_lte?: Date;
}

@ArgsType()
export class ComplaintListArgs extends ListArgs {
  @Field(() => ComplaintFilter, { nullable: true })
  filter?: ComplaintFilter | null;
}

/** The registration fields, shared by create and update; the service says which are required. */
@ArgsType()
export class ComplaintFields {
  @Field(() => ComplaintChannel, { nullable: true })
  channel?: ComplaintChannel;

  @Field(() => String, { nullable: true, description: "The regulator's reference (regulator-transferred only)" })
  @MaxLength(64)
  regulatorReference?: string | null;

  @Field(() => Date, { nullable: true, description: "The regulator's deadline for the written report (regulator-transferred only)" })
  regulatorDueAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The complainant, when a known customer' })
  complainantCustomerId?: string | null;

  @Field(() => String, { nullable: true, description: "Defaults to the linked customer's name" })
  @MaxLength(100)
  complainantName?: string;

  @Field(() => String, { nullable: true })
  // A masked value sent back by an edit form means "unchanged"; the service checks it is the right mask.
  @ValidateIf((_, value) => !(typeof value === 'string' && looksMasked(value)))
  @Matches(MOBILE_OR_LANDLINE, { message: 'must be a mobile number (11 digits) or a landline such as 010-12345678' })
  complainantPhone?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf((_, value) => !(typeof value === 'string' && looksMasked(value)))
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an e-mail address' })
  complainantEmail?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  complainantAddress?: string | null;

  @Field(() => ID, { nullable: true })
  policyId?: string | null;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => ComplaintCategory, { nullable: true })
  category?: ComplaintCategory;

  @Field(() => String, { nullable: true })
  @MinLength(2)
  @MaxLength(200)
  summary?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(10000)
  details?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the complaint came in; defaults to now. Its local date is in the number.' })
  receivedAt?: Date;

  @Field(() => Boolean, { nullable: true })
  involvesMedia?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Litigation threatened or under way' })
  involvesLitigation?: boolean;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Amount in dispute, in fen' })
  @Min(0)
  @Max(1e14)
  disputedAmountFen?: number | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(100000)
  deathCount?: number;

  @Field(() => Boolean, { nullable: true, description: 'Group complaint (群体投诉)' })
  groupComplaint?: boolean;
}

@ArgsType()
export class CreateComplaintArgs extends ComplaintFields {
  // Only at registration: later, marking major is its own step with a reason (markComplaintMajor), and never undone by an edit.
  @Field(() => Boolean, { nullable: true, description: 'Major by decision, whatever the automatic rules say' })
  majorByHand?: boolean;
}

@ArgsType()
export class UpdateComplaintArgs extends ComplaintFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the edit started from; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}
