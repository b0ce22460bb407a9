import type { ServerErrorDetail } from '../graphql/serverError';

/**
 * The API explains field problems in short English phrases (server: customer.rules.ts, id-number.ts,
 * policy.rules.ts, complaint.rules.ts, calendar.service.ts, class-validator messages). Known phrases map to our message keys so they can be
 * shown in the user's language; anything else is shown as the server wrote it.
 */
const PATTERNS: [RegExp, string, string[]][] = [
  [/^is required$/, 'required', []],
  [/^check digit does not match$/, 'check_digit', []],
  [/^check character does not match$/, 'check_character', []],
  [/^must be 18 characters$/, 'length_18', []],
  [/^must be 17 digits followed by a digit or X$/, 'resident_id_format', []],
  [/^area code (\w+) is not valid$/, 'area_code', ['code']],
  [/^birth date (\d+) is not a real date$/, 'birth_not_real', ['date']],
  [/^birth date (\d+) is before 1900$/, 'birth_before_1900', ['date']],
  [/^birth date (\d+) is in the future$/, 'birth_in_future', ['date']],
  [/^must be 5 to 17 letters or digits$/, 'passport_format', []],
  [/^must be H or M followed by 8 or 10 digits$/, 'hk_macao_format', []],
  [/^must be 8 digits or 10 letters and digits$/, 'taiwan_format', []],
  [/^character (.+) is not allowed in a credit code$/, 'credit_code_char', ['char']],
  [/^a group customer is identified by its unified social credit code$/, 'group_needs_credit_code', []],
  [/^a group customer has no gender$/, 'group_no_gender', []],
  [/^a group customer has no birth date$/, 'group_no_birth_date', []],
  [/^an individual cannot be identified by a unified social credit code$/, 'individual_no_credit_code', []],
  [/^does not match the ID number$/, 'mismatch_id_number', []],
  [/^cannot be in the future$/, 'not_in_future', []],
  [/^must be a mobile number/, 'phone_format', []],
  [/^must be an e-mail address$/, 'email_format', []],
  [/^must be a real date written YYYY-MM-DD$/, 'date_format', []],
  [/^no such branch$/, 'no_such_branch', []],
  [/^no such customer$/, 'no_such_customer', []],
  [/^already registered$/, 'already_registered', []],
  [/^already exists$/, 'already_exists', []],
  [/^must be after the effective date$/, 'after_effective_date', []],
  [/^shares must add up to 100 \(they add up to (\d+)\)$/, 'shares_total', ['total']],
  [/^cannot exceed the sum insured$/, 'premium_over_sum', []],
  [/^must be 6–32 capital letters, digits or dashes$/, 'policy_number_format', []],
  [/^must be 2–32 capital letters, digits or dashes$/, 'product_code_format', []],
  [/^not readable for your role$/, 'not_readable', []],
  [/^not allowed for your role$/, 'not_allowed', []],
  // class-validator's own wording ("summary must be longer than or equal to 2 characters").
  [/^\w+ must be longer than or equal to (\d+) characters$/, 'min_length', ['min']],
  [/^\w+ must be shorter than or equal to (\d+) characters$/, 'max_length', ['max']],
  [/^\w+ must not be less than (-?\d+)$/, 'min_value', ['min']],
  [/^\w+ must not be greater than (-?\d+)$/, 'max_value', ['max']],
  // Complaints (complaint.rules.ts, complaint-intake.service.ts) and the holiday calendar (calendar.service.ts).
  [/^is required unless the complainant is linked to a customer$/, 'complainant_name_required', []],
  [/^give a phone number, e-mail or address, or link the complainant to a customer$/, 'complainant_contact_required', []],
  [/^is required for a complaint transferred by the regulator$/, 'regulator_required', []],
  [/^is required for a complaint transferred by the regulator: the regulator's deadline$/, 'regulator_deadline_required', []],
  [/^must be after the time received$/, 'after_received', []],
  [/^only a complaint transferred by the regulator has a regulator reference$/, 'regulator_only_reference', []],
  [/^only a complaint transferred by the regulator has a regulator deadline$/, 'regulator_only_deadline', []],
  [/^is a masked value/, 'masked_complainant', []],
  [/^the complaint number carries the day received/, 'received_day_fixed', []],
  [/^no such policy$/, 'no_such_policy', []],
  [/^no such active staff member$/, 'no_such_staff', []],
  [/^this staff member cannot work on complaints of this branch$/, 'staff_cannot_handle', []],
  [/^is already the handler$/, 'already_handler', []],
  [/^already in the calendar$/, 'already_in_calendar', []],
  [/^a make-up working day must be a Saturday or Sunday/, 'workday_weekend', []],
];

export interface KnownMessage {
  key: string;
  args: Record<string, string>;
}

export function knownServerMessage(message: string): KnownMessage | null {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(message.trim());
    if (match) return { key: `app.server.${key}`, args: Object.fromEntries(names.map((name, i) => [name, match[i + 1]])) };
  }
  return null;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The particulars of a refusal (extensions.details) in the user's language: each code is a message key
 * under app.server.details with the detail's parameters; a code the console does not know yet is shown
 * in the API's English. `field` keeps only the particulars of one input.
 */
export function detailMessages(details: ServerErrorDetail[] | undefined, translate: Translate, field?: string): string[] {
  return (details ?? []).filter((d) => field === undefined || d.field === field).map((d) => translate(`app.server.details.${d.code}`, { ...d.params, _: d.message }));
}
