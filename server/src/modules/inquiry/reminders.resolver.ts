import { IsIn, MaxLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata, SortOrder } from '../../graphql/list';
import { CsvExportPayload } from '../exports/export.resolver';
import { PolicyReminder, PolicyReminderFilter, PolicyReminderListArgs } from './reminders';
import * as reminders from './reminders.service';

@ArgsType()
class ExportRemindersArgs {
  @Field(() => PolicyReminderFilter, { nullable: true })
  filter?: PolicyReminderFilter | null;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  sortField?: string | null;

  @Field(() => SortOrder, { nullable: true })
  sortOrder?: SortOrder | null;

  @Field(() => String, { nullable: true, defaultValue: 'zh' })
  @IsIn(['zh', 'en'])
  locale: 'zh' | 'en';
}

/** Renewal and premium reminders per branch (the rows the caller's rules allow), and their export. */
@Resolver(() => PolicyReminder)
export class PolicyReminderResolver {
  @Query(() => [PolicyReminder], { description: 'Policies expiring, or with premium due, in the next N days; one page' })
  @Allow('read', 'Policy')
  allPolicyReminders(@Args() args: PolicyReminderListArgs, @Ctx() ctx: RequestContext) {
    return reminders.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'Policy')
  async _allPolicyRemindersMeta(@Args() args: PolicyReminderListArgs, @Ctx() ctx: RequestContext) {
    return { count: await reminders.count(ctx, args) };
  }

  @Mutation(() => CsvExportPayload, { description: 'The reminders as CSV (at most 10,000 rows); audited' })
  @Allow('export', 'Policy')
  exportPolicyReminders(@Args() args: ExportRemindersArgs, @Ctx() ctx: RequestContext) {
    return reminders.exportReminders(ctx, args.filter, args, args.locale);
  }
}
