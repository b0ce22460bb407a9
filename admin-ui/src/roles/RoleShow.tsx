import InfoIcon from '@mui/icons-material/InfoOutlined';
import RuleIcon from '@mui/icons-material/RuleOutlined';
import { Alert, Chip, Grid, Stack, Typography } from '@mui/material';
import { DeleteButton, EditButton, ListButton, Show, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { SectionCard } from '../common/SectionCard';
import { useRoleLabel, When } from '../rights/common';
import { CloneRoleButton } from './CloneRoleButton';
import { RulesView } from './RuleEditor';
import type { RawRule } from './ruleModel';

/** Built-in roles have no delete button: the server refuses it anyway. */
const Actions = () => {
  const record = useRecordContext();
  const { canAccess: canDelete } = useCanAccess({ action: 'delete', resource: 'roles', record });
  return (
    <TopToolbar>
      <ListButton />
      <CloneRoleButton />
      <EditButton />
      {record && !record.builtIn && canDelete && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};

export const RoleTitle = () => {
  const record = useRecordContext();
  const roleLabel = useRoleLabel();
  const translate = useTranslate();
  return <>{record ? `${translate('resources.roles.name', { smart_count: 1 })} ${roleLabel(record as { name?: string; label?: string })}` : ''}</>;
};

const Detail = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const roleLabel = useRoleLabel();
  if (!record) return null;
  const f = (field: string) => `resources.roles.fields.${field}`;
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={12}>
        <SectionCard title="resources.roles.name" icon={<InfoIcon />} testId="role-header">
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }}>
            <Typography variant="h5" sx={{ fontWeight: 600 }}>
              {roleLabel(record as { name?: string; label?: string })}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
              {record.name}
            </Typography>
            {record.builtIn && <Chip size="small" variant="outlined" label={translate('app.rights.roles.built_in')} />}
            {record.highRisk && <Chip size="small" color="warning" label={translate('app.rights.roles.high_risk')} />}
            {record.requiresMfa && <Chip size="small" color="info" variant="outlined" label={translate('app.rights.roles.requires_mfa')} />}
          </Stack>
          {record.builtIn && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('app.rights.roles.built_in_hint')}
            </Alert>
          )}
          <FieldGrid columns={3}>
            <FieldItem label={f('description')}>{record.description ?? '—'}</FieldItem>
            <FieldItem label={f('holderCount')}>{record.holderCount ?? '—'}</FieldItem>
            <FieldItem label={f('updatedAt')}>
              <When value={record.updatedAt} />
            </FieldItem>
          </FieldGrid>
        </SectionCard>
      </Grid>
      <Grid size={12}>
        <SectionCard title="resources.roles.fields.rules" icon={<RuleIcon />}>
          <RulesView rules={(Array.isArray(record.rules) ? record.rules : []) as RawRule[]} />
        </SectionCard>
      </Grid>
    </Grid>
  );
};

/** One role: its settings and its rules as a matrix, in detail and as JSON. */
export const RoleShow = () => (
  <Show actions={<Actions />} title={<RoleTitle />} component="div">
    <Detail />
  </Show>
);
