import { IsIn, MaxLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { SortOrder } from '../../graphql/list';
import { GraphQLJSON } from '../../graphql/scalars';
import { CsvExportPayload } from '../exports/export.resolver';
import { loadStaffMember } from '../staff/loaders';
import { Staff } from '../staff/staff.entity';
import { AuditEntry } from './audit-entry.entity';
import { exportAuditEntries, fieldChanges } from './audit-detail';
import { AuditEntryFilter } from './audit.resolver';

@ObjectType('AuditFieldChange', { description: 'One changed field of an audit entry, before and after (sensitive values masked)' })
class AuditFieldChange {
  @Field(() => String)
  field: string;

  @Field(() => GraphQLJSON, { nullable: true })
  from: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  to: unknown;
}

@ArgsType()
class ExportAuditEntriesArgs {
  @Field(() => AuditEntryFilter, { nullable: true })
  filter?: AuditEntryFilter | null;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  sortField?: string | null;

  @Field(() => SortOrder, { nullable: true })
  sortOrder?: SortOrder | null;

  @Field(() => String, { nullable: true, defaultValue: 'zh', description: 'Column headings: zh or en' })
  @IsIn(['zh', 'en'])
  locale: 'zh' | 'en';
}

/** The audit viewer's entry detail and export, beside the list and chain check of AuditResolver. */
@Resolver(() => AuditEntry)
export class AuditDetailResolver {
  @Mutation(() => CsvExportPayload, { description: 'The filtered audit trail as CSV (at most 10,000 entries, changes masked); the export is audited' })
  @Allow('export', 'AuditEntry')
  exportAuditEntries(@Args() args: ExportAuditEntriesArgs, @Ctx() ctx: RequestContext) {
    return exportAuditEntries(ctx, args);
  }

  @FieldResolver(() => [AuditFieldChange], { nullable: true, description: 'Before and after of each changed field' })
  fieldChanges(@Root() entry: AuditEntry) {
    return fieldChanges(entry);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who acted, as far as the caller may read staff' })
  staff(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, entry.staffId);
  }
}
