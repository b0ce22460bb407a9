import AddIcon from '@mui/icons-material/AddModeratorOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import { Button } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, FilterButton, List, Pagination, ReferenceInput, SelectInput, TopToolbar, useListContext, useNotify, useTranslate, type TranslateFunction } from 'react-admin';
import { enumChoices } from '../common/choices';
import { EmptyList } from '../common/EmptyList';
import { listSx } from '../common/listSx';
import { useAbility } from '../common/useAbility';
import type { GrantRow } from '../rights/api';
import { roleOptionText } from '../rights/common';
import { GrantDialog } from './GrantDialog';
import { GrantTable } from './GrantTable';

export const GRANT_STATUSES = ['pending_approval', 'active', 'revoked', 'rejected'] as const;

const Actions = () => {
  const translate = useTranslate();
  const ability = useAbility();
  const notify = useNotify();
  const { refetch } = useListContext();
  const [open, setOpen] = useState(false);
  return (
    <TopToolbar>
      <FilterButton />
      {ability?.can('grant', 'RoleGrant') && (
        <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="grant-role-button">
          {translate('app.rights.grants.grant')}
        </Button>
      )}
      <GrantDialog
        open={open}
        onClose={() => setOpen(false)}
        onGranted={(grant) => {
          notify(grant.status === 'pending_approval' ? 'app.rights.grants.pending_done' : 'app.rights.grants.done', { type: 'success' });
          refetch();
        }}
      />
    </TopToolbar>
  );
};

const Body = () => {
  const { data, refetch } = useListContext<GrantRow & { id: string }>();
  return <GrantTable grants={data ?? []} onChanged={() => refetch()} showStaff testId="grant-list" />;
};

function grantFilters(translate: TranslateFunction) {
  return [
    <SelectInput key="status" source="status" choices={enumChoices('GrantStatus', GRANT_STATUSES)} alwaysOn sx={{ minWidth: 160 }} />,
    <ReferenceInput key="roleId" source="roleId" reference="roles" perPage={100} alwaysOn>
      <SelectInput optionText={roleOptionText(translate)} label="resources.roleGrants.fields.roleId" sx={{ minWidth: 160 }} />
    </ReferenceInput>,
    <ReferenceInput key="staffId" source="staffId" reference="staff" perPage={200} sort={{ field: 'username', order: 'ASC' }}>
      <SelectInput optionText={(s: { displayName?: string; username?: string }) => `${s.displayName ?? ''} (${s.username ?? ''})`} label="resources.roleGrants.fields.staffId" />
    </ReferenceInput>,
    <BooleanInput key="inEffect" source="inEffect" label="resources.roleGrants.fields.inEffect" />,
  ];
}

/** Role grants, newest first; with the status filter on "waiting for approval" it is the four-eyes worklist. */
export const GrantList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      filters={grantFilters(translate)}
      actions={<Actions />}
      empty={<EmptyList icon={<KeyIcon />} />}
      exporter={false}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      title={translate('resources.roleGrants.name', { smart_count: 2 })}
    >
      <Body />
    </List>
  );
};
