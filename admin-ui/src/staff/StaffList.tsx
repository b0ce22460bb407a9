import BedtimeIcon from '@mui/icons-material/BedtimeOutlined';
import LockIcon from '@mui/icons-material/LockOutlined';
import PeopleIcon from '@mui/icons-material/BadgeOutlined';
import { Button as MuiButton, Chip, Stack } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { enumChoices } from '../common/choices';
import { EmptyList } from '../common/EmptyList';
import { listSx } from '../common/listSx';
import { EnumChip, RoleChip, roleOptionText, STAFF_STATUS_TONES, When } from '../rights/common';

export const STAFF_STATUSES = ['active', 'suspended', 'disabled'] as const;

const ListActions = () => {
  const translate = useTranslate();
  const { canAccess: canUpdate } = useCanAccess({ action: 'update', resource: 'staff' });
  return (
    <TopToolbar>
      <FilterButton />
      {canUpdate && (
        <MuiButton size="small" component={Link} to="/dormant-staff" startIcon={<BedtimeIcon />} data-testid="dormant-link">
          {translate('app.rights.dormant.title')}
        </MuiButton>
      )}
      <CreateButton />
    </TopToolbar>
  );
};

function staffFilters(translate: TranslateFunction) {
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.rights.staff.search_placeholder')} sx={{ minWidth: 260 }} />,
    <ReferenceInput key="branchId" source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200} alwaysOn>
      <SelectInput optionText="name" label="resources.staff.fields.branchId" sx={{ minWidth: 160 }} />
    </ReferenceInput>,
    <ReferenceInput key="roleId" source="roleId" reference="roles" sort={{ field: 'id', order: 'ASC' }} perPage={100} alwaysOn>
      <SelectInput optionText={roleOptionText(translate)} label="resources.staff.fields.roles" sx={{ minWidth: 160 }} />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={enumChoices('StaffStatus', STAFF_STATUSES)} alwaysOn sx={{ minWidth: 120 }} />,
    <NumberInput key="dormantForDays" source="dormantForDays" label="resources.staff.filters.dormantForDays" min={1} />,
    <BooleanInput key="locked" source="locked" label="resources.staff.fields.locked" />,
    <BooleanInput key="mfaEnrolled" source="mfaEnrolled" label="resources.staff.fields.mfaEnrolled" />,
  ];
}

/** Staff accounts, paged and filtered on the server: branch, role, status, dormant for N days. */
export const StaffList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'id', order: 'ASC' }}
      perPage={25}
      filters={staffFilters(translate)}
      actions={<ListActions />}
      empty={<EmptyList icon={<PeopleIcon />} />}
      exporter={false}
      title={translate('resources.staff.name', { smart_count: 2 })}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="staff-table">
        <DataTable.Col source="username" render={(record) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>{record.username}</span>} />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="branchId" render={(record) => record.branch?.name ?? '—'} />
        <DataTable.Col source="roles" disableSort render={(record) => ((record.roles as string[] | null) ?? []).map((role) => <RoleChip key={role} role={role} />)} />
        <DataTable.Col
          source="status"
          render={(record) => (
            <Stack direction="row" spacing={0.5} alignItems="center">
              <EnumChip enumName="StaffStatus" value={record.status} tones={STAFF_STATUS_TONES} />
              {record.locked && <Chip size="small" color="error" variant="outlined" icon={<LockIcon />} label={translate('resources.staff.fields.locked')} />}
              {record.mustChangePassword && <Chip size="small" variant="outlined" label={translate('app.rights.staff.must_change')} />}
            </Stack>
          )}
        />
        <DataTable.Col source="mfaEnrolled" disableSort render={(record) => translate(record.mfaEnrolled ? 'app.rights.yes' : 'app.rights.no')} />
        <DataTable.Col source="lastLoginAt" render={(record) => <When value={record.lastLoginAt} />} />
      </DataTable>
    </List>
  );
};
