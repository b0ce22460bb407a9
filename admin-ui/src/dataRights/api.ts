import { graphqlRequest } from '../graphql/request';

export interface DataExport {
  filename: string;
  contentType: string;
  encoding: string;
  content: string;
  request: { id: string };
}

const EXPORT = `mutation Export($customerId: ID!, $channel: RightsChannel!, $note: String, $format: DataExportFormat) {
  exportCustomerData(customerId: $customerId, channel: $channel, note: $note, format: $format) { filename contentType encoding content request { id } }
}`;

/** Access and copy: the server collects everything held about the customer, records the request and audits it. */
export async function exportCustomerData(variables: { customerId: string; channel: string; note: string | null; format: 'json' | 'pdf' }): Promise<DataExport> {
  return (await graphqlRequest<{ exportCustomerData: DataExport }>(EXPORT, variables)).exportCustomerData;
}

/** Saves the copy as a file: JSON as UTF-8 text, the PDF decoded from base64. */
export function saveExport(file: DataExport): void {
  let body: BlobPart;
  if (file.encoding === 'base64') {
    const binary = atob(file.content);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    body = bytes;
  } else body = file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const DELETION = `mutation Delete($customerId: ID!, $channel: RightsChannel!, $note: String) {
  requestCustomerDeletion(customerId: $customerId, channel: $channel, note: $note) { id status retentionUntil }
}`;

export async function requestDeletion(variables: { customerId: string; channel: string; note: string | null }) {
  return (await graphqlRequest<{ requestCustomerDeletion: { id: string; status: string; retentionUntil: string | null } }>(DELETION, variables)).requestCustomerDeletion;
}

const WITHDRAW = `mutation Withdraw($id: ID!, $reason: String!) { withdrawCustomerDeletion(id: $id, reason: $reason) { id status } }`;

export async function withdrawDeletion(variables: { id: string; reason: string }) {
  return (await graphqlRequest<{ withdrawCustomerDeletion: { id: string; status: string } }>(WITHDRAW, variables)).withdrawCustomerDeletion;
}

const OPEN_DELETION = `query Open($filter: DataRightsRequestFilter) { allDataRightsRequests(perPage: 1, filter: $filter) { id retentionUntil status } }`;

/** The customer's deletion request still waiting for anonymisation, if any. */
export async function openDeletionOf(customerId: string): Promise<{ id: string; retentionUntil: string | null } | null> {
  const data = await graphqlRequest<{ allDataRightsRequests: { id: string; retentionUntil: string | null }[] }>(OPEN_DELETION, { filter: { customerId, kind: 'deletion', status: 'restricted' } });
  return data.allDataRightsRequests[0] ?? null;
}
