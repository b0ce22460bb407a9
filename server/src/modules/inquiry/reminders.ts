import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { fieldVerdict } from '../../access/field-guard';
import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';
import { assertValidFilter, filterId, ListArgs, SortOrder, type ListSpec } from '../../graphql/list';
import { addDays, todayIn } from '../../time/local-date';
import { CustomerStatus } from '../customers/customer.enums';
import { POLICY_COLUMNS } from '../exports/export.columns';
import type { ExportColumn } from '../exports/export.service';
import { Policy } from '../policies/policy.entity';
import { PolicyStatus } from '../policies/policy.enums';

export enum ReminderKind {
  renewal = 'renewal',
  premium = 'premium',
}
registerEnumType(ReminderKind, { name: 'ReminderKind', description: 'renewal: the policy expires; premium: a premium falls due' });

@InputType('PolicyReminderFilter')
export class PolicyReminderFilter {
  @Field(() => Int, { nullable: true, description: 'Look-ahead in days from today (in the server time zone); the inquiry settings give the default' })
  @Min(0)
  @Max(365)
  withinDays?: number;

  @Field(() => ReminderKind, { nullable: true, description: 'Only renewals or only premiums; both when left out' })
  kind?: ReminderKind;

  @Field(() => ID, { nullable: true })
  branchId?: string;
}

@ArgsType()
export class PolicyReminderListArgs extends ListArgs {
  @Field(() => PolicyReminderFilter, { nullable: true })
  filter?: PolicyReminderFilter | null;
}

@ObjectType('PolicyReminder', { description: 'A policy to remind its holder about: expiring, or with premium due, in the look-ahead' })
export class PolicyReminder {
  @Field(() => ID, { description: 'The policy id' })
  id: number;

  @Field(() => [ReminderKind])
  kinds: ReminderKind[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, when the policy expires within the look-ahead' })
  renewalDate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, when a premium is due within the look-ahead' })
  premiumDueDate: string | null;

  @Field(() => Int, { description: 'Days from today to the earlier of the two' })
  daysLeft: number;

  @Field(() => Policy)
  policy: Policy;
}

export const reminderSpec: ListSpec<Policy> = {
  subject: 'Policy',
  alias: 'p',
  sortable: { id: 'p.id', expiryDate: 'p.expiryDate', nextPremiumDueDate: 'p.nextPremiumDueDate', policyNumber: 'p.policyNumber', branchId: 'p.branchId' },
  defaultSort: { field: 'expiryDate', order: SortOrder.ASC },
  filters: {},
};

export interface ReminderWindow {
  from: string;
  to: string;
  kind?: ReminderKind;
}

/**
 * In-force policies of the caller's rows expiring, or with a premium due, between today and the end of
 * the look-ahead. Customers who asked for deletion are restricted: they are not contacted.
 */
export function reminderQuery(ctx: RequestContext, filter: PolicyReminderFilter | null | undefined, defaultDays: number, action = 'read') {
  assertValidFilter(filter);
  const from = todayIn(ctx.config.defaultTimezone);
  const window: ReminderWindow = { from, to: addDays(from, filter?.withinDays ?? defaultDays), kind: filter?.kind };
  const renewal = 'p.expiryDate >= :rFrom AND p.expiryDate <= :rTo';
  const premium = 'p.nextPremiumDueDate IS NOT NULL AND p.nextPremiumDueDate >= :rFrom AND p.nextPremiumDueDate <= :rTo';
  const due = window.kind === ReminderKind.renewal ? renewal : window.kind === ReminderKind.premium ? premium : `((${renewal}) OR (${premium}))`;
  const qb = guardedQuery(ctx, Policy, 'p', action)
    .andWhere('p.status = :inForce', { inForce: PolicyStatus.in_force })
    .andWhere(`(${due})`, { rFrom: window.from, rTo: window.to })
    .andWhere('NOT EXISTS (SELECT 1 FROM customer rc WHERE rc.id = p.holderId AND rc.status IN (:...hidden))', { hidden: [CustomerStatus.restricted, CustomerStatus.anonymised] });
  if (filter?.branchId) qb.andWhere(filterId(filter.branchId) === null ? '1 = 0' : 'p.branchId = :rBranch', { rBranch: filterId(filter.branchId) });
  return { qb, window };
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** One policy as a reminder; dates the caller may not read stay out, as on the policy itself. */
export function reminderOf(ctx: Pick<RequestContext, 'ability'>, policy: Policy, window: ReminderWindow): PolicyReminder {
  const readable = (field: string) => fieldVerdict(ctx.ability, 'Policy', policy, field).readable;
  const within = (date: string | null) => !!date && date >= window.from && date <= window.to;
  const renewalDate = window.kind !== ReminderKind.premium && readable('expiryDate') && within(policy.expiryDate) ? policy.expiryDate : null;
  const premiumDueDate = window.kind !== ReminderKind.renewal && readable('nextPremiumDueDate') && within(policy.nextPremiumDueDate) ? policy.nextPremiumDueDate : null;
  const kinds = [...(renewalDate ? [ReminderKind.renewal] : []), ...(premiumDueDate ? [ReminderKind.premium] : [])];
  const first = [renewalDate, premiumDueDate].filter((d): d is string => !!d).sort()[0] ?? window.to;
  return Object.assign(new PolicyReminder(), { id: policy.id, kinds, renewalDate, premiumDueDate, daysLeft: days(window.from, first), policy });
}

export function reminderColumns(window: ReminderWindow): ExportColumn<Policy>[] {
  const within = (date: string | null) => !!date && date >= window.from && date <= window.to;
  return [
    { field: 'expiryDate', zh: '提醒类型', en: 'Reminder', value: (p) => [within(p.expiryDate) && window.kind !== ReminderKind.premium ? '续保' : null, within(p.nextPremiumDueDate) && window.kind !== ReminderKind.renewal ? '缴费' : null].filter(Boolean).join('/') },
    ...POLICY_COLUMNS,
  ];
}
