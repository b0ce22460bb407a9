import LockIcon from '@mui/icons-material/LockOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { Alert, AlertTitle, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatYuan } from '../common/format';
import type { PolicySummary } from './api';

export type Outcome =
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

/** What the desk shows after a verification: nothing yet, a refusal that names no reason, or the unlocked summary. */
export const OutcomePanel = ({ outcome, staffName }: { outcome: Outcome | null; staffName: string }) => {
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
