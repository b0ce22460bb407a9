import { ArrayMaxSize, ArrayMinSize, IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { IsLocalDate } from '../../graphql/validators';
import { ConsentKind, DataExportFormat, DataRightsRequestKind, DataRightsRequestStatus, RightsChannel } from './data-rights.enums';

@ArgsType()
export class RecordConsentArgs {
  @Field(() => ID)
  customerId: string;

  @Field(() => ConsentKind)
  kind: ConsentKind;

  @Field(() => Boolean, { description: 'true: given; false: withdrawn' })
  granted: boolean;

  @Field(() => RightsChannel)
  channel: RightsChannel;

  @Field(() => String, { description: 'Version of the consent text, e.g. MKT-2026-01' })
  @MinLength(1)
  @MaxLength(32)
  textVersion: string;

  @Field(() => Date, { nullable: true, description: 'When the customer gave or withdrew it (default: now); not in the future' })
  at?: Date | null;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  note?: string | null;
}

@ArgsType()
export class SharingAgreementFields {
  @Field(() => String, { nullable: true })
  @MaxLength(64)
  reference?: string | null;

  @Field(() => String, { nullable: true })
  @MinLength(1)
  @MaxLength(200)
  party?: string;

  @Field(() => String, { nullable: true })
  @MinLength(1)
  @MaxLength(500)
  purpose?: string;

  @Field(() => [String], { nullable: true, description: 'Customer fields shared (name, phone, email, address, idNumber, birthDate, gender, occupation)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  fields?: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsLocalDate()
  validFrom?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for open-ended' })
  @IsLocalDate()
  validUntil?: string | null;
}

@ArgsType()
export class CreateSharingAgreementArgs extends SharingAgreementFields {}

@ArgsType()
export class UpdateSharingAgreementArgs extends SharingAgreementFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;
}

@ArgsType()
export class SharingCoverageArgs {
  @Field(() => ID)
  agreementId: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  customerIds: string[];
}

@InputType('SharingAgreementFilter')
export class SharingAgreementFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: 'Party name prefix' })
  @MaxLength(200)
  q?: string;

  @Field(() => ID, { nullable: true, description: 'Agreements covering this customer' })
  customerId?: string;

  @Field(() => String, { nullable: true, description: 'In force on this day (YYYY-MM-DD)' })
  @IsLocalDate()
  activeOn?: string;
}

@ArgsType()
export class SharingAgreementListArgs extends ListArgs {
  @Field(() => SharingAgreementFilter, { nullable: true })
  filter?: SharingAgreementFilter | null;
}

@ArgsType()
export class CustomerRequestArgs {
  @Field(() => ID)
  customerId: string;

  @Field(() => RightsChannel)
  channel: RightsChannel;

  @Field(() => String, { nullable: true, description: 'How the request came in and how identity was checked' })
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class ExportCustomerDataArgs extends CustomerRequestArgs {
  @Field(() => DataExportFormat, { defaultValue: DataExportFormat.json, description: 'json (default): content is the JSON text; pdf: content is the PDF in base64' })
  format: DataExportFormat;
}

@ArgsType()
export class WithdrawDeletionArgs {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @MinLength(4)
  @MaxLength(500)
  reason: string;
}

@InputType('DataRightsRequestFilter')
export class DataRightsRequestFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => DataRightsRequestKind, { nullable: true })
  kind?: DataRightsRequestKind;

  @Field(() => DataRightsRequestStatus, { nullable: true })
  status?: DataRightsRequestStatus;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => String, { nullable: true, description: 'Retention ends on or before (YYYY-MM-DD)' })
  @IsLocalDate()
  retentionUntil_lte?: string;
}

@ArgsType()
export class DataRightsRequestListArgs extends ListArgs {
  @Field(() => DataRightsRequestFilter, { nullable: true })
  filter?: DataRightsRequestFilter | null;
}

@ArgsType()
export class UpdateRetentionPolicyArgs {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(120)
  shortTermMaxMonths?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(100)
  shortTermYears?: number;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(100)
  longTermYears?: number;
}
