import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import { CreateButton, DataTable, FilterButton, List, TopToolbar, useTranslate } from 'react-admin';
import { EmptyList } from '../common/EmptyList';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { ServerExportButton } from '../common/ServerExportButton';
import { listSx } from '../common/listSx';
import { useBranchBound } from '../common/useBranchBound';
import { POLICY_STATUS_TONES } from './enums';
import { ExpiryField } from './ExpiryField';
import { PolicyFilterSidebar } from './PolicyFilterSidebar';
import { policyFilters } from './policyFilters';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13, whiteSpace: 'nowrap', lineHeight: '20px' } as const;

/** Policies the staff member may read: server-side paging, sorting and filters, renewals a click away. */
export const PolicyList = () => {
  const translate = useTranslate();
  const branchBound = useBranchBound('Policy');
  return (
    <List
      sx={listSx}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      filters={policyFilters(translate)}
      actions={<ListActions />}
      aside={<PolicyFilterSidebar />}
      empty={<EmptyList icon={<DescriptionIcon />} />}
      exporter={false}
      title={translate('resources.policies.name', { smart_count: 2 })}
    >
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="policy-table">
        <DataTable.Col source="policyNumber" sx={mono} />
        <DataTable.Col source="productName" disableSort sx={{ minWidth: 140 }} />
        <DataTable.Col source="line" render={() => <EnumField source="line" enumName="PolicyLine" />} />
        <DataTable.Col source="holderId" disableSort sx={{ whiteSpace: 'nowrap', maxWidth: 150, overflow: 'hidden', textOverflow: 'ellipsis' }} render={(record) => record.holder?.name ?? '—'} />
        <DataTable.Col source="status" render={() => <EnumField source="status" enumName="PolicyStatus" tones={POLICY_STATUS_TONES} />} />
        <DataTable.Col source="sumInsuredFen" align="right" render={() => <MoneyField source="sumInsuredFen" />} />
        <DataTable.Col source="premiumFen" align="right" render={() => <MoneyField source="premiumFen" />} />
        <DataTable.Col source="expiryDate" field={ExpiryField} />
        {!branchBound && <DataTable.Col source="branchId" sx={{ whiteSpace: 'nowrap' }} render={(record) => record.branch?.name ?? '—'} />}
      </DataTable>
    </List>
  );
};
