/** One GraphQL error as the API formats it (server/src/graphql/format-error.ts). */
export interface ServerError {
  message: string;
  code: string;
  reason?: string;
  fields?: Record<string, string>;
  requestId?: string;
  /** The particulars of a refusal: codes with parameters, worded in the user's language by the console (i18n/serverMessages.ts). */
  details?: ServerErrorDetail[];
}

/** One particular of a refusal (server: graphql/errors.ts ErrorDetail); `message` is the API's English. */
export interface ServerErrorDetail {
  code: string;
  params: Record<string, string | number>;
  message: string;
  field?: string;
}

export const ERROR_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

interface RawGraphQLError {
  message?: string;
  extensions?: { code?: unknown; reason?: unknown; fields?: unknown; requestId?: unknown; details?: unknown };
}

export function fromGraphQLError(raw: RawGraphQLError): ServerError {
  const ext = raw.extensions ?? {};
  return {
    message: raw.message ?? 'Unknown error',
    code: typeof ext.code === 'string' ? ext.code : 'INTERNAL',
    reason: typeof ext.reason === 'string' ? ext.reason : undefined,
    fields: ext.fields && typeof ext.fields === 'object' ? (ext.fields as Record<string, string>) : undefined,
    requestId: typeof ext.requestId === 'string' ? ext.requestId : undefined,
    details: Array.isArray(ext.details) ? (ext.details as ServerErrorDetail[]).filter((d) => d && typeof d.code === 'string') : undefined,
  };
}

/**
 * The first server error inside whatever a client library threw: Apollo wraps them in
 * `graphQLErrors` (or, for an HTTP 400, in `networkError.result`), ra-data-graphql wraps Apollo's error in an HttpError body, our own fetch
 * helper throws a GraphQLRequestError.
 */
export function findServerError(error: unknown): ServerError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { serverError?: ServerError; graphQLErrors?: RawGraphQLError[]; body?: unknown; errors?: RawGraphQLError[]; networkError?: { result?: unknown } | null };
  if (e.serverError) return e.serverError;
  if (Array.isArray(e.graphQLErrors) && e.graphQLErrors.length) return fromGraphQLError(e.graphQLErrors[0]);
  // A request the server refuses before running it (a variable of the wrong type) comes back as HTTP 400, which Apollo files as a network error.
  const refused = (e.networkError?.result as { errors?: RawGraphQLError[] } | undefined)?.errors;
  if (Array.isArray(refused) && refused.length) return fromGraphQLError(refused[0]);
  if (Array.isArray(e.errors) && e.errors.length && e.errors[0]?.extensions) return fromGraphQLError(e.errors[0]);
  if (e.body && e.body !== error) return findServerError(e.body);
  return null;
}
