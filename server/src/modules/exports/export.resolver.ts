import { Args, ArgsType, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { IsIn, MaxLength } from 'class-validator';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { SortOrder } from '../../graphql/list';
import { CustomerFilter } from '../customers/customer.inputs';
import { customerListSpecFor } from '../customers/customer.list';
import * as customers from '../customers/customer.service';
import { PolicyFilter } from '../policies/policy.inputs';
import * as policies from '../policies/policy.service';
import { CUSTOMER_COLUMNS, POLICY_COLUMNS } from './export.columns';
import { exportCsv } from './export.service';

@ObjectType('CsvExport')
export class CsvExportPayload {
  @Field(() => String)
  filename: string;

  @Field(() => String, { description: 'UTF-8 CSV with a byte-order mark; masked and field-guarded like the list' })
  csv: string;

  @Field(() => Int)
  rows: number;
}

/** What every list export takes besides its filter: the list's sort and the language of the column headings. */
@ArgsType()
export class ExportArgs {
  @Field(() => String, { nullable: true })
  @MaxLength(64)
  sortField?: string | null;

  @Field(() => SortOrder, { nullable: true })
  sortOrder?: SortOrder | null;

  @Field(() => String, { nullable: true, defaultValue: 'zh', description: 'Column headings: zh or en' })
  @IsIn(['zh', 'en'])
  locale: 'zh' | 'en';
}

@ArgsType()
class ExportCustomersArgs extends ExportArgs {
  @Field(() => CustomerFilter, { nullable: true })
  filter?: CustomerFilter | null;
}

@ArgsType()
class ExportPoliciesArgs extends ExportArgs {
  @Field(() => PolicyFilter, { nullable: true })
  filter?: PolicyFilter | null;
}

@Resolver()
export class ExportResolver {
  @Mutation(() => CsvExportPayload, { description: 'The filtered customer list as CSV (at most 10,000 rows); audited' })
  @Allow('export', 'Customer')
  exportCustomers(@Args() args: ExportCustomersArgs, @Ctx() ctx: RequestContext) {
    return exportCsv(ctx, {
      subject: 'Customer',
      query: customers.listQuery(ctx, args.filter),
      spec: customerListSpecFor(ctx.ability),
      args,
      columns: CUSTOMER_COLUMNS,
      locale: args.locale,
      filter: args.filter,
    });
  }

  @Mutation(() => CsvExportPayload, { description: 'The filtered policy list as CSV (at most 10,000 rows); audited' })
  @Allow('export', 'Policy')
  exportPolicies(@Args() args: ExportPoliciesArgs, @Ctx() ctx: RequestContext) {
    return exportCsv(ctx, {
      subject: 'Policy',
      query: policies.listQuery(ctx, args.filter),
      spec: policies.listSpec(ctx),
      args,
      columns: POLICY_COLUMNS,
      locale: args.locale,
      filter: args.filter,
    });
  }
}
