import SaveIcon from '@mui/icons-material/Save';
import { Button, Card, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { accessPolicy, updateAccessPolicy, type AccessPolicySettings } from './api';
import { ErrorAlert } from '../rights/common';
import { useExplainError, type ExplainedError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';

/**
 * The access policy's two numbers: after how many days without a sign-in an account is dormant, and
 * how many days before a review deadline reviewers are reminded. Editable by administrators; the server
 * checks the version, validates and audits the change.
 */
export const AccessPolicyCard = ({ onSaved }: { onSaved?: (policy: AccessPolicySettings) => void }) => {
  const translate = useTranslate();
  const explain = useExplainError();
  const notify = useNotify();
  const ability = useAbility();
  const policy = useLoad(accessPolicy, []);
  const [dormant, setDormant] = useState('');
  const [reminder, setReminder] = useState('');
  const [error, setError] = useState<ExplainedError | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!policy.data) return;
    setDormant(String(policy.data.dormantAfterDays));
    setReminder(String(policy.data.reviewReminderDays));
  }, [policy.data]);
  if (!policy.data) return policy.error ? <ErrorAlert error={explain(policy.error)} /> : null;
  const canEdit = !!ability?.can('update', 'AccessPolicy');
  const unchanged = dormant === String(policy.data.dormantAfterDays) && reminder === String(policy.data.reviewReminderDays);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await updateAccessPolicy(policy.data!.version, { dormantAfterDays: Number(dormant), reviewReminderDays: Number(reminder) });
      notify('app.rights.access_policy.saved', { type: 'success' });
      policy.reload();
      onSaved?.(saved);
    } catch (e) {
      setError(explain(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card variant="outlined" sx={{ mt: 2, p: 2 }} data-testid="access-policy">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('app.rights.access_policy.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.rights.access_policy.subtitle')}
      </Typography>
      <Stack direction="row" spacing={2} alignItems="flex-start">
        <TextField size="small" type="number" name="dormantAfterDays" label={translate('app.rights.access_policy.dormant_after_days')} value={dormant} onChange={(e) => setDormant(e.target.value)} disabled={!canEdit} sx={{ width: 200 }} />
        <TextField size="small" type="number" name="reviewReminderDays" label={translate('app.rights.access_policy.review_reminder_days')} value={reminder} onChange={(e) => setReminder(e.target.value)} disabled={!canEdit} sx={{ width: 200 }} />
        {canEdit && (
          <Button variant="outlined" startIcon={<SaveIcon />} disabled={unchanged || saving} onClick={save} data-testid="access-policy-save">
            {translate('ra.action.save')}
          </Button>
        )}
      </Stack>
      {error && <ErrorAlert error={error} testId="access-policy-error" />}
    </Card>
  );
};
