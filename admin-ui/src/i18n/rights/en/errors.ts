/** Access rights (issue 6): refusals by reason, and the particulars of rule and separation-of-duties problems. */
export const errorsEn = {
  errors: {
    PASSWORD_CHANGE_REQUIRED: 'Choose a new password before going on.',
    MFA_CODE_REQUIRED: 'Enter the code from your authenticator app.',
    MFA_CODE_INVALID: 'The one-time code is wrong or has already been used.',
    MFA_ALREADY_ENROLLED: 'Two-step sign-in is already set up; an administrator can reset it for a new device.',
    MFA_ENROLMENT_NOT_STARTED: 'Start the set-up again: no set-up is waiting for a first code.',
    MFA_NOT_ENROLLED: 'Two-step sign-in is not set up for this account.',
    OWN_ACCOUNT: 'You cannot do this to your own account: ask another administrator.',
    STAFF_WRONG_STATUS: "This is not possible in the account's current status.",
    SELF_GRANT: 'Nobody grants a role to themselves: ask another administrator.',
    FOUR_EYES: 'A high-risk grant needs a second administrator: neither the one who granted it nor its holder may approve it.',
    GRANT_WRONG_STATUS: "This is not possible in the grant's current status.",
    DUTY_CONFLICT: 'Refused: this would break a separation-of-duties rule.',
    ROLE_BUILT_IN: 'Built-in roles cannot be deleted.',
    REVIEW_CLOSED: 'This access review is no longer open.',
    REVIEW_ITEM_DECIDED: 'This item has already been decided.',
    OWN_REVIEW: 'Nobody reviews their own access.',
    INVALID_INPUT: 'Some values are not valid.',
  },
};
