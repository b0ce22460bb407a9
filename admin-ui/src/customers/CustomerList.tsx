import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import { CreateButton, DataTable, FilterButton, List, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EmptyList } from '../common/EmptyList';
import { EnumField } from '../common/EnumField';
import { ServerExportButton } from '../common/ServerExportButton';
import { listSx } from '../common/listSx';
import { useBranchBound } from '../common/useBranchBound';
import { useFieldAccess } from '../common/useFieldAccess';
import { customerFilters } from './customerFilters';
import { CustomerNameField } from './CustomerNameField';
import { CUSTOMER_STATUS_TONES } from './enums';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

/** Masked values are shown as they come; revealing happens on the customer's own page, with a reason. */
const MaskedCol = ({ source }: { source: string }) => (
  <DataTable.Col
    source={source}
    disableSort
    render={(record) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>{(record[source] as string) ?? '—'}</span>}
  />
);

/**
 * Customers the staff member may read, paged, sorted and filtered on the server. Columns the role
 * cannot read are left out rather than shown empty.
 */
export const CustomerList = () => {
  const canRead = useFieldAccess('read', 'Customer');
  const translate = useTranslate();
  const branchBound = useBranchBound('Customer');
  return (
    <List
      sx={listSx}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      filters={customerFilters(canRead, translate)}
      actions={<ListActions />}
      empty={<EmptyList icon={<PeopleIcon />} />}
      exporter={false}
      title={translate('resources.customers.name', { smart_count: 2 })}
    >
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="customer-table">
        <DataTable.Col source="name" field={CustomerNameField} sx={{ minWidth: 180 }} />
        {canRead('kind') && <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="CustomerKind" />} />}
        {canRead('idType') && <DataTable.Col source="idType" disableSort render={() => <EnumField source="idType" enumName="IdType" />} />}
        {canRead('idNumber') && <MaskedCol source="idNumber" />}
        {canRead('phone') && <MaskedCol source="phone" />}
        {!branchBound && <DataTable.Col source="branchId" sx={{ whiteSpace: 'nowrap' }} render={(record) => record.branch?.name ?? '—'} />}
        <DataTable.Col source="status" render={() => <EnumField source="status" enumName="CustomerStatus" tones={CUSTOMER_STATUS_TONES} />} />
        <DataTable.Col source="createdAt" render={() => <DateTimeField source="createdAt" />} />
      </DataTable>
    </List>
  );
};
