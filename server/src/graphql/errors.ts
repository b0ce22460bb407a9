import { GraphQLError } from 'graphql';

/** The error classes every client can rely on, in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** Domain reasons, in `extensions.reason`, each with the message a user sees. */
export const REASONS = {
  SIGN_IN_FAILED: [ErrorCode.UNAUTHENTICATED, 'Wrong username or password'],
  ACCOUNT_LOCKED: [ErrorCode.UNAUTHENTICATED, 'Too many failed sign-ins: the account is locked for a while'],
  SESSION_REQUIRED: [ErrorCode.UNAUTHENTICATED, 'Please sign in'],
  SESSION_EXPIRED: [ErrorCode.UNAUTHENTICATED, 'Your session has ended: please sign in again'],
  NOT_ALLOWED: [ErrorCode.FORBIDDEN, 'You are not allowed to do this'],
  FIELDS_NOT_ALLOWED: [ErrorCode.FORBIDDEN, 'You are not allowed to set these fields'],
  FIELD_NOT_READABLE: [ErrorCode.FORBIDDEN, 'You cannot filter or sort on a field you cannot read'],
  NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such record'],
  INVALID_INPUT: [ErrorCode.BAD_USER_INPUT, 'Some fields are not valid'],
  STALE_VERSION: [ErrorCode.CONFLICT, 'Someone else changed this record: reload it and try again'],
  DUPLICATE: [ErrorCode.CONFLICT, 'A record with this value already exists'],
  IN_USE: [ErrorCode.CONFLICT, 'The record is still referenced by other records'],
  TOO_MANY_REQUESTS: [ErrorCode.RATE_LIMITED, 'Too many requests: slow down and try again shortly'],
  // Request hardening: none of these messages names a limit or echoes the query.
  QUERY_TOO_COMPLEX: [ErrorCode.BAD_USER_INPUT, 'This query is too large or too complex: ask for fewer fields, aliases or levels at once'],
  PAGE_TOO_LARGE: [ErrorCode.BAD_USER_INPUT, 'Too many rows asked for at once: ask for a smaller page'],
  INTROSPECTION_DISABLED: [ErrorCode.FORBIDDEN, 'Schema introspection is not available here'],
  DATABASE_UNAVAILABLE: [ErrorCode.DATABASE_UNAVAILABLE, 'The database cannot be reached right now: try again shortly'],
  COMPLAINT_WRONG_STATE: [ErrorCode.CONFLICT, "This step is not possible in the complaint's current state"],
  COMPLAINT_STEP_NOT_APPLICABLE: [ErrorCode.CONFLICT, 'This step does not apply to this complaint'],
  COMPLAINT_OWN_PROPOSAL: [ErrorCode.FORBIDDEN, 'You cannot approve or reject a resolution you proposed yourself'],
  COMPLAINT_ABOVE_AUTHORITY: [ErrorCode.FORBIDDEN, 'The compensation is above your approval authority'],
  COMPLAINT_NUMBERS_EXHAUSTED: [ErrorCode.CONFLICT, 'All 9999 complaint numbers of that day are taken'],
  PASSWORD_CHANGE_REQUIRED: [ErrorCode.FORBIDDEN, 'Choose a new password before going on (changePassword)'],
  MFA_CODE_REQUIRED: [ErrorCode.UNAUTHENTICATED, 'Enter the 6-digit code from your authenticator app, or a recovery code'],
  MFA_CODE_INVALID: [ErrorCode.UNAUTHENTICATED, 'The one-time code is wrong or has already been used'],
  MFA_ALREADY_ENROLLED: [ErrorCode.CONFLICT, 'Multi-factor sign-in is already set up; an administrator can reset it for a new device'],
  MFA_ENROLMENT_NOT_STARTED: [ErrorCode.CONFLICT, 'Start the multi-factor set-up again: none is waiting for a first code'],
  MFA_NOT_ENROLLED: [ErrorCode.CONFLICT, 'Multi-factor sign-in is not set up for this account'],
  OWN_ACCOUNT: [ErrorCode.FORBIDDEN, 'You cannot do this to your own account: ask another administrator'],
  STAFF_WRONG_STATUS: [ErrorCode.CONFLICT, "This is not possible in the account's current status"],
  SELF_GRANT: [ErrorCode.FORBIDDEN, 'Nobody grants a role to themselves: ask another administrator'],
  FOUR_EYES: [ErrorCode.FORBIDDEN, 'A high-risk grant needs a second administrator: neither the one who granted it nor its holder may approve it'],
  GRANT_WRONG_STATUS: [ErrorCode.CONFLICT, "This is not possible in the grant's current status"],
  DUTY_CONFLICT: [ErrorCode.FORBIDDEN, 'This would break a separation-of-duties rule'],
  ROLE_BUILT_IN: [ErrorCode.CONFLICT, 'Built-in roles cannot be deleted'],
  REVIEW_CLOSED: [ErrorCode.CONFLICT, 'This access review is no longer open'],
  REVIEW_ITEM_DECIDED: [ErrorCode.CONFLICT, 'This review item has already been decided'],
  OWN_REVIEW: [ErrorCode.FORBIDDEN, 'Nobody reviews their own access'],
  // Policy inquiry: one answer for every wrong part, so the caller never learns which one it was.
  VERIFICATION_FAILED: [ErrorCode.FORBIDDEN, 'Verification failed'],
  INQUIRY_LOCKED: [ErrorCode.RATE_LIMITED, 'Too many failed verifications for this policy number: inquiry is locked for a while'],
  CHANNEL_KEY_INVALID: [ErrorCode.UNAUTHENTICATED, 'A valid channel key is required (X-Channel-Key header)'],
  CHANNEL_KEY_LIMIT: [ErrorCode.CONFLICT, 'This channel already has two active keys: retire the old one first'],
  CHANNEL_KEY_RETIRED: [ErrorCode.CONFLICT, 'This channel key is already retired'],
  CUSTOMER_RESTRICTED: [ErrorCode.CONFLICT, 'The customer asked for deletion: their data is kept but no longer processed'],
  REQUEST_WRONG_STATUS: [ErrorCode.CONFLICT, "This is not possible in the request's current status"],
  // Quality inspection and the rectification ledger.
  QUALITY_WRONG_STATE: [ErrorCode.CONFLICT, "This step is not possible in the inspection's current state"],
  QUALITY_PUBLISHED: [ErrorCode.CONFLICT, 'A published report cannot change: correct it with a new version'],
  QUALITY_CORRECTION_OPEN: [ErrorCode.CONFLICT, 'A correction of this report is already under way'],
  QUALITY_TEMPLATE_NOT_CURRENT: [ErrorCode.CONFLICT, 'Only the newest revision of a template can be edited'],
  QUALITY_SELF_INSPECTION: [ErrorCode.FORBIDDEN, 'Nobody inspects their own work'],
  QUALITY_NOT_INSPECTOR: [ErrorCode.FORBIDDEN, "Only the inspection's inspector can change it"],
  QUALITY_OWN_REVIEW: [ErrorCode.FORBIDDEN, 'An inspection is reviewed by someone other than its inspector'],
  RECTIFICATION_WRONG_STATE: [ErrorCode.CONFLICT, "This step is not possible in the rectification's current state"],
  RECTIFICATION_NOT_OWNER: [ErrorCode.FORBIDDEN, 'Only the owner of the rectification takes this step'],
  RECTIFICATION_OWN_VERIFY: [ErrorCode.FORBIDDEN, 'The owner of a rectification cannot verify or reopen it'],
} as const satisfies Record<string, readonly [ErrorCode, string]>;

export type Reason = keyof typeof REASONS;

/**
 * One particular of a refusal, in `extensions.details`: a stable code and its parameters, so a client
 * can word it in its user's language, with the English `message` the API also puts in the error's text.
 * `field` names the input it is about, when there is one.
 */
export interface ErrorDetail {
  code: string;
  params: Record<string, string | number>;
  message: string;
  field?: string;
}

export class AppError extends GraphQLError {
  readonly reason: Reason;

  constructor(reason: Reason, options: { message?: string; fields?: Record<string, string>; details?: ErrorDetail[]; extensions?: Record<string, unknown> } = {}) {
    const [code, message] = REASONS[reason];
    super(options.message ?? message, {
      extensions: { ...options.extensions, code, reason, ...(options.fields ? { fields: options.fields } : {}), ...(options.details?.length ? { details: options.details } : {}) },
    });
    this.reason = reason;
  }

  get code(): ErrorCode {
    return REASONS[this.reason][0];
  }
}

/** Bad input: one message per field, all of them at once. */
export function invalidInput(fields: Record<string, string>, details?: ErrorDetail[]): AppError {
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  return new AppError('INVALID_INPUT', { message: `Invalid input: ${summary}`, fields, details });
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('NOT_ALLOWED');
