import HowToRegIcon from '@mui/icons-material/HowToRegOutlined';
import { Chip, Stack } from '@mui/material';
import { BooleanInput, CreateButton, DataTable, FilterButton, List, SearchInput, TopToolbar, useTranslate } from 'react-admin';
import { EmptyList } from '../common/EmptyList';
import { listSx } from '../common/listSx';
import { useRoleLabel, When } from '../rights/common';

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const filters = [<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="highRisk" source="highRisk" />, <BooleanInput key="requiresMfa" source="requiresMfa" />, <BooleanInput key="builtIn" source="builtIn" />];

/** Roles with their flags and how many hold each right now. */
export const RoleList = () => {
  const translate = useTranslate();
  const roleLabel = useRoleLabel();
  return (
    <List sx={listSx} sort={{ field: 'id', order: 'ASC' }} perPage={25} filters={filters} actions={<Actions />} empty={<EmptyList icon={<HowToRegIcon />} />} exporter={false} title={translate('resources.roles.name', { smart_count: 2 })}>
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="role-table">
        <DataTable.Col source="label" render={(record) => roleLabel(record)} />
        <DataTable.Col source="name" render={(record) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>{record.name}</span>} />
        <DataTable.Col source="description" disableSort sx={{ maxWidth: 380 }} />
        <DataTable.Col
          source="builtIn"
          disableSort
          label="app.rights.roles.rules"
          render={(record) => (
            <Stack direction="row" spacing={0.5}>
              {record.builtIn && <Chip size="small" variant="outlined" label={translate('app.rights.roles.built_in')} />}
              {record.highRisk && <Chip size="small" color="warning" label={translate('app.rights.roles.high_risk')} />}
              {record.requiresMfa && <Chip size="small" color="info" variant="outlined" label={translate('app.rights.roles.requires_mfa')} />}
            </Stack>
          )}
        />
        <DataTable.Col source="holderCount" disableSort align="right" />
        <DataTable.Col source="updatedAt" render={(record) => <When value={record.updatedAt} />} />
      </DataTable>
    </List>
  );
};
