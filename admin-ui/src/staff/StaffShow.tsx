import AddIcon from '@mui/icons-material/AddModeratorOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import RuleIcon from '@mui/icons-material/RuleOutlined';
import { Avatar, Box, Button, Card, CardContent, Chip, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { EditButton, ListButton, Show, TopToolbar, useCanAccess, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { SectionCard } from '../common/SectionCard';
import { useAbility } from '../common/useAbility';
import { useStaff } from '../common/useStaff';
import { GrantDialog } from '../grants/GrantDialog';
import { GrantTable } from '../grants/GrantTable';
import { effectivePermissions, staffGrants } from './api';
import { EnumChip, ErrorAlert, STAFF_STATUS_TONES, When } from '../rights/common';
import { useExplainError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';
import { EffectivePermissionsTable } from './EffectivePermissions';
import { StaffActions } from './StaffActions';
import { StaffTitle } from './StaffTitle';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
  </TopToolbar>
);

const Header = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const f = (field: string) => `resources.staff.fields.${field}`;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="staff-header">
      <CardContent>
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2, flexWrap: 'wrap' }}>
          <Avatar sx={{ bgcolor: 'primary.main', width: 48, height: 48 }}>{String(record.displayName ?? record.username ?? '?').slice(0, 1)}</Avatar>
          <Box sx={{ flex: 1, minWidth: 200 }}>
            <Typography variant="h5" sx={{ fontWeight: 600 }} data-testid="staff-display-name">
              {record.displayName}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {record.username} · {record.branch?.name ?? translate('app.rights.staff.no_branch')}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} alignItems="center">
            <EnumChip enumName="StaffStatus" value={record.status} tones={STAFF_STATUS_TONES} />
            {record.locked && <Chip size="small" color="error" label={translate(f('locked'))} />}
            {record.mustChangePassword && <Chip size="small" variant="outlined" label={translate('app.rights.staff.must_change')} />}
          </Stack>
        </Stack>
        <FieldGrid columns={4}>
          <FieldItem label={f('lastLoginAt')}>
            <When value={record.lastLoginAt} />
          </FieldItem>
          <FieldItem label={f('mfaEnrolled')}>{record.mfaEnrolled ? <When value={record.mfaEnabledAt} /> : translate('app.rights.no')}</FieldItem>
          <FieldItem label={f('passwordChangedAt')}>
            <When value={record.passwordChangedAt} />
          </FieldItem>
          <FieldItem label={f('createdAt')}>
            <When value={record.createdAt} />
          </FieldItem>
          {record.statusReason && (
            <FieldItem label={f('statusReason')} span={4}>
              {record.statusReason} (<When value={record.statusChangedAt} />)
            </FieldItem>
          )}
        </FieldGrid>
        <Box sx={{ mt: 2 }}>
          <StaffActions />
        </Box>
      </CardContent>
    </Card>
  );
};

const Grants = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const explain = useExplainError();
  const refresh = useRefresh();
  const ability = useAbility();
  const me = useStaff();
  const [open, setOpen] = useState(false);
  const id = String(record?.id ?? '');
  // Nothing is asked before the account is known: an empty staffId would not narrow the grant list.
  const grants = useLoad(() => (id ? staffGrants(id) : Promise.resolve(undefined)), [id, record?.version]);
  const effective = useLoad(() => (id ? effectivePermissions(id) : Promise.resolve(undefined)), [id, record?.version]);
  const { canAccess: canReadGrants } = useCanAccess({ action: 'read', resource: 'roleGrants' });
  if (!record || !canReadGrants) return null;
  const canGrant = !!ability?.can('grant', 'RoleGrant') && String(me?.id) !== id && record.status !== 'disabled';
  const changed = () => {
    grants.reload();
    effective.reload();
    refresh();
  };
  return (
    <Grid container spacing={2}>
      <Grid size={12}>
        <SectionCard
          title="app.rights.staff.grants"
          icon={<KeyIcon />}
          testId="staff-grants"
          action={
            canGrant ? (
              <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="grant-role-button">
                {translate('app.rights.grants.grant')}
              </Button>
            ) : undefined
          }
        >
          {grants.loading && !grants.data && <LinearProgress />}
          {!!grants.error && <ErrorAlert error={explain(grants.error)} />}
          {grants.data && <GrantTable grants={grants.data} onChanged={changed} />}
        </SectionCard>
      </Grid>
      <Grid size={12}>
        <SectionCard title="app.rights.staff.effective" icon={<RuleIcon />}>
          <EffectivePermissionsTable {...effective} />
        </SectionCard>
      </Grid>
      <GrantDialog open={open} staff={{ id, username: record.username, displayName: record.displayName }} onClose={() => setOpen(false)} onGranted={changed} />
    </Grid>
  );
};

/** One account: its details and steps, the grants it holds (past and present), and what they let it do. */
export const StaffShow = () => (
  <Show actions={<Actions />} title={<StaffTitle />} component="div">
    <Header />
    <Grants />
  </Show>
);
