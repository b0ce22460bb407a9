import PrivacyTipIcon from '@mui/icons-material/PrivacyTipOutlined';
import UndoIcon from '@mui/icons-material/UndoOutlined';
import { Button, Grid } from '@mui/material';
import { useState } from 'react';
import { Link, ListButton, ReferenceField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { SectionCard } from '../common/SectionCard';
import { useAbility } from '../common/useAbility';
import { WithdrawDialog } from './CustomerDataRights';
import { REQUEST_STATUS_TONES } from './enums';
import { OutcomeView } from './OutcomeView';
import { RetentionCell } from './RetentionCell';

const f = (field: string) => `resources.dataRightsRequests.fields.${field}`;

const Title = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{`${translate('resources.dataRightsRequests.name', { smart_count: 1 })}${record ? ` #${record.id}` : ''}`}</>;
};

const Actions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const ability = useAbility();
  const [open, setOpen] = useState(false);
  const canWithdraw = record?.kind === 'deletion' && record?.status === 'restricted' && !!ability?.can('update', 'DataRightsRequest');
  return (
    <TopToolbar>
      <ListButton />
      {canWithdraw && (
        <Button size="small" startIcon={<UndoIcon />} onClick={() => setOpen(true)}>
          {translate('app.data_rights.actions.withdraw')}
        </Button>
      )}
      {open && record && <WithdrawDialog requestId={String(record.id)} onClose={() => setOpen(false)} />}
    </TopToolbar>
  );
};

const Details = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={12}>
        <SectionCard title="resources.dataRightsRequests.name" icon={<PrivacyTipIcon />} testId="rights-request-detail">
          <FieldGrid columns={3}>
            <FieldItem label={f('kind')}>
              <EnumField source="kind" enumName="DataRightsRequestKind" />
            </FieldItem>
            <FieldItem label={f('status')}>
              <EnumField source="status" enumName="DataRightsRequestStatus" tones={REQUEST_STATUS_TONES} />
            </FieldItem>
            <FieldItem label={f('customerId')}>
              {record.customer ? <Link to={`/customers/${record.customerId}/show`}>{`${record.customer.name} (${record.customerId})`}</Link> : translate('app.data_rights.register.customer_hidden', { id: record.customerId })}
            </FieldItem>
            <FieldItem label={f('channel')}>
              <EnumField source="channel" enumName="RightsChannel" />
            </FieldItem>
            <FieldItem label={f('receivedAt')}>
              <DateTimeField source="receivedAt" />
            </FieldItem>
            <FieldItem label={f('retentionUntil')}>
              <RetentionCell />
            </FieldItem>
            <FieldItem label={f('completedAt')}>
              <DateTimeField source="completedAt" />
            </FieldItem>
            <FieldItem label={f('branchId')}>
              <ReferenceField source="branchId" reference="branches" link={false}>
                <TextField source="name" />
              </ReferenceField>
            </FieldItem>
            <FieldItem label={f('note')} span={3}>
              {record.note || '—'}
            </FieldItem>
            <FieldItem label={f('outcome')} span={3}>
              <OutcomeView outcome={record.outcome as Record<string, unknown> | null} />
            </FieldItem>
          </FieldGrid>
        </SectionCard>
      </Grid>
    </Grid>
  );
};

export const DataRightsRequestShow = () => (
  <Show title={<Title />} component="div" actions={<Actions />}>
    <Details />
  </Show>
);
