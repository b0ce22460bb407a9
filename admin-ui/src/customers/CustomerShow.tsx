import type { ReactNode } from 'react';
import BadgeIcon from '@mui/icons-material/BadgeOutlined';
import BusinessIcon from '@mui/icons-material/BusinessOutlined';
import ContactPhoneIcon from '@mui/icons-material/ContactPhoneOutlined';
import PersonIcon from '@mui/icons-material/PersonOutline';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUserOutlined';
import HistoryIcon from '@mui/icons-material/HistoryOutlined';
import { Avatar, Box, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { EditButton, ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { BooleanText } from '../common/BooleanText';
import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { MaskedField } from '../common/MaskedField';
import { SectionCard } from '../common/SectionCard';
import { useFieldAccess } from '../common/useFieldAccess';
import { CustomerPolicies } from './CustomerPolicies';
import { CustomerTitle } from './CustomerTitle';
import { CUSTOMER_STATUS_TONES } from './enums';
import { CustomerDataRightsButtons, CustomerRightsBanner } from '../dataRights/CustomerDataRights';
import { ConsentHistory } from '../dataRights/ConsentHistory';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
    <CustomerDataRightsButtons />
  </TopToolbar>
);

const Text = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const value = record?.[source];
  return <>{value === null || value === undefined || value === '' ? '—' : String(value)}</>;
};

const f = (field: string) => `resources.customers.fields.${field}`;

const Header = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="customer-header">
      <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Avatar sx={{ bgcolor: record.kind === 'group' ? 'secondary.main' : 'primary.main', width: 48, height: 48 }}>
          {record.kind === 'group' ? <BusinessIcon /> : <PersonIcon />}
        </Avatar>
        <Box sx={{ flex: 1, minWidth: 200 }}>
          <Typography variant="h5" sx={{ fontWeight: 600 }} data-testid="customer-name">
            {record.name}
          </Typography>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5, color: 'text.secondary' }}>
            <EnumField source="kind" enumName="CustomerKind" />
            <span>·</span>
            <Typography variant="body2">{record.branch?.name ?? '—'}</Typography>
            <span>·</span>
            <Typography variant="body2">
              {translate('app.customers.number')} {record.id}
            </Typography>
          </Stack>
        </Box>
        <EnumField source="status" enumName="CustomerStatus" tones={CUSTOMER_STATUS_TONES} />
      </CardContent>
    </Card>
  );
};

const Details = () => {
  const record = useRecordContext();
  const canRead = useFieldAccess('read', 'Customer', record);
  if (!record) return null;
  const item = (field: string, node: ReactNode, span?: number) =>
    canRead(field) ? (
      <FieldItem label={f(field)} span={span}>
        {node}
      </FieldItem>
    ) : null;
  return (
    <>
      <CustomerRightsBanner />
      <Header />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="app.customers.sections.identity" icon={<BadgeIcon />} testId="section-identity">
            <FieldGrid>
              {item('idType', <EnumField source="idType" enumName="IdType" />)}
              {item('idNumber', <MaskedField source="idNumber" />)}
              {item('gender', <EnumField source="gender" enumName="Gender" />)}
              {item('birthDate', <Text source="birthDate" />)}
              {item('occupation', <Text source="occupation" />)}
            </FieldGrid>
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="app.customers.sections.contact" icon={<ContactPhoneIcon />} testId="section-contact">
            <FieldGrid>
              {item('phone', <MaskedField source="phone" />)}
              {item('email', <MaskedField source="email" />)}
              {item('address', <MaskedField source="address" />, 2)}
            </FieldGrid>
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="app.customers.sections.consent" icon={<VerifiedUserIcon />}>
            <FieldGrid>
              {item('marketingConsent', <BooleanText source="marketingConsent" />)}
              {item('marketingConsentAt', <DateTimeField source="marketingConsentAt" />)}
              {item('sharingConsent', <BooleanText source="sharingConsent" />)}
              {item('sharingConsentAt', <DateTimeField source="sharingConsentAt" />)}
            </FieldGrid>
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="app.customers.sections.record" icon={<HistoryIcon />}>
            <FieldGrid>
              {item('source', <EnumField source="source" enumName="DataSource" />)}
              {item('branchId', <>{record.branch?.name ?? '—'}</>)}
              {item('createdAt', <DateTimeField source="createdAt" />)}
              {item('updatedAt', <DateTimeField source="updatedAt" />)}
            </FieldGrid>
          </SectionCard>
        </Grid>
        <Grid size={12}>
          <CustomerPolicies />
        </Grid>
        <Grid size={12}>
          <ConsentHistory />
        </Grid>
      </Grid>
    </>
  );
};

/** One customer: identity, contact (masked, revealable with a reason), consents, and policies. */
export const CustomerShow = () => (
  <Show actions={<Actions />} title={<CustomerTitle />} component="div">
    <Details />
  </Show>
);
