import { filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import type { PolicyInquiry } from './policy-inquiry.entity';
import { normalizePolicyNumber } from './inquiry.rules';

const A = 'i';

export const inquiryLogSpec: ListSpec<PolicyInquiry> = {
  subject: 'PolicyInquiry',
  alias: A,
  sortable: { id: `${A}.id`, at: `${A}.at`, channel: `${A}.channel`, outcome: `${A}.outcome`, responseMs: `${A}.responseMs`, policyNumber: `${A}.policyNumber` },
  defaultSort: { field: 'id', order: SortOrder.DESC },
  filters: {
    ids: filterBy.ids(A),
    channel: filterBy.equals(A, 'channel'),
    outcome: filterBy.equals(A, 'outcome'),
    reason: filterBy.equals(A, 'reason'),
    policyNumber: { field: 'policyNumber', apply: (qb, value, p) => void qb.andWhere(`${A}.policyNumber = :${p}`, { [p]: normalizePolicyNumber(String(value)) }) },
    policyId: filterBy.equals(A, 'policyId'),
    branchId: filterBy.equals(A, 'branchId'),
    staffId: filterBy.equals(A, 'staffId'),
    channelKeyId: filterBy.equals(A, 'channelKeyId'),
    at_gte: filterBy.range(A, 'at', '>='),
    at_lte: filterBy.range(A, 'at', '<='),
  },
};
