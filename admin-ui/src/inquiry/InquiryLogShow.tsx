import ManageSearchIcon from '@mui/icons-material/ManageSearchOutlined';
import { Grid } from '@mui/material';
import { ListButton, ReferenceField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { SectionCard } from '../common/SectionCard';
import { useAbility } from '../common/useAbility';
import { OUTCOME_TONES } from './enums';

const f = (field: string) => `resources.policyInquiries.fields.${field}`;

const Title = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{`${translate('resources.policyInquiries.name', { smart_count: 1 })}${record ? ` #${record.id}` : ''}`}</>;
};

const Details = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const ability = useAbility();
  if (!record) return null;
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={12}>
        <SectionCard title="resources.policyInquiries.name" icon={<ManageSearchIcon />} testId="inquiry-detail">
          <FieldGrid>
            <FieldItem label={f('at')}>
              <DateTimeField source="at" />
            </FieldItem>
            <FieldItem label={f('channel')}>
              <EnumField source="channel" enumName="InquiryChannel" />
            </FieldItem>
            <FieldItem label={f('policyNumber')}>{text(record.policyNumber)}</FieldItem>
            <FieldItem label={f('outcome')}>
              <EnumField source="outcome" enumName="InquiryOutcome" tones={OUTCOME_TONES} />
            </FieldItem>
            <FieldItem label={f('reason')}>
              <EnumField source="reason" enumName="InquiryReason" />
            </FieldItem>
            <FieldItem label={f('staffId')}>
              {record.staffId ? (
                ability?.can('read', 'Staff') ? (
                  <ReferenceField source="staffId" reference="staff" link={false}>
                    <TextField source="displayName" />
                  </ReferenceField>
                ) : (
                  `#${record.staffId}`
                )
              ) : (
                translate('app.inquiry.log.staff_none')
              )}
            </FieldItem>
            <FieldItem label={f('branchId')}>
              {record.branchId ? (
                <ReferenceField source="branchId" reference="branches" link={false}>
                  <TextField source="name" />
                </ReferenceField>
              ) : (
                '—'
              )}
            </FieldItem>
            <FieldItem label={f('channelKeyId')}>{record.channelKeyId ? `#${record.channelKeyId}` : '—'}</FieldItem>
            <FieldItem label={f('sourceIp')}>{text(record.sourceIp)}</FieldItem>
            <FieldItem label={f('responseMs')}>{translate('app.inquiry.log.response', { ms: record.responseMs ?? '—' })}</FieldItem>
          </FieldGrid>
        </SectionCard>
      </Grid>
    </Grid>
  );
};

/** One inquiry of the log, with the reason it ended as it did (for managers and compliance only). */
export const InquiryLogShow = () => (
  <Show
    title={<Title />}
    component="div"
    actions={
      <TopToolbar>
        <ListButton />
      </TopToolbar>
    }
  >
    <Details />
  </Show>
);
