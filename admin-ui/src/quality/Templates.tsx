import ChecklistIcon from '@mui/icons-material/ChecklistOutlined';
import HistoryIcon from '@mui/icons-material/HistoryOutlined';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment } from 'react';
import {
  ArrayInput,
  BooleanInput,
  CreateButton,
  Create,
  DataTable,
  Edit,
  EditButton,
  RecordContextProvider,
  useDataProvider,
  FilterButton,
  List,
  NumberInput,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  TopToolbar,
  maxLength,
  maxValue,
  minValue,
  required,
  useCreatePath,
  useGetList,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  type HttpError,
  type RaRecord,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { DateTimeField } from '../common/DateTimeField';
import { EmptyList } from '../common/EmptyList';
import { SectionCard } from '../common/SectionCard';
import { enumChoices } from '../common/choices';
import { listSx } from '../common/listSx';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import type { AppErrorBody } from '../providers/toHttpError';
import type { TemplateItem } from './api';
import { DIMENSIONS } from './enums';

const templateFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="current" source="current" label="app.quality.template.current_only" alwaysOn helperText={false} />,
  <BooleanInput key="active" source="active" helperText={false} />,
];

/** Checklist templates (质检检查表): one row per version; by default only the newest of each. */
export const TemplateList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'code', order: 'ASC' }}
      filters={templateFilters}
      filterDefaultValues={{ current: true }}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton label="app.quality.template.new" />
        </TopToolbar>
      }
      empty={<EmptyList icon={<ChecklistIcon />} />}
      exporter={false}
      title={translate('app.quality.menu.templates')}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="template-table">
        <DataTable.Col source="code" sx={{ fontFamily: 'ui-monospace, Menlo, monospace' }} />
        <DataTable.Col source="revision" align="right" />
        <DataTable.Col source="name" />
        <DataTable.Col source="items" disableSort render={(r) => translate('app.quality.template.item_count', { count: (r.items as TemplateItem[] | null)?.length ?? 0 })} />
        <DataTable.Col source="current" disableSort render={(r) => (r.current ? <Chip size="small" color="primary" variant="outlined" label={translate('resources.qualityTemplates.fields.current')} /> : '—')} />
        <DataTable.Col source="inUse" disableSort render={(r) => (r.inUse ? <Chip size="small" label={translate('app.quality.template.in_use')} /> : '—')} />
        <DataTable.Col source="active" disableSort render={(r) => translate(r.active ? 'app.quality.common.yes' : 'app.quality.common.no')} />
        <DataTable.Col source="updatedAt" render={() => <DateTimeField source="updatedAt" />} />
      </DataTable>
    </List>
  );
};

/** Items grouped by dimension, with weights, shares and guidance. */
export const ItemsTable = ({ items }: { items: TemplateItem[] }) => {
  const translate = useTranslate();
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  return (
    <Table size="small" data-testid="template-items" sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.qualityTemplates.fields.title')}</TableCell>
          <TableCell align="right">{translate('resources.qualityTemplates.fields.weight')}</TableCell>
          <TableCell>{translate('resources.qualityTemplates.fields.guidance')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {DIMENSIONS.map((d) => {
          const group = items.filter((i) => i.dimension === d);
          if (!group.length) return null;
          const weight = group.reduce((sum, i) => sum + i.weight, 0);
          return (
            <Fragment key={d}>
              <TableRow sx={{ bgcolor: 'action.hover' }}>
                <TableCell sx={{ fontWeight: 600 }}>{translate(`app.enums.QualityDimension.${d}`)}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  {weight}
                  {total ? <Typography component="span" variant="caption" color="text.secondary">{` (${Math.round((weight / total) * 100)}%)`}</Typography> : null}
                </TableCell>
                <TableCell />
              </TableRow>
              {group.map((item) => (
                <TableRow key={item.key}>
                  <TableCell>{item.title}</TableCell>
                  <TableCell align="right">{item.weight}</TableCell>
                  <TableCell>
                    <Typography variant="body2" color="text.secondary">
                      {item.guidance || '—'}
                    </Typography>
                  </TableCell>
                </TableRow>
              ))}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** Every version of the template's family, newest first. */
const Versions = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data } = useGetList('qualityTemplates', { filter: { code: record.code }, sort: { field: 'revision', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  return (
    <Stack spacing={1.25} data-testid="template-versions">
      {(data ?? []).map((v) => (
        <Box key={v.id}>
          <Stack direction="row" spacing={0.75} alignItems="center" sx={{ whiteSpace: 'nowrap' }}>
            {v.id === record.id ? (
              <strong>{translate('app.quality.common.revision', { n: v.revision })}</strong>
            ) : (
              <Link to={createPath({ resource: 'qualityTemplates', type: 'show', id: v.id })}>{translate('app.quality.common.revision', { n: v.revision })}</Link>
            )}
            {v.current && <Chip size="small" color="primary" variant="outlined" label={translate('resources.qualityTemplates.fields.current')} />}
            {v.inUse && <Chip size="small" label={translate('app.quality.template.in_use')} />}
          </Stack>
          <Box sx={{ color: 'text.secondary' }}>
            <RecordContextProvider value={v}>
              <DateTimeField source="updatedAt" />
            </RecordContextProvider>
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

const TemplateView = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const items = (record.items as TemplateItem[] | null) ?? [];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 300px' }, gap: 2, p: 2 }}>
      <SectionCard title="app.quality.template.items" icon={<ChecklistIcon />} action={<Typography variant="caption">{translate('app.quality.template.total_weight', { weight: items.reduce((s, i) => s + i.weight, 0) })}</Typography>}>
        <Typography variant="h6" sx={{ mb: 0.5 }}>
          {record.name}
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {record.code} · {translate('app.quality.common.revision', { n: record.revision })}
          </Typography>
        </Typography>
        {record.description && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {record.description}
          </Typography>
        )}
        {!record.current && <Alert severity="info" sx={{ mb: 1 }}>{translate('app.quality.template.not_current')}</Alert>}
        <ItemsTable items={items} />
      </SectionCard>
      <SectionCard title="app.quality.template.versions" icon={<HistoryIcon />}>
        <Versions record={record} />
      </SectionCard>
    </Box>
  );
};

const ShowActions = () => {
  const record = useRecordContext();
  return <TopToolbar>{record?.current && <EditButton />}</TopToolbar>;
};

export const TemplateShow = () => (
  <Show actions={<ShowActions />}>
    <TemplateView />
  </Show>
);

const WeightTotal = () => {
  const translate = useTranslate();
  const items = (useWatch({ name: 'items' }) as Array<{ weight?: number }> | undefined) ?? [];
  const total = items.reduce((sum, i) => sum + (Number(i?.weight) || 0), 0);
  return (
    <Typography variant="body2" color="text.secondary" data-testid="weight-total">
      {translate('app.quality.template.total_weight', { weight: total })}
    </Typography>
  );
};

/** The template form, shared by create and edit: name, description, and the weighted items by dimension with guidance. */
export const TemplateInputs = ({ creating }: { creating?: boolean }) => (
  <>
    {creating && <TextInput source="code" validate={[required(), maxLength(32)]} helperText="HOTLINE, COUNTER …" />}
    <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
    <TextInput source="description" multiline fullWidth validate={maxLength(500)} />
    <ArrayInput source="items" label="app.quality.template.items">
      <SimpleFormIterator inline disableReordering={false} addButton={undefined} sx={{ '& .RaSimpleFormIterator-inline': { rowGap: 0 } }}>
        <SelectInput source="dimension" label="resources.qualityTemplates.fields.dimension" choices={enumChoices('QualityDimension', DIMENSIONS)} validate={required()} sx={{ minWidth: 150 }} helperText={false} />
        <TextInput source="title" label="resources.qualityTemplates.fields.title" validate={required()} sx={{ minWidth: 260 }} helperText={false} />
        <NumberInput source="weight" label="resources.qualityTemplates.fields.weight" validate={[required(), minValue(1), maxValue(100)]} sx={{ width: 90 }} helperText={false} />
        <TextInput source="guidance" label="resources.qualityTemplates.fields.guidance" sx={{ minWidth: 320 }} helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
    <WeightTotal />
  </>
);

const InUseNotice = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.current) return <Alert severity="warning" sx={{ mb: 2 }}>{translate('app.quality.template.not_current')}</Alert>;
  if (!record.inUse) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="in-use-notice">
      {translate('app.quality.template.in_use_hint', { next: Number(record.revision) + 1 })}
    </Alert>
  );
};

/**
 * Saving an edit of a template in use answers with its next version (another record): the save is
 * made here rather than by react-admin's update, which would file the new version under the old id.
 */
const TemplateEditForm = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider();
  const onError = useSaveErrorHandler();
  const record = useRecordContext();
  const save = async (values: Record<string, unknown>) => {
    if (!record) return undefined;
    try {
      const { data } = await dataProvider.update('qualityTemplates', { id: record.id, data: values, previousData: record });
      notify('app.quality.template.new_version_saved', { type: 'success', messageArgs: { revision: data.revision } });
      redirect('show', 'qualityTemplates', data.id);
      return undefined;
    } catch (error) {
      onError(error);
      return ((error as HttpError).body as AppErrorBody | undefined)?.errors;
    }
  };
  return (
    <SimpleForm onSubmit={save}>
      <InUseNotice />
      <TemplateInputs />
      <BooleanInput source="active" />
    </SimpleForm>
  );
};

export const TemplateEdit = () => (
  <Edit mutationMode="pessimistic">
    <TemplateEditForm />
  </Edit>
);

export const TemplateCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ items: DIMENSIONS.map((dimension) => ({ dimension, title: '', weight: 10, guidance: '' })) }}>
      <TemplateInputs creating />
    </SimpleForm>
  </Create>
);
