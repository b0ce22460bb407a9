import { Args, ArgsType, Ctx, Field, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { CsvExportPayload, ExportArgs } from '../exports/export.resolver';
import { PolicyReminder, PolicyReminderFilter, PolicyReminderListArgs } from './reminders';
import * as reminders from './reminders.service';

@ArgsType()
class ExportRemindersArgs extends ExportArgs {
  @Field(() => PolicyReminderFilter, { nullable: true })
  filter?: PolicyReminderFilter | null;
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
  _allPolicyRemindersMeta(@Args() args: PolicyReminderListArgs, @Ctx() ctx: RequestContext) {
    return reminders.count(ctx, args);
  }

  @Mutation(() => CsvExportPayload, { description: 'The reminders as CSV (at most 10,000 rows); audited' })
  @Allow('export', 'Policy')
  exportPolicyReminders(@Args() args: ExportRemindersArgs, @Ctx() ctx: RequestContext) {
    return reminders.exportReminders(ctx, args.filter, args, args.locale);
  }
}
