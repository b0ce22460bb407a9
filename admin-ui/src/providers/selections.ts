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
  // Staff access rights (issue 6): names of the people and roles a row points at.
  Staff: { list: 'branch { id name }', one: 'branch { id name }' },
  RoleGrant: {
    list: 'staff { id username displayName } role { id name label highRisk } grantedBy { id displayName } approvedBy { id displayName } revokedBy { id displayName }',
    one: 'staff { id username displayName } role { id name label highRisk } grantedBy { id displayName } approvedBy { id displayName } revokedBy { id displayName }',
  },
  AccessReviewCampaign: {
    list: 'reviewer { id displayName } totals { total pending kept revoked keptFlagged revokedAtDeadline alreadyEnded cancelled unassigned }',
    one: 'reviewer { id displayName } createdBy { id displayName } totals { total pending kept revoked keptFlagged revokedAtDeadline alreadyEnded cancelled unassigned }',
  },
  AccessReviewItem: { list: 'reviewer { id displayName }', one: 'reviewer { id displayName }' },
  AuditEntry: { list: '', one: 'fieldChanges { field from to }' },
  // The customer's rights over their data (issue 7): whom a request concerns.
  DataRightsRequest: { list: 'customer { id name status }', one: 'customer { id name status }' },
  // Quality inspection (issue 5): names for the list columns; the inspection and rectification pages load their own detail (quality/api.ts).
  QualityInspection: { list: 'branch { id name } team { id name } inspector { id displayName }', one: 'branch { id name } team { id name } inspector { id displayName }' },
  QualityRectification: { list: 'owner { id displayName } branch { id name } inspection { id number title }', one: 'owner { id displayName } branch { id name } inspection { id number title }' },
  QualityTemplate: { list: 'items { key dimension title weight guidance }', one: 'items { key dimension title weight guidance } previous { id revision }' },
  QualityTeam: { list: 'branch { id name }', one: 'branch { id name }' },
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
