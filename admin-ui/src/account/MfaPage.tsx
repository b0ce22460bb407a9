import ContentCopyIcon from '@mui/icons-material/ContentCopyOutlined';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import SecurityIcon from '@mui/icons-material/SecurityOutlined';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Step, StepLabel, Stepper, TextField, Typography } from '@mui/material';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { downloadText } from '../common/download';
import { clearSession, loadSession, type Me } from '../providers/session';
import { beginMfaEnrolment, confirmMfaEnrolment, regenerateRecoveryCodes, type MfaEnrolment } from './api';
import { ErrorAlert, When } from '../rights/common';
import { useExplainError, type ExplainedError } from '../rights/errors';

/** The otpauth:// URI drawn as a QR code in the browser: the key never leaves for a QR service. */
const QrImage = ({ uri }: { uri: string }) => {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 }).then((url) => live && setSrc(url), () => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [uri]);
  return src ? <Box component="img" src={src} alt="QR" data-testid="mfa-qr" sx={{ width: 220, height: 220, border: 1, borderColor: 'divider', borderRadius: 1 }} /> : <Box sx={{ width: 220, height: 220 }} />;
};

/** Recovery codes, shown once: copy or download them now; only their hashes are kept. */
export const RecoveryCodes = ({ codes, username }: { codes: string[]; username: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n');
  return (
    <Box data-testid="recovery-codes">
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('app.rights.mfa.codes_once')}
      </Alert>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', columnGap: 4, rowGap: 1, fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 16, mb: 2, p: 2, bgcolor: 'action.hover', borderRadius: 1 }}>
        {codes.map((code) => (
          <span key={code} data-testid="recovery-code">
            {code}
          </span>
        ))}
      </Box>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => undefined)} data-testid="copy-codes">
          {translate(copied ? 'app.rights.copied' : 'app.rights.copy')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => downloadText(`insuredesk-recovery-codes-${username}.txt`, `${translate('app.rights.mfa.codes_file_heading', { username })}\n\n${text}\n`, 'text/plain;charset=utf-8')} data-testid="download-codes">
          {translate('app.rights.mfa.download')}
        </Button>
      </Stack>
    </Box>
  );
};

/**
 * Multi-factor sign-in of the signed-in staff member: the password again, then a QR code drawn here
 * from the server's otpauth URI (and the key as text), then the first code from the app, then the
 * recovery codes, once.
 */
export const MfaPage = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const [me, setMe] = useState<Me | null>(null);
  const [password, setPassword] = useState('');
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplainedError | null>(null);
  useEffect(() => {
    loadSession().then((s) => setMe(s.me), () => undefined);
  }, []);
  const enrolled = !!me?.mfa?.enrolled;
  const step = codes ? 2 : enrolment ? 1 : 0;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };
  const refreshMe = () => {
    clearSession();
    loadSession().then((s) => setMe(s.me), () => undefined);
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 860 }}>
      <Title title={translate('app.rights.mfa.title')} />
      <Card variant="outlined" data-testid="mfa-page">
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <SecurityIcon color="primary" />
            <Typography variant="h6" sx={{ fontWeight: 700, flex: 1 }}>
              {translate('app.rights.mfa.title')}
            </Typography>
            {me && <Chip size="small" color={enrolled ? 'success' : me.mfa?.required ? 'warning' : 'default'} label={translate(enrolled ? 'app.rights.mfa.on' : me.mfa?.required ? 'app.rights.mfa.required_off' : 'app.rights.mfa.off')} data-testid="mfa-state" />}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.rights.mfa.intro')}
          </Typography>
          <ErrorAlert error={error && !Object.keys(error.fields).length ? error : null} />

          {enrolled && !codes ? (
            <Box>
              <Typography variant="body2" sx={{ mb: 2 }}>
                {translate('app.rights.mfa.codes_left', { count: me?.mfa?.recoveryCodesLeft ?? 0 })}
              </Typography>
              <Stack direction="row" spacing={1} alignItems="flex-start">
                <TextField size="small" name="code" label={translate('app.rights.mfa.code')} value={code} onChange={(e) => setCode(e.target.value.trim())} error={!!error?.fields.code} helperText={error?.fields.code ?? translate('app.rights.mfa.regenerate_help')} />
                <Button variant="outlined" disabled={busy || !code} onClick={() => run(async () => setCodes(await regenerateRecoveryCodes(code)))}>
                  {translate('app.rights.mfa.regenerate')}
                </Button>
              </Stack>
            </Box>
          ) : (
            <>
              <Stepper activeStep={step} sx={{ mb: 3 }}>
                {['password', 'scan', 'codes'].map((s) => (
                  <Step key={s}>
                    <StepLabel>{translate(`app.rights.mfa.steps.${s}`)}</StepLabel>
                  </Step>
                ))}
              </Stepper>
              {step === 0 && (
                <Stack direction="row" spacing={1} alignItems="flex-start">
                  <TextField size="small" type="password" name="password" autoComplete="current-password" label={translate('app.rights.account.current_password')} value={password} onChange={(e) => setPassword(e.target.value)} error={!!error?.fields.password} helperText={error?.fields.password ?? translate('app.rights.mfa.password_help')} sx={{ minWidth: 280 }} />
                  <Button variant="contained" disabled={busy || !password} onClick={() => run(async () => setEnrolment(await beginMfaEnrolment(password)))} data-testid="mfa-begin">
                    {translate('app.rights.mfa.begin')}
                  </Button>
                </Stack>
              )}
              {step === 1 && enrolment && (
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
                  <QrImage uri={enrolment.otpauthUri} />
                  <Box sx={{ flex: 1 }}>
                    <Typography variant="body2" sx={{ mb: 1 }}>
                      {translate('app.rights.mfa.scan')}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {translate('app.rights.mfa.manual')}
                    </Typography>
                    <Box component="code" sx={{ display: 'block', fontSize: 14, my: 1, p: 1, bgcolor: 'action.hover', borderRadius: 1, wordBreak: 'break-all' }} data-testid="mfa-secret">
                      {enrolment.secret}
                    </Box>
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 2 }}>
                      {enrolment.issuer} · {enrolment.accountName} · {translate('app.rights.mfa.expires')} <When value={enrolment.expiresAt} />
                    </Typography>
                    <Stack direction="row" spacing={1} alignItems="flex-start">
                      <TextField size="small" name="code" label={translate('app.rights.mfa.code')} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))} error={!!error?.fields.code} helperText={error?.fields.code ?? translate('app.rights.mfa.code_help')} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
                      <Button
                        variant="contained"
                        disabled={busy || code.length !== 6}
                        onClick={() =>
                          run(async () => {
                            setCodes(await confirmMfaEnrolment(code));
                            setCode('');
                            refreshMe();
                          })
                        }
                        data-testid="mfa-confirm"
                      >
                        {translate('app.rights.mfa.confirm')}
                      </Button>
                    </Stack>
                  </Box>
                </Stack>
              )}
            </>
          )}
          {codes && (
            <Box sx={{ mt: 2 }}>
              <Alert severity="success" sx={{ mb: 2 }} data-testid="mfa-enabled">
                {translate('app.rights.mfa.enabled')}
              </Alert>
              <RecoveryCodes codes={codes} username={me?.username ?? ''} />
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
