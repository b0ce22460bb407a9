import type { IntrospectionResult } from 'ra-data-graphql';
import { namedType, objectFields } from './introspection';

export type SelectionPurpose = 'list' | 'one';

const COMPLAINT_CLOCKS = 'clocks { kind startedAt dueAt warnAt completedAt timeLeftSeconds paused status }';

/**
 * Related objects each screen needs, beyond the type's own scalar fields (which come from the
 * schema, so a field added on the server shows up without touching this file). Lists stay light;
 * a single record brings what its show page displays.
 */
const NESTED: Record<string, Record<SelectionPurpose, string>> = {
  Customer: {
    list: 'branch { id name }',
    one: `branch { id name }
      policies { id policyNumber productName line status effectiveDate expiryDate sumInsuredFen premiumFen paymentFrequency holderId insuredId branchId }`,
  },
  Policy: {
    list: 'branch { id name } holder { id name branchId } insured { id name branchId }',
    one: `branch { id name }
      holder { id name kind idType idNumber phone branchId }
      insured { id name kind idType idNumber phone branchId }
      beneficiaries { name relationship sharePercent customerId }`,
  },
  // Clocks are computed by the server at request time; the list shows them as badges, the page in full.
  Complaint: {
    list: `branch { id name } assignee { id displayName } ${COMPLAINT_CLOCKS}`,
    one: `branch { id name } assignee { id displayName }
      policy { id policyNumber productName branchId }
      complainantCustomer { id name branchId }
      ${COMPLAINT_CLOCKS}
      timeline { id at kind note data fromState toState staffId staffName }`,
  },
};

/** The selection set for one type: every scalar and enum field, plus the nested objects above. */
export function selectionFor(intro: IntrospectionResult, typeName: string, purpose: SelectionPurpose): string {
  const scalars = objectFields(intro, typeName)
    .filter((field) => {
      const kind = namedType(field.type).kind;
      return kind === 'SCALAR' || kind === 'ENUM';
    })
    .map((field) => field.name);
  return [...scalars, NESTED[typeName]?.[purpose] ?? ''].join('\n');
}
