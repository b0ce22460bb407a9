import KeyIcon from '@mui/icons-material/PasswordOutlined';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { ActionDialog } from '../dataRights/ActionDialog';
import { resetQueryPassword, type QueryPasswordReset } from './api';

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
  const [result, setResult] = useState<QueryPasswordReset | null>(null);

  const submit = async () => {
    const done = await resetQueryPassword({ policyNumber, idNumber, identityCheck, newPassword });
    if (!done) throw new Error(translate('app.inquiry.reset.not_found'));
    setResult(done);
  };

  if (result) return <ResetResult result={result} onClose={onClose} />;
  return (
    <ActionDialog
      title={translate('app.inquiry.reset.title')}
      submitLabel={translate('app.inquiry.reset.submit')}
      canSubmit={!!policyNumber.trim() && !!idNumber.trim() && !!identityCheck}
      onSubmit={submit}
      onClose={onClose}
    >
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
    </ActionDialog>
  );
};

/** The reset is done: a generated password is shown this once. */
const ResetResult = ({ result, onClose }: { result: QueryPasswordReset; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.inquiry.reset.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="reset-result">
          <Alert severity="success">{translate('app.inquiry.reset.done')}</Alert>
          {result.unlocked && <Alert severity="info">{translate('app.inquiry.reset.unlocked')}</Alert>}
          {result.temporaryPassword && (
            <Typography variant="h6" sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
              {translate('app.inquiry.reset.temporary', { password: result.temporaryPassword })}
            </Typography>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
