import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { calendarEn } from './calendar/en';
import { errorsEn } from './errors/en';
import { recordsEn } from './records/en';
import { complaintsEn } from './complaints/en';
import { deadlinePolicyEn } from './deadlinePolicy/en';
import { notificationsEn } from './notifications/en';
import { rightsEn } from './rights/en';
import { inquiryEn } from './inquiry/en';
import { dataRightsEn } from './dataRights/en';
import { reportsEn } from './reports/en';
import { qualityEn } from './quality/en';
import { widgetsEn } from '../dashboard/messages';
import { COUNT_LIMIT_TEXT } from '../providers/countLimit';

/** Our own messages in English; react-admin's come from ra-language-english. */
export const enApp = {
  app: {
    name: 'InsureDesk',
    roles: {
      agent: 'Service agent',
      manager: 'Service manager',
      inspector: 'Quality inspector',
      compliance: 'Compliance officer',
      admin: 'System administrator',
      none: 'No role',
    },
    auth: {
      title: 'Sign in',
      subtitle: 'Use your InsureDesk staff account.',
      hero_title: 'Customer service back office',
      hero_text: 'Customers, policies and renewals in one place, with every access to personal data checked and audited.',
      footer: 'For authorised staff only. Every sign-in and every access to personal data is recorded.',
      otp: 'One-time code (optional)',
      otp_help: 'Only for accounts with two-step sign-in',
      signing_in: 'Signing in…',
      session_expired: 'Your session has ended. Please sign in again.',
      errors: {
        failed: 'Wrong username or password.',
        locked: 'Too many failed attempts: the account is locked for a while. Try again later or ask an administrator.',
        inactive: 'This account is not active. Ask an administrator.',
        rate_limited: 'Too many attempts. Wait a moment and try again.',
        network: 'The server cannot be reached. Check the connection and try again.',
        unknown: 'Sign-in failed. Try again.',
      },
    },
    menu: { renewals: 'Renewals due', complaint_policy: 'Deadline policy' },
    common: { consented: 'Given', not_consented: 'Not given' },
    list: {
      empty: 'Nothing here yet.',
      invite: 'Create the first one now.',
      no_create: 'Records appear here once they are created.',
    },
    form: {
      masked_help: 'Masked: leave it to keep the value, or type the full new one',
      derive_from_id: 'Blank: taken from the resident ID',
      marketing_help: 'Customer agrees to receive marketing',
      sharing_help: 'Customer agrees to sharing under agreements',
      code_format: 'Capital letters, digits and dashes only',
      no_customer_found: 'No customer found: search by name, full ID number or phone',
      beneficiaries_help: 'Shares must add up to 100%. Leave empty for statutory heirs.',
    },
    validation: {
      masked_value: 'Type the complete value: masked characters (*) cannot be saved',
    },
    reveal: {
      show: 'Show %{field} in full',
      hide: 'Hide again',
      title: 'Show %{field} in full',
      explanation: 'The full value is shown in this view only, and the access is recorded in the audit log with your reason.',
      reason: 'Reason',
      reason_help: 'At least %{min} characters, e.g. the call or case you are handling',
      common_reasons: 'Common reasons',
      reasons: {
        hotline: 'Verifying the caller’s identity on the hotline',
        counter: 'Customer at the branch counter',
        claim: 'Checking claim documents',
        correction: 'Customer asked to correct their data',
      },
      confirm: 'Show',
      failed: 'The value could not be shown.',
    },
    export: {
      done: 'Exported %{rows} rows.',
      failed: 'The export failed.',
    },
    ...errorsEn,
    ...recordsEn.messages,
    widgets: widgetsEn,
    dashboard: {
      morning: 'Good morning, %{name}',
      afternoon: 'Good afternoon, %{name}',
      evening: 'Good evening, %{name}',
      subtitle: '%{date} · %{roles} · %{branch}',
      new_customer: 'New customer',
      customers: 'Customers',
      policies_in_force: 'Policies in force',
      renewals_30: 'Renewals due in 30 days',
      overdue: 'Premiums overdue',
      upcoming_renewals: 'Renewals due soon',
      view_all: 'All %{count}',
      no_renewals: 'No renewals due in the next 30 days.',
      no_data_access: 'Your role has no access to customer or policy data.',
      no_data_access_detail: 'System administrators manage staff accounts and access rights; they never see customer data.',
      reminders_title: 'Working rules',
      reminders: {
        verify: 'Verify the caller (policy number, ID number and query password) before answering any policy inquiry.',
        reveal: 'Personal data is masked. Reveal a value only when the case needs it: each reveal is audited with its reason.',
        conflict: 'If someone else saves a record you are editing, the console reloads it: check, then make your change again.',
      },
    },
    complaints: complaintsEn.messages,
    calendar: calendarEn.messages,
    notifications: notificationsEn,
    deadline_policy: deadlinePolicyEn.messages,
    rights: rightsEn.messages,
    inquiry: inquiryEn.messages,
    data_rights: dataRightsEn.messages,
    reports: reportsEn.messages,
    quality: qualityEn.messages,
    enums: {
      ...recordsEn.enums,
      ...complaintsEn.enums,
      ...calendarEn.enums,
      ...deadlinePolicyEn.enums,
      ...rightsEn.enums,
      ...inquiryEn.enums,
      ...dataRightsEn.enums,
      ...qualityEn.enums,
    },
  },
  resources: {
    ...recordsEn.resources,
    complaints: complaintsEn.resource,
    calendarDays: calendarEn.resource,
    ...rightsEn.resources,
    ...inquiryEn.resources,
    ...dataRightsEn.resources,
    ...qualityEn.resources,
    branches: {
      name: 'Branch |||| Branches',
      fields: { name: 'Name', code: 'Code', region: 'Region' },
    },
  },
};

/** Lists count up to COUNT_LIMIT: past it the page says how far the count went. */
const raEn = {
  ...englishMessages.ra,
  navigation: { ...englishMessages.ra.navigation, partial_page_range_info: `%{offsetBegin}-%{offsetEnd} of more than ${COUNT_LIMIT_TEXT.en}` },
};

export const en: TranslationMessages = { ...englishMessages, ra: raEn, ...enApp } as TranslationMessages;
