import { graphqlRequest, GraphQLRequestError } from '../graphql/request';
import { findServerError, type ServerError } from '../graphql/serverError';

/**
 * The staff-access operations that are not plain CRUD (workflow steps, reports, the MFA set-up),
 * called with the session cookie like the rest of the console. Lists and single records go through
 * the data provider; these return exactly what each screen shows. Each screen folder has its own
 * api.ts (staff/, grants/, roles/, duties/, accessReviews/, audit/, account/); what they share is here.
 */
export const call = <T>(query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(query, variables);

export interface GrantRow {
  id: string;
  status: string;
  reason: string | null;
  validFrom: string | null;
  validUntil: string | null;
  inEffect: boolean | null;
  createdAt: string | null;
  revokeReason?: string | null;
  role: { id: string; name: string | null; label: string | null; highRisk: boolean | null } | null;
  staff?: { id: string; username: string | null; displayName: string | null } | null;
  grantedBy?: { id: string; displayName: string | null } | null;
  approvedBy?: { id: string; displayName: string | null } | null;
}

export const GRANT = `id status reason validFrom validUntil inEffect createdAt revokeReason
  role { id name label highRisk } staff { id username displayName } grantedBy { id displayName } approvedBy { id displayName }`;

/** The server's error inside whatever was thrown (our fetch helper or the data provider). */
export function serverErrorOf(error: unknown): ServerError | null {
  if (error instanceof GraphQLRequestError) return error.serverError;
  const body = (error as { body?: { serverError?: ServerError } } | null)?.body;
  return body?.serverError ?? findServerError(error);
}

