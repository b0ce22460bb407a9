// Shared by the inquiry-* and data-rights-* suites: picking policies with their holders' ID numbers,
// setting a query password through the console, and calling the channel API with a key.
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import type { GqlClient, GqlResult } from '../support/client';
import type { TestServer } from '../support/test-server';

export const SUMMARY = 'policyNumber productName line status effectiveDate expiryDate sumInsuredFen premiumFen paymentFrequency paymentStatus nextPremiumDueDate inquiryId';

export const CHANNEL_INQUIRY = `mutation Inquire($policyNumber: String!, $idNumber: String!, $queryPassword: String!, $clientIp: String) {
  channelPolicyInquiry(policyNumber: $policyNumber, idNumber: $idNumber, queryPassword: $queryPassword, clientIp: $clientIp) { ${SUMMARY} }
}`;

export const STAFF_INQUIRY = `mutation Inquire($channel: StaffInquiryChannel!, $policyNumber: String!, $idNumber: String!, $queryPassword: String!) {
  assistedPolicyInquiry(channel: $channel, policyNumber: $policyNumber, idNumber: $idNumber, queryPassword: $queryPassword) { ${SUMMARY} }
}`;

export const RESET = `mutation Reset($policyId: ID!, $idNumber: String!, $identityCheck: IdentityCheck!, $newPassword: String) {
  resetQueryPassword(policyId: $policyId, idNumber: $idNumber, identityCheck: $identityCheck, newPassword: $newPassword) { policyId setAt temporaryPassword unlocked }
}`;

export const SETTINGS = '{ inquirySettings { id version maxFailures failureWindowMinutes lockMinutes minResponseMs channelKeyPerMinute ipPerMinute staffPerMinute reminderDays } }';

export interface PolicyWithHolder {
  id: string;
  policyNumber: string;
  branchId: number;
  branchCode: string;
  holderId: number;
  holderIdNumber: string;
  insuredIdNumber: string;
}

/** In-force policies of a branch with their parties' ID numbers in clear (read through the entity, which decrypts). */
export async function policiesOf(server: TestServer, branchCode: string, count = 3): Promise<PolicyWithHolder[]> {
  const [branch]: { id: number }[] = await server.db.query('SELECT id FROM branch WHERE code = ?', [branchCode]);
  const policies = await server.db.getRepository(Policy).find({ where: { branchId: Number(branch.id) }, order: { id: 'ASC' }, take: count });
  const out: PolicyWithHolder[] = [];
  for (const p of policies) {
    const holder = await server.db.getRepository(Customer).findOneByOrFail({ id: p.holderId });
    const insured = await server.db.getRepository(Customer).findOneByOrFail({ id: p.insuredId });
    out.push({ id: String(p.id), policyNumber: p.policyNumber, branchId: p.branchId, branchCode, holderId: p.holderId, holderIdNumber: holder.idNumber, insuredIdNumber: insured.idNumber });
  }
  return out;
}

/** Sets a known query password through the console, as a manager of the policy's branch after checking the ID document. */
export async function setQueryPassword(manager: GqlClient, policy: PolicyWithHolder, password: string): Promise<void> {
  await manager.ok(RESET, { policyId: policy.id, idNumber: policy.holderIdNumber, identityCheck: 'id_document_at_counter', newPassword: password });
}

/** A channel request carrying a key in the X-Channel-Key header. */
export async function channelRequest<T = Record<string, any>>(url: string, key: string | null, query: string, variables: Record<string, unknown>): Promise<GqlResult<T> & { ms: number }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };
  if (key) headers['x-channel-key'] = key;
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: GqlResult['errors'] };
  return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers, ms: performance.now() - started };
}

export async function createChannelKey(admin: GqlClient, channel: 'website' | 'app', label = `${channel} key`): Promise<{ id: string; secret: string }> {
  const data = await admin.ok<{ createInquiryChannelKey: { key: { id: string }; secret: string } }>(
    'mutation K($channel: InquiryChannel!, $label: String!) { createInquiryChannelKey(channel: $channel, label: $label) { key { id } secret } }',
    { channel, label },
  );
  return { id: data.createInquiryChannelKey.key.id, secret: data.createInquiryChannelKey.secret };
}

/** Makes every answer quick but still padded, so the suites stay fast; returns the settings after. */
export async function tuneSettings(client: GqlClient, changes: Record<string, number>): Promise<Record<string, number>> {
  const { inquirySettings } = await client.ok(SETTINGS);
  const names = Object.keys(changes);
  const decl = ['$version: Int!', ...names.map((n) => `$${n}: Int`)].join(', ');
  const pass = ['version: $version', ...names.map((n) => `${n}: $${n}`)].join(', ');
  const data = await client.ok(`mutation S(${decl}) { updateInquirySettings(${pass}) { version ${names.join(' ')} } }`, { version: inquirySettings.version, ...changes });
  return data.updateInquirySettings;
}

export async function countOf(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await server.db.query(sql, params);
  return Number(rows[0].n);
}
