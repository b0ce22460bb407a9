import KeyIcon from '@mui/icons-material/PasswordOutlined';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { resetQueryPassword, serverErrorOf, type QueryPasswordReset } from './api';

const CHECKS = ['id_document_at_counter', 'video_call_with_id_document', 'hotline_security_questions'] as const;

/**
 * Sets a new query password once the customer's identity was checked another way (document at the
 * counter, video call, security questions); lifts a lock-out. The generated password is shown once.
 */
export const ResetQueryPasswordButton = ({ policyNumber, idNumber }: { policyNumber: string; idNumber: string }) => {
  const translate = useTranslate();
  const ability = useAbility();
  const [open, setOpen] = useState(false);
  if (!ability?.can('update', 'QueryPassword')) return null;
  return (
    <>
      <Button size="small" startIcon={<KeyIcon />} onClick={() => setOpen(true)} data-testid="reset-query-password">
        {translate('app.inquiry.desk.reset')}
      </Button>
      {open && <ResetDialog initialNumber={policyNumber} initialId={idNumber} onClose={() => setOpen(false)} />}
    </>
  );
};

const ResetDialog = ({ initialNumber, initialId, onClose }: { initialNumber: string; initialId: string; onClose: () => void }) => {
  const translate = useTranslate();
  const [policyNumber, setPolicyNumber] = useState(initialNumber);
  const [idNumber, setIdNumber] = useState(initialId);
  const [identityCheck, setIdentityCheck] = useState<string>('');
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<QueryPasswordReset | null>(null);
  useEffect(() => setError(null), [policyNumber, idNumber, identityCheck, newPassword]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await resetQueryPassword({ policyNumber, idNumber, identityCheck, newPassword });
      if (!done) setError(translate('app.inquiry.reset.not_found'));
      else setResult(done);
    } catch (e) {
      const server = serverErrorOf(e);
      setError(server.fields ? Object.values(server.fields).join('; ') : server.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.inquiry.reset.title')}</DialogTitle>
      <DialogContent>
        {result ? (
          <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="reset-result">
            <Alert severity="success">{translate('app.inquiry.reset.done')}</Alert>
            {result.unlocked && <Alert severity="info">{translate('app.inquiry.reset.unlocked')}</Alert>}
            {result.temporaryPassword && (
              <Typography variant="h6" sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
                {translate('app.inquiry.reset.temporary', { password: result.temporaryPassword })}
              </Typography>
            )}
          </Stack>
        ) : (
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('app.inquiry.reset.intro')}
            </Typography>
            <TextField size="small" label={translate('app.inquiry.desk.policy_number')} value={policyNumber} onChange={(e) => setPolicyNumber(e.target.value)} />
            <TextField size="small" label={translate('app.inquiry.desk.id_number')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />
            <TextField select size="small" label={translate('app.inquiry.reset.identity_check')} value={identityCheck} onChange={(e) => setIdentityCheck(e.target.value)}>
              {CHECKS.map((c) => (
                <MenuItem key={c} value={c}>
                  {translate(`app.enums.IdentityCheck.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              type="password"
              autoComplete="new-password"
              label={translate('app.inquiry.reset.new_password')}
              helperText={translate('app.inquiry.reset.new_password_help')}
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate(result ? 'ra.action.close' : 'ra.action.cancel')}
        </Button>
        {!result && (
          <Button variant="contained" onClick={submit} disabled={busy || !policyNumber.trim() || !idNumber.trim() || !identityCheck} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
            {translate('app.inquiry.reset.submit')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};
