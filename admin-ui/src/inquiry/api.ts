import { GraphQLRequestError, graphqlRequest } from '../graphql/request';
import type { ServerError } from '../graphql/serverError';

/** What a complete verification answers (server: inquiry.types.ts PolicySummary): the policy's state, no personal data. */
export interface PolicySummary {
  policyNumber: string;
  productName: string;
  line: string;
  status: string;
  effectiveDate: string;
  expiryDate: string;
  sumInsuredFen: number;
  premiumFen: number;
  paymentFrequency: string;
  paymentStatus: string;
  nextPremiumDueDate: string | null;
  inquiryId: string;
}

export interface InquiryLimits {
  maxFailures: number | null;
  failureWindowMinutes: number | null;
  lockMinutes: number | null;
}

const INQUIRE = `mutation Inquire($channel: StaffInquiryChannel!, $policyNumber: String!, $idNumber: String!, $queryPassword: String!) {
  assistedPolicyInquiry(channel: $channel, policyNumber: $policyNumber, idNumber: $idNumber, queryPassword: $queryPassword) {
    policyNumber productName line status effectiveDate expiryDate sumInsuredFen premiumFen paymentFrequency paymentStatus nextPremiumDueDate inquiryId
  }
}`;

export async function assistedInquiry(variables: { channel: string; policyNumber: string; idNumber: string; queryPassword: string }): Promise<PolicySummary> {
  const data = await graphqlRequest<{ assistedPolicyInquiry: PolicySummary }>(INQUIRE, variables);
  return data.assistedPolicyInquiry;
}

/** The lock-out thresholds (every role that makes or oversees inquiries may read these three); null when refused. */
export async function inquiryLimits(): Promise<InquiryLimits | null> {
  try {
    const data = await graphqlRequest<{ inquirySettings: InquiryLimits }>('query { inquirySettings { maxFailures failureWindowMinutes lockMinutes } }');
    return data.inquirySettings;
  } catch {
    return null;
  }
}

const FIND_POLICY = `query FindPolicy($filter: PolicyFilter) { allPolicies(perPage: 2, filter: $filter) { id policyNumber } }`;
const RESET = `mutation Reset($policyId: ID!, $idNumber: String!, $identityCheck: IdentityCheck!, $newPassword: String) {
  resetQueryPassword(policyId: $policyId, idNumber: $idNumber, identityCheck: $identityCheck, newPassword: $newPassword) { policyId setAt temporaryPassword unlocked }
}`;

export interface QueryPasswordReset {
  policyId: string;
  setAt: string;
  temporaryPassword: string | null;
  unlocked: boolean;
}

/** Resets a query password by policy number: the policy is looked up through the caller's own row rules first. */
export async function resetQueryPassword(input: { policyNumber: string; idNumber: string; identityCheck: string; newPassword?: string }): Promise<QueryPasswordReset | null> {
  const found = await graphqlRequest<{ allPolicies: { id: string; policyNumber: string }[] }>(FIND_POLICY, { filter: { policyNumber: input.policyNumber.trim() } });
  const policy = found.allPolicies.find((p) => p.policyNumber.toUpperCase() === input.policyNumber.trim().toUpperCase()) ?? found.allPolicies[0];
  if (!policy) return null;
  const data = await graphqlRequest<{ resetQueryPassword: QueryPasswordReset }>(RESET, {
    policyId: policy.id,
    idNumber: input.idNumber.trim(),
    identityCheck: input.identityCheck,
    newPassword: input.newPassword?.trim() || null,
  });
  return data.resetQueryPassword;
}

export function serverErrorOf(error: unknown): ServerError {
  if (error instanceof GraphQLRequestError) return error.serverError;
  return { code: 'INTERNAL', message: (error as Error)?.message ?? String(error) };
}
