import GavelIcon from '@mui/icons-material/GavelOutlined';
import { Alert, Box, Card, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  BooleanInput,
  Create,
  CreateButton,
  DataTable,
  DeleteButton,
  Edit,
  FilterButton,
  List,
  ListButton,
  SaveButton,
  SimpleForm,
  Title,
  Toolbar,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { EmptyList } from '../common/EmptyList';
import { listSx } from '../common/listSx';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { dutyConflictViolations } from './api';
import { EmptyRow, ErrorAlert, PageHeading, RoleChip } from '../rights/common';
import { useExplainError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';
import { DutyInputs } from './DutyInputs';

type Permission = { action: string; subject: string; field?: string };

/** A permission list in words: "reveal Customer.idNumber". */
export const Permissions = ({ value }: { value: unknown }) => {
  const translate = useTranslate();
  const list = (Array.isArray(value) ? value : []) as Permission[];
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {list.map((p, i) => (
        <Chip key={i} size="small" variant="outlined" label={`${translate(`app.rights.actions.${p.action}`, { _: p.action })} ${p.subject}${p.field ? `.${p.field}` : ''}`} />
      ))}
    </Box>
  );
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** The separation-of-duties pairs in force (or switched off). */
export const DutyList = () => {
  const translate = useTranslate();
  return (
    <List sx={listSx} sort={{ field: 'id', order: 'ASC' }} perPage={25} filters={[<BooleanInput key="enabled" source="enabled" />]} actions={<ListActions />} empty={<EmptyList icon={<GavelIcon />} />} exporter={false} title={translate('resources.dutyConflictRules.name', { smart_count: 2 })}>
      <DataTable rowClick="edit" bulkActionButtons={false} size="small" data-testid="duty-table">
        <DataTable.Col source="name" render={(record) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>{record.name}</span>} />
        <DataTable.Col source="description" disableSort sx={{ maxWidth: 360 }} />
        <DataTable.Col source="withdrawn" disableSort render={(record) => <Permissions value={record.withdrawn} />} />
        <DataTable.Col source="other" disableSort render={(record) => <Permissions value={record.other} />} />
        <DataTable.Col
          source="enabled"
          render={(record) => (
            <>
              <Chip size="small" color={record.enabled ? 'success' : 'default'} label={translate(record.enabled ? 'app.rights.yes' : 'app.rights.no')} />
              {record.builtIn && <Chip size="small" variant="outlined" label={translate('app.rights.roles.built_in')} sx={{ ml: 0.5 }} />}
            </>
          )}
        />
      </DataTable>
    </List>
  );
};

const EditToolbar = () => {
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record && !record.builtIn && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

const BuiltInHint = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return record?.builtIn ? (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      {translate('app.rights.duties.built_in_hint')}
    </Alert>
  ) : null;
};

export const DutyEdit = () => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list" actions={<TopToolbar><ListButton /></TopToolbar>}>
      <SimpleForm toolbar={<EditToolbar />} warnWhenUnsavedChanges>
        <BuiltInHint />
        <DutyInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
};

export const DutyCreate = () => {
  const translate = useTranslate();
  const onError = useSaveErrorHandler();
  return (
    <Create redirect="list" mutationOptions={{ onError }} title={translate('app.rights.duties.create_title')}>
      <SimpleForm defaultValues={{ enabled: true }}>
        <DutyInputs mode="create" />
      </SimpleForm>
    </Create>
  );
};

/** Where both sides of a pair meet in one person today, with the grants on each side. */
export const DutyViolationsPage = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const { data, error, loading } = useLoad(dutyConflictViolations, []);
  return (
    <Card variant="outlined" sx={{ mt: 2, p: 2 }} data-testid="violations-page">
      <Title title={translate('app.rights.duties.violations')} />
      <PageHeading title="app.rights.duties.violations" subtitle="app.rights.duties.violations_subtitle" />
      {loading && <LinearProgress />}
      {!!error && <ErrorAlert error={explain(error)} />}
      <Table size="small" data-testid="violations-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.roleGrants.fields.staffId')}</TableCell>
            <TableCell>{translate('resources.dutyConflictRules.fields.name')}</TableCell>
            <TableCell>{translate('app.rights.duties.withdrawn_side')}</TableCell>
            <TableCell>{translate('app.rights.duties.other_side')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data && data.length === 0 && <EmptyRow colSpan={4} text="app.rights.duties.none" />}
          {(data ?? []).map((v) => (
            <TableRow key={`${v.staffId}-${v.rule.id}`}>
              <TableCell>
                <Link to={`/staff/${v.staffId}/show`}>{v.staff?.displayName ?? `#${v.staffId}`}</Link>
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {v.staff?.username}
                </Typography>
              </TableCell>
              <TableCell>
                <code>{v.rule.name}</code>
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {v.rule.description}
                </Typography>
              </TableCell>
              <TableCell>{v.withdrawnGrants.map((g) => <RoleChip key={g.id} role={g.role} />)}</TableCell>
              <TableCell>{v.otherGrants.map((g) => <RoleChip key={g.id} role={g.role} />)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};
