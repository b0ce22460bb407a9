import { useTranslate, type TranslateFunction } from 'react-admin';
import type { ServerErrorDetail } from '../graphql/serverError';
import { detailMessages } from '../i18n/serverMessages';
import { fieldMessage } from '../providers/toHttpError';
import { serverErrorOf } from './api';

/** Server phrases of the password rules (server: auth/password-rules.ts), in the user's language. */
const PASSWORD_PHRASES: [RegExp, string][] = [
  [/^must be at least (\d+) characters/, 'too_short'],
  [/^must be at most (\d+) characters/, 'too_long'],
  [/^is one of the most common passwords/, 'common'],
  [/^must not be a short pattern repeated/, 'repeated'],
  [/^must not be a sequence/, 'sequence'],
  [/^must not contain your username/, 'username'],
  [/^must not be your name/, 'name'],
  [/^must not contain the name of this system/, 'system_name'],
  [/^must differ from the current password/, 'same'],
  [/^is not your current password/, 'not_current'],
];

export function translateFieldMessage(message: string, translate: TranslateFunction): string {
  for (const [pattern, key] of PASSWORD_PHRASES) {
    const match = pattern.exec(message);
    if (match) return translate(`app.rights.password_rules.${key}`, { n: match[1] ?? '', _: message });
  }
  return fieldMessage(message);
}

export interface ExplainedError {
  message: string;
  /** The server's own words where they carry the particulars (the separation-of-duties pair, the rule problems). */
  detail?: string;
  fields: Record<string, string>;
}

/** Reasons whose server message names what matters, for refusals without coded particulars: shown beside the translation. */
const DETAILED = new Set(['DUTY_CONFLICT', 'INVALID_INPUT', 'GRANT_WRONG_STATUS', 'STAFF_WRONG_STATUS', 'MFA_ENROLMENT_NOT_STARTED']);

/** A field's problem: its particulars (extensions.details) in the user's language when the server gave them, else its known phrase. */
function fieldText(field: string, text: string, details: ServerErrorDetail[] | undefined, translate: TranslateFunction): string {
  const particulars = detailMessages(details, translate, field);
  return particulars.length ? particulars.join('; ') : translateFieldMessage(text, translate);
}

export function explainError(error: unknown, translate: TranslateFunction): ExplainedError {
  const server = serverErrorOf(error);
  if (!server) return { message: (error as Error)?.message || translate('app.errors.network'), fields: {} };
  const fields = Object.fromEntries(Object.entries(server.fields ?? {}).map(([field, text]) => [field, fieldText(field, text, server.details, translate)]));
  if (server.code === 'INTERNAL') return { message: translate('app.errors.internal', { requestId: server.requestId ?? '—' }), fields };
  const byCode = translate(`app.errors.codes.${server.code}`, { _: server.message });
  const message = server.reason ? translate(`app.rights.errors.${server.reason}`, { _: translate(`app.errors.reasons.${server.reason}`, { _: byCode }) }) : byCode;
  if (server.fields) return { message, fields };
  // The particulars (which pair, whose access) worded in the user's language; else the server's own words.
  const particulars = detailMessages(server.details, translate);
  if (particulars.length) return { message, detail: particulars.join(' '), fields };
  const detail = server.reason && DETAILED.has(server.reason) && server.message !== message ? server.message : undefined;
  return { message, detail, fields };
}

export function useExplainError() {
  const translate = useTranslate();
  return (error: unknown) => explainError(error, translate);
}
