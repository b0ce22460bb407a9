import LockIcon from '@mui/icons-material/LockOutlined';
import PhoneIcon from '@mui/icons-material/PhoneInTalkOutlined';
import StoreIcon from '@mui/icons-material/StorefrontOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Divider,
  Grid,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useStaff } from '../common/useStaff';
import { assistedInquiry, inquiryLimits, serverErrorOf, type InquiryLimits } from './api';
import { OutcomePanel, type Outcome } from './InquiryOutcomePanel';
import { ResetQueryPasswordButton } from './ResetQueryPasswordDialog';

const normalise = (value: string) => value.trim().toUpperCase();

/**
 * The hotline and counter desk: the agent types what the caller gives — policy number, ID number,
 * query password — and sees the policy summary only when all three match (the server decides, logs
 * the attempt with the agent as the one who assisted, and counts failures towards the lock-out).
 * A failure says only that verification failed, whatever was wrong; the password never stays on screen.
 */
export const InquiryDeskPage = () => {
  const translate = useTranslate();
  const staff = useStaff();
  const [channel, setChannel] = useState<'hotline' | 'counter'>('hotline');
  const [policyNumber, setPolicyNumber] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [queryPassword, setQueryPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [limits, setLimits] = useState<InquiryLimits | null>(null);
  // Failures made from this desk, per policy number: the server never says which part was wrong, nor how many remain.
  const [failures, setFailures] = useState<Record<string, number>>({});
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void inquiryLimits().then(setLimits);
  }, []);

  const complete = policyNumber.trim() && idNumber.trim() && queryPassword;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete || busy) return;
    setBusy(true);
    setOutcome(null);
    const number = normalise(policyNumber);
    try {
      const summary = await assistedInquiry({ channel, policyNumber: policyNumber.trim(), idNumber: idNumber.trim(), queryPassword });
      setOutcome({ kind: 'verified', summary, channel, at: new Date() });
      setFailures((all) => ({ ...all, [number]: 0 }));
    } catch (error) {
      const server = serverErrorOf(error);
      if (server.reason === 'VERIFICATION_FAILED') {
        setOutcome({ kind: 'failed' });
        setFailures((all) => ({ ...all, [number]: (all[number] ?? 0) + 1 }));
      } else if (server.reason === 'INQUIRY_LOCKED') setOutcome({ kind: 'locked' });
      else if (server.code === 'RATE_LIMITED') setOutcome({ kind: 'rate_limited' });
      else if (server.code === 'FORBIDDEN') setOutcome({ kind: 'forbidden' });
      else setOutcome({ kind: 'error', message: server.message });
    } finally {
      // The password is the caller's secret: it is typed once per attempt and never left on screen.
      setQueryPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  const clear = () => {
    setPolicyNumber('');
    setIdNumber('');
    setQueryPassword('');
    setOutcome(null);
  };

  const number = normalise(policyNumber);
  const failedHere = failures[number] ?? 0;
  const max = limits?.maxFailures ?? null;

  return (
    <Box sx={{ mt: 2 }} data-testid="inquiry-desk">
      <Title title={translate('app.inquiry.desk.title')} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card variant="outlined">
            <CardContent component="form" onSubmit={submit} noValidate>
              <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
                <VerifiedIcon color="primary" />
                <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
                  {translate('app.inquiry.desk.verify_title')}
                </Typography>
              </Stack>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('app.inquiry.desk.intro')}
              </Typography>
              <Typography variant="body2" sx={{ mb: 2, fontWeight: 500 }}>
                {translate('app.inquiry.desk.no_hint')}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('app.inquiry.desk.channel')}
              </Typography>
              <ToggleButtonGroup
                exclusive
                size="small"
                color="primary"
                value={channel}
                onChange={(_, value) => value && setChannel(value)}
                sx={{ display: 'flex', mb: 2 }}
                data-testid="inquiry-channel"
              >
                <ToggleButton value="hotline" sx={{ flex: 1, gap: 1 }}>
                  <PhoneIcon fontSize="small" />
                  {translate('app.enums.StaffInquiryChannel.hotline')}
                </ToggleButton>
                <ToggleButton value="counter" sx={{ flex: 1, gap: 1 }}>
                  <StoreIcon fontSize="small" />
                  {translate('app.enums.StaffInquiryChannel.counter')}
                </ToggleButton>
              </ToggleButtonGroup>
              <Stack spacing={2}>
                <TextField
                  name="policyNumber"
                  label={translate('app.inquiry.desk.policy_number')}
                  value={policyNumber}
                  onChange={(e) => setPolicyNumber(e.target.value)}
                  autoComplete="off"
                  size="small"
                  slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'inquiry-policy-number' } }}
                  autoFocus
                />
                <TextField
                  name="idNumber"
                  label={translate('app.inquiry.desk.id_number')}
                  value={idNumber}
                  onChange={(e) => setIdNumber(e.target.value)}
                  autoComplete="off"
                  size="small"
                  slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'inquiry-id-number' } }}
                />
                <TextField
                  name="queryPassword"
                  type="password"
                  label={translate('app.inquiry.desk.query_password')}
                  value={queryPassword}
                  onChange={(e) => setQueryPassword(e.target.value)}
                  autoComplete="new-password"
                  size="small"
                  inputRef={passwordRef}
                  slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'inquiry-password' } }}
                />
              </Stack>
              <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mt: 2, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
                <Button type="submit" variant="contained" disabled={!complete || busy} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <VerifiedIcon />} data-testid="inquiry-verify">
                  {translate(busy ? 'app.inquiry.desk.verifying' : 'app.inquiry.desk.verify')}
                </Button>
                <Button onClick={clear} disabled={busy}>
                  {translate('app.inquiry.desk.new_inquiry')}
                </Button>
                <Box sx={{ flex: 1, minWidth: 0 }} />
                <ResetQueryPasswordButton policyNumber={policyNumber} idNumber={idNumber} />
              </Stack>
              <Divider sx={{ my: 2 }} />
              <Stack direction="row" spacing={1} alignItems="flex-start">
                <LockIcon fontSize="small" color="action" sx={{ mt: 0.25 }} />
                <Typography variant="body2" color="text.secondary" data-testid="inquiry-limits">
                  {limits?.maxFailures
                    ? translate('app.inquiry.desk.limits_known', { max: limits.maxFailures, window: limits.failureWindowMinutes, lock: limits.lockMinutes })
                    : translate('app.inquiry.desk.limits_unknown')}
                </Typography>
              </Stack>
              {number && failedHere > 0 && (
                <Chip
                  sx={{ mt: 1.5 }}
                  color={max && failedHere >= max - 1 ? 'error' : 'warning'}
                  label={
                    max
                      ? translate(failedHere >= max ? 'app.inquiry.desk.attempts_exhausted' : 'app.inquiry.desk.attempts_of', { number, count: failedHere, max, left: max - failedHere, lock: limits?.lockMinutes ?? '—' })
                      : translate('app.inquiry.desk.attempts', { number, count: failedHere })
                  }
                  data-testid="inquiry-attempts"
                />
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <OutcomePanel outcome={outcome} staffName={staff?.fullName ?? staff?.username ?? ''} />
        </Grid>
      </Grid>
    </Box>
  );
};
