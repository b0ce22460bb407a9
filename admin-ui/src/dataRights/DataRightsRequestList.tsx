import PrivacyTipIcon from '@mui/icons-material/PrivacyTipOutlined';
import { DataTable, DateInput, FilterButton, List, ReferenceField, ReferenceInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EmptyList } from '../common/EmptyList';
import { EnumField } from '../common/EnumField';
import { enumChoices } from '../common/choices';
import { listSx } from '../common/listSx';
import { REQUEST_KINDS, REQUEST_STATUSES, REQUEST_STATUS_TONES } from './enums';
import { RetentionCell } from './RetentionCell';

const filters = [
  <SelectInput key="kind" source="kind" choices={enumChoices('DataRightsRequestKind', REQUEST_KINDS)} alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('DataRightsRequestStatus', REQUEST_STATUSES)} alwaysOn />,
  <ReferenceInput key="branchId" source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="name" label="resources.dataRightsRequests.fields.branchId" />
  </ReferenceInput>,
  <DateInput key="retentionUntil_lte" source="retentionUntil_lte" />,
];

/**
 * The register of data-subject requests: copies (access) and deletions, with the day a restricted
 * customer is due for anonymisation. Paged, sorted and filtered on the server.
 */
export const DataRightsRequestList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      perPage={25}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
      empty={<EmptyList icon={<PrivacyTipIcon />} />}
      exporter={false}
      title={translate('resources.dataRightsRequests.name', { smart_count: 2 })}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="rights-requests-table">
        <DataTable.Col source="id" />
        <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="DataRightsRequestKind" />} />
        <DataTable.Col
          source="customerId"
          disableSort
          render={(r) => (r.customer?.name ? `${r.customer.name} (${r.customerId})` : translate('app.data_rights.register.customer_hidden', { id: r.customerId }))}
        />
        <DataTable.Col source="branchId" disableSort render={() => (
            <ReferenceField source="branchId" reference="branches" link={false}>
              <TextField source="name" />
            </ReferenceField>
          )}
        />
        <DataTable.Col source="status" render={() => <EnumField source="status" enumName="DataRightsRequestStatus" tones={REQUEST_STATUS_TONES} />} />
        <DataTable.Col source="channel" disableSort render={() => <EnumField source="channel" enumName="RightsChannel" />} />
        <DataTable.Col source="receivedAt" render={() => <DateTimeField source="receivedAt" />} />
        <DataTable.Col source="retentionUntil" render={() => <RetentionCell />} />
        <DataTable.Col source="completedAt" disableSort render={() => <DateTimeField source="completedAt" />} />
      </DataTable>
    </List>
  );
};
