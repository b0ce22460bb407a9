import type { AppAbility } from '../../access/ability';
import { canFilterOn } from '../../access/field-guard';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { filterBy, SortOrder, type FilterHandler, type ListSpec } from '../../graphql/list';
import type { FieldReads } from '../../graphql/projection';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../calendar/deadlines';
import { likePrefix } from '../customers/customer.list';
import type { Complaint } from './complaint.entity';
import { ComplaintChannel, ComplaintSeverity, ComplaintState } from './complaint.enums';
import { complainantPhoneHash } from './complaint.rules';

const A = 'c';

/** The columns the type's field resolvers read (its *.resolver.ts); a field not named here makes a page load whole rows (graphql/projection.ts). */
const COMPLAINT_FIELD_READS: FieldReads = {
  timeline: ['id'],
  branch: ['branchId'],
  complainantCustomer: ['complainantCustomerId'],
  policy: ['policyId'],
  assignee: ['assigneeId'],
};
const ENDED = [ComplaintState.closed, ComplaintState.withdrawn, ComplaintState.not_accepted];

/**
 * "Overdue" is judged against the current time to the 10 seconds, not the millisecond: a register
 * asked twice within those seconds is then the same statement, and its count can be shared
 * (graphql/list-count.ts). A complaint enters the overdue register at most 10 s after its deadline.
 */
const OVERDUE_STEP_MS = 10_000;
const overdueAsOf = () => new Date(Math.floor(now().getTime() / OVERDUE_STEP_MS) * OVERDUE_STEP_MS);

/** A yes/no filter: `true` narrows to the rows, `false` to the others. */
function flag(field: string, yes: (p: string) => string, no: (p: string) => string, params: (p: string) => Record<string, unknown>): FilterHandler<Complaint> {
  return { field, apply: (qb, value, p) => void qb.andWhere(value ? yes(p) : no(p), params(p)) };
}

/** `q`: a complaint number prefix, or a complainant name prefix when the caller may filter on names. */
function searchQ(ability: AppAbility): FilterHandler<Complaint> {
  return {
    apply: (qb, value, p) => {
      const parts = [`${A}.number LIKE :${p}`];
      if (canFilterOn(ability, 'Complaint', 'complainantName')) parts.push(`${A}.complainantName LIKE :${p}`);
      qb.andWhere(`(${parts.join(' OR ')})`, { [p]: likePrefix(String(value)) });
    },
  };
}

export function complaintListSpecFor(ability: AppAbility, staffId: number, timezone: string): ListSpec<Complaint> {
  return {
    subject: 'Complaint',
    fieldReads: COMPLAINT_FIELD_READS,
    alias: A,
    sortable: {
      id: `${A}.id`,
      number: `${A}.number`,
      receivedAt: `${A}.receivedAt`,
      nextDueAt: `${A}.nextDueAt`,
      state: `${A}.state`,
      severity: `${A}.severity`,
      category: `${A}.category`,
      channel: `${A}.channel`,
      branchId: `${A}.branchId`,
      assigneeId: `${A}.assigneeId`,
      createdAt: `${A}.createdAt`,
      updatedAt: `${A}.updatedAt`,
    },
    defaultSort: { field: 'receivedAt', order: SortOrder.DESC },
    filters: {
      q: searchQ(ability),
      ids: filterBy.ids(A),
      mine: flag('assigneeId', (p) => `${A}.assigneeId = :${p}`, (p) => `(${A}.assigneeId IS NULL OR ${A}.assigneeId <> :${p})`, (p) => ({ [p]: staffId })),
      assigneeId: filterBy.equals(A, 'assigneeId'),
      dueToday: {
        field: 'nextDueAt',
        apply: (qb, value, p) => {
          const today = localDateOf(now(), timezone);
          const range = { [`${p}_from`]: sqlTime(startOfLocalDay(today, timezone)), [`${p}_to`]: sqlTime(endOfLocalDay(today, timezone)) };
          const inToday = `${A}.nextDueAt >= :${p}_from AND ${A}.nextDueAt <= :${p}_to`;
          qb.andWhere(value ? `(${inToday})` : `(${A}.nextDueAt IS NULL OR NOT (${inToday}))`, range);
        },
      },
      overdue: flag('nextDueAt', (p) => `${A}.nextDueAt < :${p}`, (p) => `(${A}.nextDueAt IS NULL OR ${A}.nextDueAt >= :${p})`, (p) => ({ [p]: sqlTime(overdueAsOf()) })),
      major: flag('severity', (p) => `${A}.severity = :${p}`, (p) => `${A}.severity <> :${p}`, (p) => ({ [p]: ComplaintSeverity.major })),
      severity: filterBy.equals(A, 'severity'),
      regulatorTransferred: flag('channel', (p) => `${A}.channel = :${p}`, (p) => `${A}.channel <> :${p}`, (p) => ({ [p]: ComplaintChannel.regulator })),
      category: filterBy.equals(A, 'category'),
      channel: filterBy.equals(A, 'channel'),
      branchId: filterBy.equals(A, 'branchId'),
      state: filterBy.equals(A, 'state'),
      states: {
        field: 'state',
        apply: (qb, value, p) => {
          const states = value as string[];
          qb.andWhere(states.length ? `${A}.state IN (:...${p})` : '1 = 0', { [p]: states });
        },
      },
      open: flag('state', (p) => `${A}.state NOT IN (:...${p})`, (p) => `${A}.state IN (:...${p})`, (p) => ({ [p]: ENDED })),
      complainantCustomerId: filterBy.equals(A, 'complainantCustomerId'),
      policyId: filterBy.equals(A, 'policyId'),
      complainantPhone: {
        field: 'complainantPhone',
        apply: (qb, value, p) => void qb.andWhere(`${A}.complainantPhoneHash = :${p}`, { [p]: complainantPhoneHash(String(value)) }),
      },
      receivedAt_gte: filterBy.range(A, 'receivedAt', '>='),
      receivedAt_lte: filterBy.range(A, 'receivedAt', '<='),
    },
  };
}
