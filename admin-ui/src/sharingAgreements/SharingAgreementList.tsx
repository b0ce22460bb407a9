import HandshakeIcon from '@mui/icons-material/HandshakeOutlined';
import { Chip, Stack } from '@mui/material';
import { CreateButton, DataTable, DateInput, FilterButton, List, SearchInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EmptyList } from '../common/EmptyList';
import { listSx } from '../common/listSx';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="app.data_rights.sharing.search" />, <DateInput key="activeOn" source="activeOn" />];

const SharedFields = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {((record?.fields as string[] | null) ?? []).map((field) => (
        <Chip key={field} size="small" variant="outlined" label={translate(`resources.customers.fields.${field}`, { _: field })} />
      ))}
    </Stack>
  );
};

/**
 * Agreements under which customer data goes to third parties: who, why, which fields, from when to
 * when, and how many customers each covers. Compliance keeps them; paged and filtered on the server.
 */
export const SharingAgreementList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
      empty={<EmptyList icon={<HandshakeIcon />} />}
      exporter={false}
      title={translate('resources.sharingAgreements.name', { smart_count: 2 })}
    >
      <DataTable rowClick="edit" bulkActionButtons={false} size="small" data-testid="sharing-agreements-table">
        <DataTable.Col source="reference" />
        <DataTable.Col source="party" />
        <DataTable.Col source="purpose" disableSort />
        <DataTable.Col source="fields" disableSort render={() => <SharedFields />} />
        <DataTable.Col source="validFrom" />
        <DataTable.Col source="validUntil" render={(r) => r.validUntil ?? translate('app.data_rights.sharing.open_ended')} />
        <DataTable.Col source="customerCount" disableSort />
      </DataTable>
    </List>
  );
};
