import LockIcon from '@mui/icons-material/LockOutlined';
import ShieldIcon from '@mui/icons-material/ShieldOutlined';
import { Alert, Box, Button, CircularProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin';
import { forgetSignedOutReason, peekSignedOutReason } from '../providers/signedOutReason';

/**
 * Sign-in: username, password and, for accounts with multi-factor sign-in, the one-time code. When
 * a session ran out while someone was working, it says so before asking them to sign in again.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [signedOutReason] = useState(peekSignedOutReason);
  // Said once: a reload of the sign-in page later should not repeat it.
  useEffect(() => forgetSignedOutReason(), []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const otpRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await login({ username, password, otp });
    } catch (e) {
      const key = (e as Error).message || 'app.auth.errors.unknown';
      setError(key);
      setBusy(false);
      // The password was right and a second factor is needed: straight to the code field.
      if (key === 'app.rights.login.otp_required' || key === 'app.rights.login.otp_invalid') setTimeout(() => otpRef.current?.focus(), 0);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', bgcolor: 'background.default' }}>
      <Box
        sx={{
          flex: '0 0 42%',
          display: { xs: 'none', md: 'flex' },
          flexDirection: 'column',
          justifyContent: 'space-between',
          p: 6,
          color: '#fff',
          background: 'linear-gradient(150deg, #123766 0%, #1d4f91 55%, #2f6db5 100%)',
        }}
      >
        <Stack direction="row" spacing={1.5} alignItems="center">
          <ShieldIcon />
          <Typography variant="h6" sx={{ fontWeight: 700 }}>
            {translate('app.name')}
          </Typography>
        </Stack>
        <Box>
          <Typography variant="h4" sx={{ fontWeight: 700, mb: 2, lineHeight: 1.3 }}>
            {translate('app.auth.hero_title')}
          </Typography>
          <Typography sx={{ opacity: 0.85, maxWidth: 420, lineHeight: 1.8 }}>{translate('app.auth.hero_text')}</Typography>
        </Box>
        <Typography variant="caption" sx={{ opacity: 0.7 }}>
          {translate('app.auth.footer')}
        </Typography>
      </Box>
      <Box sx={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', p: 3, position: 'relative' }}>
        <Box sx={{ position: 'absolute', top: 16, right: 16 }}>
          <LocalesMenuButton />
        </Box>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: 400, p: 4 }}>
          <Stack spacing={0.5} sx={{ mb: 3 }}>
            <Stack direction="row" spacing={1} alignItems="center" sx={{ color: 'primary.main' }}>
              <LockIcon fontSize="small" />
              <Typography variant="h6" sx={{ fontWeight: 700, color: 'text.primary' }}>
                {translate('app.auth.title')}
              </Typography>
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {translate('app.auth.subtitle')}
            </Typography>
          </Stack>
          {signedOutReason === 'expired' && !error && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="session-expired">
              {translate('app.auth.session_expired')}
            </Alert>
          )}
          {error && (
            <Alert severity={error === 'app.rights.login.otp_required' ? 'info' : 'error'} sx={{ mb: 2 }} data-testid="login-error">
              {translate(error, { _: error })}
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
            <Stack spacing={2}>
              <TextField name="username" label={translate('ra.auth.username')} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus required fullWidth size="medium" />
              <TextField name="password" type="password" label={translate('ra.auth.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required fullWidth size="medium" />
              <TextField
                name="otp"
                label={translate('app.auth.otp')}
                value={otp}
                onChange={(e) => setOtp(e.target.value.replace(/[^0-9A-Za-z-]/g, '').slice(0, 19))}
                helperText={translate('app.auth.otp_help')}
                autoComplete="one-time-code"
                fullWidth
                size="medium"
                inputRef={otpRef}
                error={error === 'app.rights.login.otp_required' || error === 'app.rights.login.otp_invalid'}
              />
              <Button type="submit" variant="contained" size="large" disabled={busy || !username || !password} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
                {translate(busy ? 'app.auth.signing_in' : 'ra.auth.sign_in')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Box>
  );
};
