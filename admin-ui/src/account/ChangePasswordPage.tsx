import PasswordIcon from '@mui/icons-material/PasswordOutlined';
import { Alert, Box, Button, CircularProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { LocalesMenuButton, useTranslate } from 'react-admin';
import { clearSession, loadSession } from '../providers/session';
import { changePassword } from './api';
import { ErrorAlert } from '../rights/common';
import { useExplainError, type ExplainedError } from '../rights/errors';

/**
 * Choosing a new password: forced after an administrator reset it (the server then allows nothing
 * else), or by choice. The rules are NIST SP 800-63B's (length, not composition; no common
 * passwords), checked by the server, whose reasons are shown on the field.
 */
export const ChangePasswordPage = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const [forced, setForced] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplainedError | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    loadSession().then((s) => setForced(!!s.me.mustChangePassword), () => undefined);
  }, []);
  const mismatch = repeat.length > 0 && next !== repeat;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      setDone(true);
      clearSession();
      // A fresh start: identity, rights and menus are read again with the new password in force.
      setTimeout(() => {
        window.location.hash = '#/';
        window.location.reload();
      }, 1200);
    } catch (e) {
      setError(explain(e));
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 3, position: 'relative' }}>
      <Box sx={{ position: 'absolute', top: 16, right: 16 }}>
        <LocalesMenuButton />
      </Box>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 440, p: 4 }} data-testid="change-password-page">
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1, color: 'primary.main' }}>
          <PasswordIcon fontSize="small" />
          <Typography variant="h6" sx={{ fontWeight: 700, color: 'text.primary' }}>
            {translate('app.rights.account.change_password')}
          </Typography>
        </Stack>
        {forced && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="password-change-required">
            {translate('app.rights.account.forced')}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.rights.account.password_rules')}
        </Typography>
        {done ? (
          <Alert severity="success" data-testid="password-changed">
            {translate('app.rights.account.password_changed')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <ErrorAlert error={error && !Object.keys(error.fields).length ? error : null} />
            <Stack spacing={2}>
              <TextField name="currentPassword" type="password" autoComplete="current-password" label={translate('app.rights.account.current_password')} value={current} onChange={(e) => setCurrent(e.target.value)} error={!!error?.fields.currentPassword} helperText={error?.fields.currentPassword ?? (forced ? translate('app.rights.account.current_help') : ' ')} fullWidth autoFocus />
              <TextField name="newPassword" type="password" autoComplete="new-password" label={translate('app.rights.account.new_password')} value={next} onChange={(e) => setNext(e.target.value)} error={!!error?.fields.newPassword} helperText={error?.fields.newPassword ?? translate('app.rights.account.new_help')} fullWidth />
              <TextField name="repeatPassword" type="password" autoComplete="new-password" label={translate('app.rights.account.repeat_password')} value={repeat} onChange={(e) => setRepeat(e.target.value)} error={mismatch} helperText={mismatch ? translate('app.rights.account.mismatch') : ' '} fullWidth />
              <Button type="submit" variant="contained" size="large" disabled={busy || !current || !next || next !== repeat} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined} data-testid="change-password-submit">
                {translate('app.rights.account.save_password')}
              </Button>
              {!forced && (
                <Button href="#/" size="small">
                  {translate('ra.action.back')}
                </Button>
              )}
            </Stack>
          </form>
        )}
      </Paper>
    </Box>
  );
};
