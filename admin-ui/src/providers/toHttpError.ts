import { HttpError } from 'react-admin';
import { detailMessages, knownServerMessage } from '../i18n/serverMessages';
import { ERROR_STATUS, findServerError, type ServerError } from '../graphql/serverError';
import { translate } from './i18nProvider';
import { MaskedValueError } from './payloads';

/** Body of every error the data provider rejects with; `errors` is react-admin's per-field format. */
export interface AppErrorBody {
  code: string;
  reason?: string;
  requestId?: string;
  serverError?: ServerError;
  errors?: Record<string, unknown>;
}

export function fieldMessage(message: string): string {
  const known = knownServerMessage(message);
  return known ? translate(known.key, { ...known.args, _: message }) : message;
}

function messageFor(server: ServerError): string {
  if (server.code === 'INTERNAL') return translate('app.errors.internal', { requestId: server.requestId ?? '—' });
  const fallback = translate(`app.errors.codes.${server.code}`, { _: server.message });
  const summary = server.reason ? translate(`app.errors.reasons.${server.reason}`, { _: fallback }) : fallback;
  // Particulars of a refusal that is not about one input (which pair, whose access) follow the summary.
  const particulars = server.fields ? [] : detailMessages(server.details, translate);
  return [summary, ...particulars].join(' ');
}

/** Field errors nested as react-admin's forms expect ("beneficiaries.0.name" stays a path). */
function fieldErrors(server: ServerError & { fields: Record<string, string> }, summary: string): Record<string, unknown> {
  const errors: Record<string, unknown> = { root: { serverError: summary } };
  for (const [field, message] of Object.entries(server.fields)) {
    const particulars = detailMessages(server.details, translate, field);
    errors[field] = particulars.length ? particulars.join('; ') : fieldMessage(message);
  }
  return errors;
}

/**
 * Every failure as an HttpError react-admin understands: a status from the API's error code, a
 * message in the user's language, and per-field errors in `body.errors`, which react-admin shows on
 * the fields themselves.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError && (error.body as AppErrorBody | undefined)?.code) return error;
  if (error instanceof MaskedValueError) {
    const errors = Object.fromEntries(error.fields.map((field) => [field, translate('app.validation.masked_value')]));
    const message = translate('app.errors.codes.BAD_USER_INPUT');
    return new HttpError(message, 400, { code: 'BAD_USER_INPUT', errors: { ...errors, root: { serverError: message } } } satisfies AppErrorBody);
  }
  const server = findServerError(error);
  if (!server) {
    const status = (error as { status?: number } | null)?.status;
    return new HttpError(translate('app.errors.network'), status && status >= 400 ? status : 0, { code: 'NETWORK' } satisfies AppErrorBody);
  }
  const message = messageFor(server);
  const body: AppErrorBody = { code: server.code, reason: server.reason, requestId: server.requestId, serverError: server };
  if (server.fields && Object.keys(server.fields).length) body.errors = fieldErrors({ ...server, fields: server.fields }, message);
  return new HttpError(message, ERROR_STATUS[server.code] ?? 500, body);
}

/** A stale `version`: someone else saved the record since this form loaded it. */
export function isStaleVersion(error: unknown): boolean {
  const body = (error as HttpError | null)?.body as AppErrorBody | undefined;
  return body?.reason === 'STALE_VERSION' || (body?.code === 'CONFLICT' && !body.errors);
}
