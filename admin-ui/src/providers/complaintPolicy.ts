import { gql, type ApolloClient } from '@apollo/client';
import type { IntrospectionResult } from 'ra-data-graphql';
import type { RaRecord } from 'react-admin';
import { findOperation, namedType, objectFields, printTypeRef } from './introspection';
import { updatePayload } from './payloads';

/**
 * The deadline policy is one record (`complaintPolicy`, `updateComplaintPolicy`), offered to the
 * console as the resource `complaintPolicy` with the single id "current". Its fields come from the
 * schema, so a threshold added on the server needs no change here.
 */
export const COMPLAINT_POLICY_ID = 'current';

function selection(intro: IntrospectionResult): string {
  const scalars = objectFields(intro, 'ComplaintPolicy')
    .filter((field) => ['SCALAR', 'ENUM'].includes(namedType(field.type).kind))
    .map((field) => field.name);
  return [...scalars, 'approvalLimits { role limitFen }'].join(' ');
}

export async function getComplaintPolicy(client: ApolloClient<unknown>, intro: IntrospectionResult): Promise<RaRecord> {
  const { data } = await client.query<{ data: RaRecord }>({ query: gql(`query ComplaintPolicy { data: complaintPolicy { ${selection(intro)} } }`), fetchPolicy: 'no-cache' });
  return { ...data.data, id: COMPLAINT_POLICY_ID, recordId: data.data.id };
}

export async function updateComplaintPolicy(client: ApolloClient<unknown>, intro: IntrospectionResult, data: RaRecord, previous: RaRecord | undefined): Promise<RaRecord> {
  const operation = findOperation(intro, 'updateComplaintPolicy');
  if (!operation) throw new Error('The API offers no updateComplaintPolicy');
  // Only what changed, from the version the form loaded: a stale version is refused with CONFLICT.
  const changed = updatePayload('ComplaintPolicy', data, previous);
  const args = operation.args.filter((arg) => changed[arg.name] !== undefined);
  const definitions = args.map((arg) => `$${arg.name}: ${printTypeRef(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const mutation = gql(`mutation UpdateComplaintPolicy(${definitions}) { data: updateComplaintPolicy(${call}) { ${selection(intro)} } }`);
  const variables = Object.fromEntries(args.map((arg) => [arg.name, changed[arg.name]]));
  const result = await client.mutate<{ data: RaRecord }>({ mutation, variables, fetchPolicy: 'no-cache' });
  if (!result.data) throw new Error('empty response');
  return { ...result.data.data, id: COMPLAINT_POLICY_ID, recordId: result.data.data.id };
}
