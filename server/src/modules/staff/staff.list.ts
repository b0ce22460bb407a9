import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { filterBy, filterId, SortOrder, type ListSpec } from '../../graphql/list';
import { likePrefix } from '../customers/customer.list';
import type { Staff } from './staff.entity';

const A = 's';
const DAY_MS = 24 * 3600_000;

/** The moment before which the last sign-in (or, never signed in, the creation) makes an account dormant. */
export function dormantCutoff(days: number, at: Date = now()): Date {
  return new Date(at.getTime() - days * DAY_MS);
}

/** SQL for "active and dormant since before :param" over the staff alias, shared by the list filter and the bulk suspension. */
export function dormantCondition(alias: string, param: string): string {
  return `(${alias}.status = 'active' AND COALESCE(${alias}.lastLoginAt, ${alias}.createdAt) < :${param})`;
}

export const staffListSpec: ListSpec<Staff> = {
  subject: 'Staff',
  alias: A,
  sortable: { id: `${A}.id`, username: `${A}.username`, displayName: `${A}.displayName`, branchId: `${A}.branchId`, status: `${A}.status`, lastLoginAt: `${A}.lastLoginAt`, createdAt: `${A}.createdAt` },
  defaultSort: { field: 'username', order: SortOrder.ASC },
  filters: {
    q: {
      field: 'displayName',
      apply: (qb, value, p) => void qb.andWhere(`(${A}.username LIKE :${p} OR ${A}.displayName LIKE :${p})`, { [p]: likePrefix(String(value)) }),
    },
    ids: filterBy.ids(A),
    branchId: filterBy.equals(A, 'branchId'),
    status: filterBy.equals(A, 'status'),
    roleId: {
      field: 'roles',
      apply: (qb, value, p) => {
        const at = sqlTime(now());
        if (filterId(value) === null) return void qb.andWhere('1 = 0');
        qb.andWhere(
          `EXISTS (SELECT 1 FROM role_grant g WHERE g.staff_id = ${A}.id AND g.role_id = :${p} AND g.status = 'active'
            AND (g.valid_from IS NULL OR g.valid_from <= :${p}_at) AND (g.valid_until IS NULL OR g.valid_until > :${p}_at))`,
          { [p]: Number(value), [`${p}_at`]: at },
        );
      },
    },
    mfaEnrolled: { field: 'mfaEnrolled', apply: (qb, value) => void qb.andWhere(value ? `${A}.mfaEnabledAt IS NOT NULL` : `${A}.mfaEnabledAt IS NULL`) },
    locked: {
      field: 'lockedUntil',
      apply: (qb, value, p) =>
        void qb.andWhere(value ? `${A}.lockedUntil > :${p}` : `(${A}.lockedUntil IS NULL OR ${A}.lockedUntil <= :${p})`, { [p]: sqlTime(now()) }),
    },
    dormantForDays: {
      field: 'lastLoginAt',
      apply: (qb, value, p) => void qb.andWhere(dormantCondition(A, p), { [p]: sqlTime(dormantCutoff(Number(value))) }),
    },
    lastLoginAt_lte: filterBy.range(A, 'lastLoginAt', '<='),
    lastLoginAt_gte: filterBy.range(A, 'lastLoginAt', '>='),
  },
};
