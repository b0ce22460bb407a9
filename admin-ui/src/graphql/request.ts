import { fromGraphQLError, type ServerError } from './serverError';

export const GRAPHQL_URL = '/graphql';

export class GraphQLRequestError extends Error {
  constructor(readonly serverError: ServerError) {
    super(serverError.message);
    this.name = 'GraphQLRequestError';
  }
}

/**
 * A plain GraphQL call for the few operations that must not go through the Apollo cache: signing in
 * and out, `me`. The session travels in the HttpOnly cookie; the console never sees or stores a token.
 */
export async function graphqlRequest<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphQLRequestError({ code: 'NETWORK', message: 'The server cannot be reached' });
  }
  let payload: { data?: T; errors?: Parameters<typeof fromGraphQLError>[0][] };
  try {
    payload = await response.json();
  } catch {
    throw new GraphQLRequestError({ code: 'INTERNAL', message: `Unexpected response (HTTP ${response.status})` });
  }
  if (payload.errors?.length) throw new GraphQLRequestError(fromGraphQLError(payload.errors[0]));
  if (!payload.data) throw new GraphQLRequestError({ code: 'INTERNAL', message: 'Empty response' });
  return payload.data;
}
