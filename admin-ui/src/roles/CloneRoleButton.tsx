import ContentCopyIcon from '@mui/icons-material/ContentCopyOutlined';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { cloneRole } from './api';
import { ErrorAlert } from '../rights/common';
import { useExplainError, type ExplainedError } from '../rights/errors';

/** A new role from this one (rules, risk and two-step settings), then straight to its editor. */
export const CloneRoleButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const explain = useExplainError();
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ action: 'create', resource: 'roles' });
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<ExplainedError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const id = await cloneRole(String(record.id), name.trim(), label.trim());
      notify('app.rights.roles.clone_done', { type: 'success' });
      setOpen(false);
      redirect('edit', 'roles', id);
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<ContentCopyIcon />} onClick={() => { setName(`${record.name}_copy`); setLabel(translate('app.rights.roles.copy_label', { label: record.label ?? record.name })); setOpen(true); }} data-testid="clone-role">
        {translate('app.rights.roles.clone')}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('app.rights.roles.clone_title')}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.rights.roles.clone_explain')}
          </Typography>
          <Stack spacing={2}>
            <TextField name="name" label={translate('resources.roles.fields.name')} helperText={error?.fields.name ?? translate('app.rights.roles.name_help')} error={!!error?.fields.name} value={name} onChange={(e) => setName(e.target.value)} fullWidth />
            <TextField name="label" label={translate('resources.roles.fields.label')} helperText={error?.fields.label} error={!!error?.fields.label} value={label} onChange={(e) => setLabel(e.target.value)} fullWidth />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={submit} disabled={busy || !name.trim() || !label.trim()} data-testid="clone-confirm">
            {translate('app.rights.roles.clone')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
