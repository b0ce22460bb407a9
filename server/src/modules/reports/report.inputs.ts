import { IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { ReportKind, ReportPeriodKind } from './report.enums';

@InputType('ReportPeriodInput', { description: 'A calendar period in the company time zone: year + index, or from/to for a custom range' })
export class ReportPeriodInput {
  @Field(() => ReportPeriodKind, { defaultValue: ReportPeriodKind.quarter })
  kind: ReportPeriodKind;

  @Field(() => Int, { nullable: true, description: 'month, quarter, half_year, year' })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Month 1–12, quarter 1–4, half-year 1–2; not for year or custom' })
  @IsOptional()
  @Min(1)
  @Max(12)
  index?: number | null;

  @Field(() => String, { nullable: true, description: 'custom: first local day, YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'custom: last local day (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  to?: string | null;
}

@ArgsType()
export class GenerateReportArgs {
  @Field(() => ReportKind, { description: 'Which report (reportKinds lists the ones that can be generated)' })
  kind: ReportKind;

  @Field(() => ReportPeriodInput)
  @ValidateNested()
  period: ReportPeriodInput;

  @Field(() => ID, { nullable: true, description: 'One branch; omitted for the whole company (compliance only)' })
  branchId?: string | null;
}

@InputType('ComplianceReportFilter')
export class ComplianceReportFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ReportKind, { nullable: true })
  kind?: ReportKind;

  @Field(() => ID, { nullable: true })
  branchId?: string;

  @Field(() => ReportPeriodKind, { nullable: true })
  periodKind?: ReportPeriodKind;

  @Field(() => String, { nullable: true, description: 'Period label prefix, e.g. 2026 or 2026-Q3' })
  @MaxLength(32)
  q?: string;
}

@ArgsType()
export class ComplianceReportListArgs extends ListArgs {
  @Field(() => ComplianceReportFilter, { nullable: true })
  filter?: ComplianceReportFilter | null;
}
