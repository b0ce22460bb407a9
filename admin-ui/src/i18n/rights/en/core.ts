/** Access rights (issue 6): the words every access-rights screen uses: menu, sign-in, answers. */
export const coreEn = {
  yes: 'Yes',
  no: 'No',
  copy: 'Copy',
  copied: 'Copied',
  reason: 'Reason',
  reason_help: 'Required, at least 2 characters; kept in the audit trail',
  reason_optional: 'Optional; kept in the audit trail',
  menu: {
    access: 'Access rights',
    pending_grants: 'Grants to approve',
    who_can: 'Who can…',
    my_reviews: 'My access reviews',
    violations: 'Duty conflicts found',
    audit: 'Audit trail',
    account_security: 'Two-step sign-in',
    change_password: 'Change password',
  },
  login: {
    otp_required: 'Password accepted. Enter the 6-digit code from your authenticator app (or a recovery code).',
    otp_invalid: 'The one-time code is wrong or has already been used.',
  },
};
