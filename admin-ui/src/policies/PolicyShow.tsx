import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import EventIcon from '@mui/icons-material/EventOutlined';
import PersonIcon from '@mui/icons-material/PersonOutline';
import HealingIcon from '@mui/icons-material/HealthAndSafetyOutlined';
import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import { Box, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { EditButton, ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { formatYuan } from '../common/format';
import { SectionCard } from '../common/SectionCard';
import { Beneficiaries } from './Beneficiaries';
import { PAYMENT_STATUS_TONES, POLICY_STATUS_TONES } from './enums';
import { ExpiryField } from './ExpiryField';
import { PartyCard } from './PartyCard';
import { PolicyTitle } from './PolicyTitle';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
  </TopToolbar>
);

const f = (field: string) => `resources.policies.fields.${field}`;

const Text = ({ value }: { value: unknown }) => <>{value === null || value === undefined || value === '' ? '—' : String(value)}</>;

const Amount = ({ label, fen, note }: { label: string; fen: number | null | undefined; note?: string }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-testid={`amount-${label.split('.').pop()}`}>
        {formatYuan(fen)}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
    </Box>
  );
};

const Header = () => {
  const policy = useRecordContext();
  const translate = useTranslate();
  if (!policy) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent sx={{ display: 'flex', gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="overline" color="text.secondary">
            {translate(f('policyNumber'))}
          </Typography>
          <Typography variant="h5" sx={{ fontWeight: 600, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="policy-number">
            {policy.policyNumber}
          </Typography>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5, color: 'text.secondary' }}>
            <Typography variant="body2">{policy.productName}</Typography>
            <span>·</span>
            <EnumField source="line" enumName="PolicyLine" />
            <span>·</span>
            <Typography variant="body2">{policy.branch?.name ?? '—'}</Typography>
          </Stack>
        </Box>
        <Amount label={f('sumInsuredFen')} fen={policy.sumInsuredFen} />
        <Amount label={f('premiumFen')} fen={policy.premiumFen} note={translate(`app.enums.PaymentFrequency.${policy.paymentFrequency}`, { _: '' })} />
        <EnumField source="status" enumName="PolicyStatus" tones={POLICY_STATUS_TONES} />
      </CardContent>
    </Card>
  );
};

const Details = () => {
  const policy = useRecordContext();
  if (!policy) return null;
  return (
    <>
      <Header />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <PartyCard source="holder" title="app.policies.sections.holder" icon={<PersonIcon />} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <PartyCard source="insured" title="app.policies.sections.insured" icon={<HealingIcon />} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="app.policies.sections.term" icon={<EventIcon />}>
            <FieldGrid>
              <FieldItem label={f('effectiveDate')}>
                <Text value={policy.effectiveDate} />
              </FieldItem>
              <FieldItem label={f('expiryDate')}>
                <ExpiryField />
              </FieldItem>
              <FieldItem label={f('paymentFrequency')}>
                <EnumField source="paymentFrequency" enumName="PaymentFrequency" />
              </FieldItem>
              <FieldItem label={f('paymentStatus')}>
                <EnumField source="paymentStatus" enumName="PaymentStatus" tones={PAYMENT_STATUS_TONES} />
              </FieldItem>
              <FieldItem label={f('nextPremiumDueDate')}>
                <Text value={policy.nextPremiumDueDate} />
              </FieldItem>
            </FieldGrid>
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="app.policies.sections.product" icon={<DescriptionIcon />}>
            <FieldGrid>
              <FieldItem label={f('productCode')}>
                <Text value={policy.productCode} />
              </FieldItem>
              <FieldItem label={f('productName')}>
                <Text value={policy.productName} />
              </FieldItem>
              <FieldItem label={f('sumInsuredFen')}>{formatYuan(policy.sumInsuredFen)}</FieldItem>
              <FieldItem label={f('premiumFen')}>{formatYuan(policy.premiumFen)}</FieldItem>
            </FieldGrid>
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Beneficiaries />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="app.policies.sections.sales" icon={<StorefrontIcon />}>
            <FieldGrid>
              <FieldItem label={f('salesChannel')}>
                <EnumField source="salesChannel" enumName="SalesChannel" />
              </FieldItem>
              <FieldItem label={f('branchId')}>
                <Text value={policy.branch?.name} />
              </FieldItem>
              <FieldItem label={f('salesAgentName')}>
                <Text value={policy.salesAgentName} />
              </FieldItem>
              <FieldItem label={f('salesAgentCode')}>
                <Text value={policy.salesAgentCode} />
              </FieldItem>
            </FieldGrid>
          </SectionCard>
        </Grid>
      </Grid>
    </>
  );
};

/** One policy: holder, insured, beneficiaries, amounts in yuan, term and sales. */
export const PolicyShow = () => (
  <Show actions={<Actions />} title={<PolicyTitle />} component="div">
    <Details />
  </Show>
);
