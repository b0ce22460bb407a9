import LockIcon from '@mui/icons-material/LockOutlined';
import PhoneIcon from '@mui/icons-material/PhoneInTalkOutlined';
import StoreIcon from '@mui/icons-material/StorefrontOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import {
  Alert,
  AlertTitle,
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
import { formatYuan } from '../common/format';
import { useStaff } from '../common/useStaff';
import { assistedInquiry, inquiryLimits, serverErrorOf, type InquiryLimits, type PolicySummary } from './api';
import { ResetQueryPasswordButton } from './ResetQueryPasswordDialog';

type Outcome =
  | { kind: 'verified'; summary: PolicySummary; channel: string; at: Date }
  | { kind: 'failed' }
  | { kind: 'locked' }
  | { kind: 'rate_limited' }
  | { kind: 'forbidden' }
  | { kind: 'error'; message: string };

const SUMMARY_ROWS: Array<[keyof PolicySummary, 'text' | 'money' | 'enum', string?]> = [
  ['productName', 'text'],
  ['line', 'enum', 'PolicyLine'],
  ['status', 'enum', 'PolicyStatus'],
  ['effectiveDate', 'text'],
  ['expiryDate', 'text'],
  ['sumInsuredFen', 'money'],
  ['premiumFen', 'money'],
  ['paymentFrequency', 'enum', 'PaymentFrequency'],
  ['paymentStatus', 'enum', 'PaymentStatus'],
  ['nextPremiumDueDate', 'text'],
];

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

const OutcomePanel = ({ outcome, staffName }: { outcome: Outcome | null; staffName: string }) => {
  const translate = useTranslate();
  if (!outcome)
    return (
      <Card variant="outlined" sx={{ height: '100%', minHeight: 240, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Stack alignItems="center" spacing={1} sx={{ color: 'text.disabled', p: 4 }}>
          <VerifiedIcon sx={{ fontSize: 56 }} />
          <Typography variant="body2" color="text.secondary">
            {translate('app.inquiry.desk.empty_result')}
          </Typography>
        </Stack>
      </Card>
    );
  if (outcome.kind === 'failed')
    return (
      <Alert severity="error" variant="outlined" data-testid="inquiry-failed">
        <AlertTitle>{translate('app.inquiry.desk.failed_title')}</AlertTitle>
        {translate('app.inquiry.desk.failed')}
      </Alert>
    );
  if (outcome.kind === 'locked')
    return (
      <Alert severity="warning" variant="filled" icon={<LockIcon />} data-testid="inquiry-locked">
        <AlertTitle>{translate('app.inquiry.desk.locked_title')}</AlertTitle>
        {translate('app.inquiry.desk.locked')}
      </Alert>
    );
  if (outcome.kind === 'rate_limited') return <Alert severity="warning" data-testid="inquiry-rate-limited">{translate('app.inquiry.desk.rate_limited')}</Alert>;
  if (outcome.kind === 'forbidden') return <Alert severity="error">{translate('app.inquiry.desk.forbidden')}</Alert>;
  if (outcome.kind === 'error') return <Alert severity="error">{translate('app.inquiry.desk.error', { message: outcome.message })}</Alert>;
  const { summary } = outcome;
  const value = (key: keyof PolicySummary, kind: string, enumName?: string) => {
    const raw = summary[key];
    if (raw === null || raw === undefined || raw === '') return '—';
    if (kind === 'money') return formatYuan(raw as number);
    if (kind === 'enum') return translate(`app.enums.${enumName}.${raw}`, { _: String(raw) });
    return String(raw);
  };
  return (
    <Card variant="outlined" sx={{ borderColor: 'success.main' }} data-testid="inquiry-result">
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 0.5 }}>
          <VerifiedIcon color="success" />
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
            {translate('app.inquiry.desk.result_title')}
          </Typography>
          <Chip size="small" color="success" label={value('status', 'enum', 'PolicyStatus')} />
        </Stack>
        <Typography variant="h6" sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="inquiry-policy">
          {summary.policyNumber}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('app.inquiry.desk.unlocked_only')}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 3, rowGap: 1, mt: 2, mb: 0 }}>
          {SUMMARY_ROWS.map(([key, kind, enumName]) => (
            <Box key={key} sx={{ display: 'flex', gap: 1, borderBottom: 1, borderColor: 'divider', pb: 0.5 }}>
              <Typography component="dt" variant="body2" color="text.secondary" sx={{ minWidth: 120 }}>
                {translate(`app.inquiry.summary.${key}`)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 500, fontVariantNumeric: 'tabular-nums' }} data-testid={`summary-${key}`}>
                {value(key, kind, enumName)}
              </Typography>
            </Box>
          ))}
        </Box>
        <Stack direction="row" spacing={2} sx={{ mt: 2, color: 'text.secondary' }} flexWrap="wrap">
          <Typography variant="body2">
            {translate('app.inquiry.desk.assisted_by')}: <b>{staffName}</b> · {translate(`app.enums.StaffInquiryChannel.${outcome.channel}`)}
          </Typography>
          <Typography variant="body2">
            {translate('app.inquiry.desk.logged_as')}: #{summary.inquiryId}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
};
