import type { AppAbility } from '../../access/ability';
import { canFilterOn } from '../../access/field-guard';
import { andRowFilter } from '../../access/guarded-query';
import { filterBy, filterId, SortOrder, type FilterHandler, type ListSpec } from '../../graphql/list';
import type { FieldReads } from '../../graphql/projection';
import { likePrefix } from '../customers/customer.list';
import { Customer } from '../customers/customer.entity';
import { PolicyStatus } from './policy.enums';
import type { Policy } from './policy.entity';
import { addDays, todayIn } from '../../time/local-date';

const A = 'p';

/** The columns the type's field resolvers read (its *.resolver.ts); a field not named here makes a page load whole rows (graphql/projection.ts). */
const POLICY_FIELD_READS: FieldReads = { holder: ['holderId'], insured: ['insuredId'], branch: ['branchId'] };

/** `q`: a policy number prefix, or a holder name prefix when the caller may filter customers by name. */
function searchQ(ability: AppAbility): FilterHandler<Policy> {
  return {
    apply: (qb, value, p) => {
      const params = { [p]: likePrefix(String(value)) };
      const parts = [`${A}.policyNumber LIKE :${p}`];
      if (canFilterOn(ability, 'Customer', 'name')) {
        // Only holders the caller may read: a hidden holder's name must not match (no oracle).
        const holders = andRowFilter({ ability }, qb.subQuery().select('h.id').from(Customer, 'h').where(`h.name LIKE :${p}`), 'read').getQuery();
        parts.push(`${A}.holderId IN ${holders}`);
      }
      qb.andWhere(`(${parts.join(' OR ')})`, params);
    },
  };
}

function renewalsDue(timezone: string): FilterHandler<Policy> {
  return {
    field: 'expiryDate',
    apply: (qb, value, p) => {
      const today = todayIn(timezone);
      qb.andWhere(`${A}.status = :${p}_s AND ${A}.expiryDate >= :${p}_from AND ${A}.expiryDate <= :${p}_to`, {
        [`${p}_s`]: PolicyStatus.in_force,
        [`${p}_from`]: today,
        [`${p}_to`]: addDays(today, Number(value)),
      });
    },
  };
}

export function policyListSpecFor(ability: AppAbility, timezone: string): ListSpec<Policy> {
  return {
    subject: 'Policy',
    fieldReads: POLICY_FIELD_READS,
    alias: A,
    sortable: {
      id: `${A}.id`,
      policyNumber: `${A}.policyNumber`,
      effectiveDate: `${A}.effectiveDate`,
      expiryDate: `${A}.expiryDate`,
      nextPremiumDueDate: `${A}.nextPremiumDueDate`,
      premiumFen: `${A}.premiumFen`,
      sumInsuredFen: `${A}.sumInsuredFen`,
      status: `${A}.status`,
      line: `${A}.line`,
      branchId: `${A}.branchId`,
      createdAt: `${A}.createdAt`,
    },
    defaultSort: { field: 'id', order: SortOrder.DESC },
    filters: {
      q: searchQ(ability),
      ids: filterBy.ids(A),
      policyNumber: filterBy.equals(A, 'policyNumber'),
      status: filterBy.equals(A, 'status'),
      line: filterBy.equals(A, 'line'),
      branchId: filterBy.equals(A, 'branchId'),
      holderId: filterBy.equals(A, 'holderId'),
      insuredId: filterBy.equals(A, 'insuredId'),
      customerId: {
        field: 'holderId',
        apply: (qb, value, p) => void qb.andWhere(filterId(value) === null ? '1 = 0' : `(${A}.holderId = :${p} OR ${A}.insuredId = :${p})`, { [p]: filterId(value) }),
      },
      productCode: filterBy.equals(A, 'productCode'),
      salesChannel: filterBy.equals(A, 'salesChannel'),
      paymentStatus: filterBy.equals(A, 'paymentStatus'),
      expiryDate_gte: filterBy.range(A, 'expiryDate', '>='),
      expiryDate_lte: filterBy.range(A, 'expiryDate', '<='),
      effectiveDate_gte: filterBy.range(A, 'effectiveDate', '>='),
      effectiveDate_lte: filterBy.range(A, 'effectiveDate', '<='),
      nextPremiumDueDate_lte: filterBy.range(A, 'nextPremiumDueDate', '<='),
      renewalDueWithinDays: renewalsDue(timezone),
    },
  };
}
