import { graphqlRequest } from '../graphql/request';
import { countLimitFor } from '../providers/countLimit';
import { currentLocale } from '../providers/i18nProvider';

/** One policy to remind its holder about (server: inquiry/reminders.ts PolicyReminder). */
export interface PolicyReminder {
  id: string;
  kinds: string[];
  renewalDate: string | null;
  premiumDueDate: string | null;
  daysLeft: number;
  policy: {
    id: string;
    policyNumber: string | null;
    productName: string | null;
    expiryDate: string | null;
    nextPremiumDueDate: string | null;
    holder: { id: string; name: string | null } | null;
    branch: { id: string; name: string | null } | null;
  };
}

export interface ReminderFilter {
  withinDays?: number;
  kind?: 'renewal' | 'premium';
  branchId?: string;
}

export interface ReminderQuery {
  filter: ReminderFilter;
  page: number;
  perPage: number;
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
}

const LIST = `query Reminders($filter: PolicyReminderFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $countLimit: Int!) {
  items: allPolicyReminders(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
    id kinds renewalDate premiumDueDate daysLeft
    policy { id policyNumber productName expiryDate nextPremiumDueDate holder { id name } branch { id name } }
  }
  total: _allPolicyRemindersMeta(filter: $filter) { countUpTo(limit: $countLimit) { count more } }
}`;

/** One page of reminders and the total, both under the caller's row rules; the total is -1 past the count limit (unknown, as MUI's pagination takes it). */
export async function reminderPage(query: ReminderQuery): Promise<{ rows: PolicyReminder[]; total: number }> {
  const data = await graphqlRequest<{ items: PolicyReminder[]; total: { countUpTo: { count: number; more: boolean } } }>(LIST, {
    ...query,
    countLimit: countLimitFor(query.page + 1, query.perPage),
  });
  const { count, more } = data.total.countUpTo;
  return { rows: data.items, total: more ? -1 : count };
}

const EXPORT = `mutation Export($filter: PolicyReminderFilter, $sortField: String, $sortOrder: SortOrder, $locale: String) {
  result: exportPolicyReminders(filter: $filter, sortField: $sortField, sortOrder: $sortOrder, locale: $locale) { filename csv rows }
}`;

/** The whole filtered list as CSV, built and audited by the server with the same rules as the screen. */
export async function exportReminders(query: Omit<ReminderQuery, 'page' | 'perPage'>): Promise<{ filename: string; csv: string; rows: number }> {
  const data = await graphqlRequest<{ result: { filename: string; csv: string; rows: number } }>(EXPORT, { ...query, locale: currentLocale() });
  return data.result;
}

export async function branchChoices(): Promise<{ id: string; name: string }[]> {
  const data = await graphqlRequest<{ allBranches: { id: string; name: string }[] }>('{ allBranches(perPage: 200, sortField: "id", sortOrder: ASC) { id name } }');
  return data.allBranches;
}
