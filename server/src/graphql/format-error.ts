import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger';
import { AppError } from './errors';
import type { RequestContext } from './context';
import { isUniqueViolation } from '../db/unique-violation';
import { databaseUnavailable, isDatabaseUnavailable } from '../security/database-outage';
import { tokenLimitError } from '../security/query-limits';

const KNOWN = new Set<string>(Object.values(ErrorCode));

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function flatten(issues: ValidationIssue[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = prefix ? `${prefix}.${issue.property}` : issue.property;
    if (issue.constraints) out[path] = Object.values(issue.constraints).join('; ');
    if (issue.children?.length) Object.assign(out, flatten(issue.children, path));
  }
  return out;
}

/** Argument and variable problems that GraphQL itself reports, turned into field → message. */
function fieldFromGraphqlMessage(message: string): Record<string, string> | null {
  const variable = /^Variable "\$(\w+)" got invalid value .*? at "([\w.[\]]+)"; (.*)$/s.exec(message);
  if (variable) return { [variable[2].replace(/^\w+\./, '')]: variable[3] };
  const variableTop = /^Variable "\$(\w+)" got invalid value .*?; (.*)$/s.exec(message);
  if (variableTop) return { [variableTop[1]]: variableTop[2] };
  const missingArg = /^Field "\w+" argument "(\w+)" of type ".*?" is required/.exec(message);
  if (missingArg) return { [missingArg[1]]: 'is required' };
  const unknownArg = /^Unknown argument "(\w+)" on field/.exec(message);
  if (unknownArg) return { [unknownArg[1]]: 'is not a field of this operation' };
  const notDefined = /^Field "(\w+)" is not defined by type "(\w+)"/.exec(message);
  if (notDefined) return { [notDefined[1]]: `is not a field of ${notDefined[2]}` };
  const argValue = /^Argument "(\w+)" has invalid value/.exec(message) ?? /^Expected value of type ".*?", found .*?; (.*)$/.exec(message);
  if (argValue) return { [argValue[1]]: message };
  return null;
}

/**
 * One formatter for every error: our own codes pass through; input problems become
 * BAD_USER_INPUT with per-field messages; anything else is masked behind the request id and logged.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  {
    const code = formatted.extensions?.code as string | undefined;
    const original = (error as { originalError?: { validationErrors?: ValidationIssue[] } })?.originalError;
    // TypeGraphQL 2 puts class-validator's issues in the error's extensions, not on the error itself.
    const validationErrors = original?.validationErrors ?? (formatted.extensions?.validationErrors as ValidationIssue[] | undefined);
    if (validationErrors) {
      const fields = flatten(validationErrors);
      const summary = Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ');
      return { message: `Invalid input: ${summary}`, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT, fields } };
    }
    const appError = original instanceof AppError ? original : error instanceof AppError ? error : null;
    if (appError) {
      // Its own extensions: Apollo re-labels errors reported during validation (a query limit) GRAPHQL_VALIDATION_FAILED.
      const { http: _http, ...extensions } = appError.extensions as Record<string, unknown>;
      return { message: appError.message, path: formatted.path, extensions };
    }
    const hardened = hardenedError(formatted, error);
    if (hardened) return hardened;
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
      const fields = fieldFromGraphqlMessage(formatted.message);
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...(fields ? { fields } : {}) },
      };
    }
    if (code && KNOWN.has(code) && code !== ErrorCode.INTERNAL) {
      return { message: formatted.message, path: formatted.path, extensions: { ...formatted.extensions, stacktrace: undefined } };
    }
    if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED' || code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE') {
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.INTERNAL } };
  }
}

const INTERNAL_MESSAGE = 'Internal error: quote the request id when reporting it';

const INTROSPECTION_REFUSED = /^GraphQL introspection is not allowed/;

/**
 * Answers that must not carry internals: a limit's number (the parser's token limit names it), the
 * database being away, and a unique key the service did not map itself (the driver's message holds
 * the duplicate value, e.g. an ID number's blind index or a username).
 */
function hardenedError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const tooBig = tokenLimitError(formatted);
  if (tooBig) return tooBig;
  const reasonOnly = (appError: AppError): GraphQLFormattedError => {
    const { http: _http, ...extensions } = appError.extensions as Record<string, unknown>;
    return { message: appError.message, path: formatted.path, extensions };
  };
  if (INTROSPECTION_REFUSED.test(formatted.message)) return reasonOnly(new AppError('INTROSPECTION_DISABLED'));
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (isDatabaseUnavailable(original)) return reasonOnly(databaseUnavailable());
  if (isUniqueViolation(original)) return reasonOnly(new AppError('DUPLICATE'));
  return null;
}

function isExpected(error: unknown): boolean {
  const original = (error as { originalError?: unknown }).originalError;
  if (original instanceof AppError || (original as { validationErrors?: unknown })?.validationErrors) return true;
  const code = (error as { extensions?: { code?: string } }).extensions?.code;
  return !!code && code !== 'INTERNAL_SERVER_ERROR';
}

/**
 * Unexpected errors are logged with the request id, and the masked error the client gets carries
 * that id, so a report can be matched to the log line without the client ever seeing internals.
 */
export function internalErrorPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isExpected(error)) logger.error({ err: (error as { originalError?: unknown }).originalError ?? error, requestId: contextValue.requestId }, 'internal error');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === ErrorCode.INTERNAL) (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
