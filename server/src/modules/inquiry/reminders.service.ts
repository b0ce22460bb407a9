import type { RequestContext } from '../../graphql/context';
import { applySortAndPage, type ListArgs } from '../../graphql/list';
import { RowCount } from '../../graphql/list-count';
import { exportCsv, type CsvExport } from '../exports/export.service';
import { loadInquirySettings } from './inquiry-settings.service';
import { reminderColumns, reminderOf, reminderQuery, reminderSpec, type PolicyReminder, type PolicyReminderFilter, type PolicyReminderListArgs } from './reminders';

const defaultDays = async (ctx: RequestContext) => (await loadInquirySettings(ctx.db)).reminderDays;

export async function list(ctx: RequestContext, args: PolicyReminderListArgs): Promise<PolicyReminder[]> {
  const { qb, window } = reminderQuery(ctx, args.filter, await defaultDays(ctx));
  const policies = await applySortAndPage(ctx, qb, reminderSpec, args).getMany();
  return policies.map((policy) => reminderOf(ctx, policy, window));
}

export async function count(ctx: RequestContext, args: PolicyReminderListArgs): Promise<RowCount> {
  return new RowCount(reminderQuery(ctx, args.filter, await defaultDays(ctx)).qb);
}

export async function exportReminders(ctx: RequestContext, filter: PolicyReminderFilter | null | undefined, args: Pick<ListArgs, 'sortField' | 'sortOrder'>, locale: 'zh' | 'en'): Promise<CsvExport> {
  const { qb, window } = reminderQuery(ctx, filter, await defaultDays(ctx));
  return exportCsv(ctx, { subject: 'Policy', query: qb, spec: reminderSpec, args, columns: reminderColumns(window), locale, filter: { reminders: filter ?? {} } });
}
