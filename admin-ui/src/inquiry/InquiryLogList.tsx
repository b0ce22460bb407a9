import ManageSearchIcon from '@mui/icons-material/ManageSearchOutlined';
import { Typography } from '@mui/material';
import { DataTable, FilterButton, List, ReferenceField, ReferenceInput, SelectInput, TextField, TextInput, TopToolbar, useTranslate, type TranslateFunction } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { DayBoundaryInput } from '../common/DayBoundaryInput';
import { EmptyList } from '../common/EmptyList';
import { EnumField } from '../common/EnumField';
import { enumChoices } from '../common/choices';
import { listSx } from '../common/listSx';
import { ServerExportButton } from '../common/ServerExportButton';
import { useAbility } from '../common/useAbility';
import { INQUIRY_CHANNELS, INQUIRY_OUTCOMES, INQUIRY_REASONS, OUTCOME_TONES } from './enums';

const inquiryFilters = (translate: TranslateFunction, canReadStaff: boolean) => [
  <TextInput key="policyNumber" source="policyNumber" alwaysOn />,
  <SelectInput key="channel" source="channel" choices={enumChoices('InquiryChannel', INQUIRY_CHANNELS)} alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={enumChoices('InquiryOutcome', INQUIRY_OUTCOMES)} alwaysOn />,
  <SelectInput key="reason" source="reason" choices={enumChoices('InquiryReason', INQUIRY_REASONS)} />,
  ...(canReadStaff
    ? [
        <ReferenceInput key="staffId" source="staffId" reference="staff" sort={{ field: 'username', order: 'ASC' }} perPage={200}>
          <SelectInput optionText={(s: { displayName?: string; username?: string }) => s.displayName || s.username || ''} label="resources.policyInquiries.fields.staffId" />
        </ReferenceInput>,
      ]
    : []),
  <DayBoundaryInput key="at_gte" source="at_gte" boundary="start" label={translate('resources.policyInquiries.fields.at_gte')} alwaysOn />,
  <DayBoundaryInput key="at_lte" source="at_lte" boundary="end" label={translate('resources.policyInquiries.fields.at_lte')} alwaysOn />,
];

const StaffCell = () => (
  <ReferenceField source="staffId" reference="staff" link={false} emptyText="—">
    <TextField source="displayName" />
  </ReferenceField>
);

/**
 * The inquiry log: every verification on every channel, paged, sorted and filtered on the server.
 * Managers see their branch's, compliance every branch's; the reason (which part failed) is for them only.
 */
export const InquiryLogList = () => {
  const translate = useTranslate();
  const ability = useAbility();
  const canReadStaff = !!ability?.can('read', 'Staff');
  return (
    <List
      sx={listSx}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      filters={inquiryFilters(translate, canReadStaff)}
      actions={
        <TopToolbar>
          <FilterButton />
          <ServerExportButton />
        </TopToolbar>
      }
      empty={<EmptyList icon={<ManageSearchIcon />} />}
      exporter={false}
      title={translate('resources.policyInquiries.name', { smart_count: 2 })}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="inquiry-log-table">
        <DataTable.Col source="at" render={() => <DateTimeField source="at" />} />
        <DataTable.Col source="channel" render={() => <EnumField source="channel" enumName="InquiryChannel" />} />
        <DataTable.Col source="policyNumber" render={(r) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>{r.policyNumber}</span>} />
        <DataTable.Col source="outcome" render={() => <EnumField source="outcome" enumName="InquiryOutcome" tones={OUTCOME_TONES} />} />
        <DataTable.Col source="reason" disableSort render={() => <EnumField source="reason" enumName="InquiryReason" />} />
        <DataTable.Col source="staffId" disableSort render={(r) => (r.staffId ? canReadStaff ? <StaffCell /> : `#${r.staffId}` : <Typography variant="body2" color="text.secondary">{translate('app.inquiry.log.staff_none')}</Typography>)} />
        <DataTable.Col source="responseMs" align="right" render={(r) => translate('app.inquiry.log.response', { ms: r.responseMs ?? '—' })} />
      </DataTable>
    </List>
  );
};
