/** Access rights (issue 6): the audit trail viewer. */
export const auditEn = {
  audit: {
    verifying: 'Verifying the audit chain…',
    chain_ok: 'Audit chain intact: %{checked} entries verified.',
    chain_broken: 'Audit chain BROKEN (%{checked} entries checked).',
    first_broken: 'First broken entry:',
    verify_again: 'Verify again',
    entry: 'Entry',
    before_after: 'Before and after',
    masked_hint: 'Sensitive values are masked here as everywhere.',
    field: 'Field',
    before: 'Before',
    after: 'After',
    no_changes: 'No field changes recorded.',
  },
};
