import { IsEmail, Matches, MaxLength, MinLength, IsInt, Min, ValidateIf } from 'class-validator';
import { looksMasked } from '../../access/mask';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { IsLocalDate, MOBILE_OR_LANDLINE } from '../../graphql/validators';
import { CustomerKind, CustomerStatus, DataSource, Gender, IdType } from './customer.enums';

@InputType('CustomerFilter')
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Name prefix, exact ID number or exact phone' })
  @MaxLength(100)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: 'Name prefix' })
  @MaxLength(100)
  name?: string;

  @Field(() => CustomerKind, { nullable: true })
  kind?: CustomerKind;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => IdType, { nullable: true })
  idType?: IdType;

  @Field(() => String, { nullable: true, description: 'Exact ID number (searched through the blind index)' })
  @MaxLength(32)
  idNumber?: string;

  @Field(() => String, { nullable: true, description: 'Exact phone number (searched through the blind index)' })
  @MaxLength(20)
  phone?: string;

  @Field(() => CustomerStatus, { nullable: true })
  status?: CustomerStatus;

  @Field(() => DataSource, { nullable: true })
  source?: DataSource;

  @Field(() => Date, { nullable: true })
  createdAt_gte?: Date;

  @Field(() => Date, { nullable: true })
  createdAt_lte?: Date;
}

@ArgsType()
export class CustomerListArgs extends ListArgs {
  @Field(() => CustomerFilter, { nullable: true })
  filter?: CustomerFilter | null;
}

@ArgsType()
export class CustomerMetaArgs extends CustomerListArgs {}

/** The writable fields, shared by create (where the first five are required) and update. */
@ArgsType()
export class CustomerFields {
  @Field(() => CustomerKind, { nullable: true })
  kind?: CustomerKind;

  @Field(() => String, { nullable: true })
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @Field(() => IdType, { nullable: true })
  idType?: IdType;

  @Field(() => String, { nullable: true })
  @MaxLength(32)
  idNumber?: string;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsLocalDate()
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  // A masked value sent back by an edit form means "unchanged"; the service checks it is the right mask.
  @ValidateIf((_, value) => !(typeof value === 'string' && looksMasked(value)))
  @Matches(MOBILE_OR_LANDLINE, { message: 'must be a mobile number (11 digits) or a landline such as 010-12345678' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  occupation?: string | null;

  @Field(() => DataSource, { nullable: true })
  source?: DataSource;

  @Field(() => Boolean, { nullable: true })
  marketingConsent?: boolean;

  @Field(() => Boolean, { nullable: true })
  sharingConsent?: boolean;

  @Field(() => CustomerStatus, { nullable: true })
  status?: CustomerStatus;
}

@ArgsType()
export class CreateCustomerArgs extends CustomerFields {}

@ArgsType()
export class UpdateCustomerArgs extends CustomerFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the edit started from; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}
