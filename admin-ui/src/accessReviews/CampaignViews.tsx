import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import CancelIcon from '@mui/icons-material/CancelOutlined';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { Alert, Box, Button, Chip, Grid, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Create,
  CreateButton,
  DataTable,
  FormDataConsumer,
  List,
  ListButton,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  Show,
  SimpleForm,
  TextInput,
  TopToolbar,
  useCanAccess,
  useLocale,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { downloadText as download } from '../common/download';
import { EmptyList } from '../common/EmptyList';
import { InstantInput } from '../common/InstantInput';
import { listSx } from '../common/listSx';
import { SectionCard } from '../common/SectionCard';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { accessReviewEvidence, cancelCampaign, exportEvidence } from '../rights/api';
import { EmptyRow, EnumChip, ErrorAlert, OUTCOME_TONES, ReasonDialog, roleOptionText, When } from '../rights/common';
import { useExplainError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';

const SCOPES = ['everyone', 'branch', 'role'] as const;
const DEADLINE_RULES = ['revoke', 'keep_and_flag'] as const;
const CAMPAIGN_TONES = { open: 'info', completed: 'success', closed: 'warning', cancelled: 'default' } as const;
const ITEM_TONES = { pending: 'info', kept: 'success', revoked: 'error', kept_flagged: 'warning', revoked_at_deadline: 'error', already_ended: 'default', cancelled: 'default' } as const;

const Progress = ({ totals }: { totals?: Record<string, number> | null }) => {
  if (!totals) return <>—</>;
  const done = totals.total - totals.pending;
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ minWidth: 140 }}>
      <LinearProgress variant="determinate" value={totals.total ? (100 * done) / totals.total : 100} sx={{ flex: 1, height: 6, borderRadius: 3 }} />
      <Typography variant="caption" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {done}/{totals.total}
      </Typography>
    </Stack>
  );
};

/** Access review campaigns (权限复核): scope, deadline, the rule for unanswered items, progress. */
export const CampaignList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      filters={[<SelectInput key="status" source="status" choices={enumChoices('ReviewCampaignStatus', ['open', 'completed', 'closed', 'cancelled'])} alwaysOn />]}
      actions={<TopToolbar><CreateButton /></TopToolbar>}
      empty={<EmptyList icon={<AssignmentTurnedInIcon />} />}
      exporter={false}
      title={translate('resources.accessReviewCampaigns.name', { smart_count: 2 })}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="campaign-table">
        <DataTable.Col source="name" />
        <DataTable.Col source="scope" disableSort render={(record) => <EnumChip enumName="ReviewScope" value={record.scope} />} />
        <DataTable.Col source="status" render={(record) => <EnumChip enumName="ReviewCampaignStatus" value={record.status} tones={CAMPAIGN_TONES} />} />
        <DataTable.Col source="dueAt" render={(record) => <When value={record.dueAt} />} />
        <DataTable.Col source="deadlineRule" disableSort render={(record) => translate(`app.enums.ReviewDeadlineRule.${record.deadlineRule}`, { _: record.deadlineRule ?? '—' })} />
        <DataTable.Col source="totals" disableSort render={(record) => <Progress totals={record.totals} />} />
        <DataTable.Col source="createdAt" render={(record) => <When value={record.createdAt} />} />
      </DataTable>
    </List>
  );
};

/** A new campaign: everyone, one branch or one role; a named reviewer or each branch's manager. */
export const CampaignCreate = () => {
  const translate = useTranslate();
  const onError = useSaveErrorHandler();
  return (
    <Create redirect="show" mutationOptions={{ onError }} title={translate('app.rights.reviews.create_title')}>
      <SimpleForm defaultValues={{ scope: 'everyone', deadlineRule: 'keep_and_flag' }}>
        <TextInput source="name" validate={required()} sx={{ minWidth: 360 }} />
        <TextInput source="description" multiline fullWidth />
        <SelectInput source="scope" choices={enumChoices('ReviewScope', SCOPES)} validate={required()} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.scope === 'branch' ? (
              <ReferenceInput source="branchId" reference="branches" perPage={200}>
                <SelectInput optionText="name" validate={required()} label="resources.accessReviewCampaigns.fields.branchId" />
              </ReferenceInput>
            ) : formData.scope === 'role' ? (
              <ReferenceInput source="roleId" reference="roles" perPage={100}>
                <SelectInput optionText={roleOptionText(translate)} validate={required()} label="resources.accessReviewCampaigns.fields.roleId" />
              </ReferenceInput>
            ) : null
          }
        </FormDataConsumer>
        <ReferenceInput source="reviewerId" reference="staff" perPage={200} sort={{ field: 'username', order: 'ASC' }} filter={{ status: 'active' }}>
          <SelectInput optionText={(s: { displayName?: string; username?: string }) => `${s.displayName ?? ''} (${s.username ?? ''})`} helperText="app.rights.reviews.reviewer_help" label="resources.accessReviewCampaigns.fields.reviewerId" />
        </ReferenceInput>
        <InstantInput source="dueAt" validate={required()} helperText="app.rights.reviews.due_help" sx={{ minWidth: 280, mt: 1 }} />
        <SelectInput source="deadlineRule" choices={enumChoices('ReviewDeadlineRule', DEADLINE_RULES)} validate={required()} sx={{ minWidth: 280 }} />
        <NumberInput source="remindDaysBefore" min={0} />
      </SimpleForm>
    </Create>
  );
};

const TOTAL_KEYS = ['total', 'pending', 'kept', 'revoked', 'keptFlagged', 'revokedAtDeadline', 'alreadyEnded', 'cancelled', 'unassigned'];

const Evidence = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const explain = useExplainError();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const id = String(record?.id ?? '');
  const evidence = useLoad(() => accessReviewEvidence(id), [id, record?.version, record?.status]);
  const { canAccess: canCancel } = useCanAccess({ action: 'update', resource: 'accessReviewCampaigns', record });
  const [cancelling, setCancelling] = useState(false);
  if (!record) return null;
  const data = evidence.data;
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={12}>
        <SectionCard
          title="app.rights.reviews.evidence"
          icon={<AssignmentTurnedInIcon />}
          testId="campaign-evidence"
          action={
            <Stack direction="row" spacing={1}>
              <Button
                size="small"
                startIcon={<DownloadIcon />}
                data-testid="export-evidence"
                onClick={async () => {
                  try {
                    const file = await exportEvidence(id, locale);
                    download(file.filename, file.csv);
                    notify('app.export.done', { type: 'success', messageArgs: { rows: file.rows } });
                  } catch (e) {
                    notify(explain(e).message, { type: 'error' });
                  }
                }}
              >
                {translate('app.rights.reviews.export')}
              </Button>
              {record.status === 'open' && canCancel && (
                <Button size="small" color="error" startIcon={<CancelIcon />} onClick={() => setCancelling(true)}>
                  {translate('app.rights.reviews.cancel')}
                </Button>
              )}
            </Stack>
          }
        >
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <Typography variant="h6">{record.name}</Typography>
            <EnumChip enumName="ReviewCampaignStatus" value={record.status} tones={CAMPAIGN_TONES} />
            <EnumChip enumName="ReviewScope" value={record.scope} />
            <Typography variant="body2" color="text.secondary">
              {translate('resources.accessReviewCampaigns.fields.dueAt')} <When value={record.dueAt} /> · {translate(`app.enums.ReviewDeadlineRule.${record.deadlineRule}`, { _: '' })}
            </Typography>
          </Stack>
          {evidence.loading && !data && <LinearProgress />}
          {!!evidence.error && <ErrorAlert error={explain(evidence.error)} />}
          {data && (
            <>
              <Alert severity={data.final ? 'success' : 'info'} sx={{ mb: 2 }}>
                {translate(data.final ? 'app.rights.reviews.final' : 'app.rights.reviews.not_final')} {translate('app.rights.reviews.generated')} <When value={data.generatedAt} />
              </Alert>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2 }} data-testid="campaign-totals">
                {TOTAL_KEYS.map((key) => (
                  <Chip key={key} variant="outlined" label={`${translate(`app.rights.reviews.totals_labels.${key}`)}: ${data.totals[key] ?? 0}`} />
                ))}
              </Box>
              <Table size="small" data-testid="evidence-items">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.accessReviewItems.fields.staffName')}</TableCell>
                    <TableCell>{translate('resources.accessReviewItems.fields.roleName')}</TableCell>
                    <TableCell>{translate('resources.accessReviewItems.fields.reviewer')}</TableCell>
                    <TableCell>{translate('resources.accessReviewItems.fields.outcome')}</TableCell>
                    <TableCell>{translate('resources.accessReviewItems.fields.comment')}</TableCell>
                    <TableCell>{translate('resources.accessReviewItems.fields.decidedAt')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.items.length === 0 && <EmptyRow colSpan={6} text="app.rights.reviews.none" />}
                  {data.items.map((item) => (
                    <TableRow key={item.id}>
                      <TableCell>
                        {item.staffName} <Typography variant="caption" color="text.secondary">{item.staffUsername}</Typography>
                      </TableCell>
                      <TableCell>{translate(`app.roles.${item.roleName}`, { _: item.roleLabel ?? item.roleName ?? '—' })}</TableCell>
                      <TableCell>{item.reviewer?.displayName ?? '—'}</TableCell>
                      <TableCell>
                        <EnumChip enumName="ReviewOutcome" value={item.outcome} tones={ITEM_TONES} />
                      </TableCell>
                      <TableCell sx={{ maxWidth: 280 }}>{item.comment ?? '—'}</TableCell>
                      <TableCell>
                        <When value={item.decidedAt} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Typography variant="subtitle2" sx={{ mt: 3, mb: 1 }}>
                {translate('app.rights.reviews.audit_trail')}
              </Typography>
              <Table size="small">
                <TableBody>
                  {data.auditTrail.map((entry) => (
                    <TableRow key={entry.id}>
                      <TableCell sx={{ width: 150 }}>
                        <When value={entry.at} />
                      </TableCell>
                      <TableCell sx={{ width: 120 }}>{entry.staffUsername ?? '—'}</TableCell>
                      <TableCell sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12.5 }}>{entry.action}</TableCell>
                      <TableCell>
                        <EnumChip enumName="AuditOutcome" value={entry.outcome} tones={OUTCOME_TONES} />
                      </TableCell>
                      <TableCell>{entry.reason ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </SectionCard>
      </Grid>
      {cancelling && (
        <ReasonDialog
          open
          danger
          title="app.rights.reviews.cancel"
          explanation="app.rights.reviews.cancel_explain"
          confirmLabel="app.rights.reviews.cancel"
          onClose={() => setCancelling(false)}
          onConfirm={async (reason) => {
            await cancelCampaign(id, reason);
            notify('app.rights.reviews.cancelled_done', { type: 'success' });
            refresh();
          }}
        />
      )}
    </Grid>
  );
};

/** A campaign as its evidence report: totals, every item with its outcome and comment, and its audit trail. */
export const CampaignShow = () => (
  <Show actions={<TopToolbar><ListButton /></TopToolbar>} component="div">
    <Evidence />
  </Show>
);
