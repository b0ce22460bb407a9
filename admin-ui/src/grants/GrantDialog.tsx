import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { useTimezone } from '../common/useStaff';
import { fromLocalInput } from '../common/zonedTime';
import type { GrantRow } from '../rights/api';
import { createGrant } from './api';
import { ErrorAlert, roleOptionText } from '../rights/common';
import { StaffPicker, type StaffOption } from '../rights/StaffPicker';
import { useExplainError, type ExplainedError } from '../rights/errors';

/**
 * A role granted to a staff member with a reason, optionally for a period. The server refuses a
 * grant to oneself and one that breaks a separation-of-duties pair (naming the pair, shown here);
 * a high-risk role waits for a second administrator.
 */
export const GrantDialog = ({ open, staff, onClose, onGranted }: { open: boolean; staff?: StaffOption; onClose: () => void; onGranted: (grant: GrantRow) => void }) => {
  const translate = useTranslate();
  const explain = useExplainError();
  const timeZone = useTimezone();
  const { data: roles } = useGetList('roles', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } }, { enabled: open });
  const [picked, setPicked] = useState<StaffOption | null>(null);
  const [roleId, setRoleId] = useState('');
  const [reason, setReason] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplainedError | null>(null);
  const target = staff ?? picked;
  const role = roles?.find((r) => String(r.id) === roleId);

  const reset = () => {
    setPicked(null);
    setRoleId('');
    setReason('');
    setValidFrom('');
    setValidUntil('');
    setError(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };
  const submit = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const grant = await createGrant({
        staffId: target.id,
        roleId,
        reason: reason.trim(),
        validFrom: validFrom ? (fromLocalInput(validFrom, timeZone)?.toISOString() ?? null) : null,
        validUntil: validUntil ? (fromLocalInput(validUntil, timeZone)?.toISOString() ?? null) : null,
      });
      reset();
      onGranted(grant);
      onClose();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="grant-dialog">
      <DialogTitle>{staff ? translate('app.rights.grants.grant_to', { name: staff.displayName ?? staff.username ?? '' }) : translate('app.rights.grants.grant_title')}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} testId="grant-error" />
        <Stack spacing={2} sx={{ mt: 1 }}>
          {!staff && <StaffPicker value={picked} onChange={setPicked} name="staffId" label="resources.roleGrants.fields.staffId" />}
          <TextField select name="roleId" label={translate('resources.roleGrants.fields.roleId')} value={roleId} onChange={(e) => setRoleId(e.target.value)} fullWidth data-testid="grant-role">
            {(roles ?? []).map((r) => (
              <MenuItem key={r.id} value={String(r.id)}>
                {roleOptionText(translate)(r)}
                {r.highRisk ? ` · ${translate('app.rights.roles.high_risk')}` : ''}
              </MenuItem>
            ))}
          </TextField>
          {role?.highRisk && (
            <Alert severity="warning" data-testid="four-eyes-hint">
              {translate('app.rights.grants.four_eyes_hint')}
            </Alert>
          )}
          <TextField name="reason" label={translate('resources.roleGrants.fields.reason')} helperText={translate('app.rights.grants.reason_help')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} fullWidth />
          <Stack direction="row" spacing={2}>
            <TextField name="validFrom" type="datetime-local" label={translate('resources.roleGrants.fields.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} helperText={translate('app.rights.grants.valid_from_help')} slotProps={{ inputLabel: { shrink: true } }} fullWidth />
            <TextField name="validUntil" type="datetime-local" label={translate('resources.roleGrants.fields.validUntil')} value={validUntil} onChange={(e) => setValidUntil(e.target.value)} helperText={translate('app.rights.grants.valid_until_help')} slotProps={{ inputLabel: { shrink: true } }} fullWidth />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy || !target || !roleId || reason.trim().length < 2} data-testid="grant-confirm">
          {translate('app.rights.grants.grant')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
