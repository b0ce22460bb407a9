import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import CancelIcon from '@mui/icons-material/CancelOutlined';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { Alert, Box, Button, Chip, Grid, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { ListButton, Show, TopToolbar, useCanAccess, useLocale, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { downloadText as download } from '../common/download';
import { SectionCard } from '../common/SectionCard';
import { EmptyRow, EnumChip, ErrorAlert, OUTCOME_TONES, ReasonDialog, When } from '../rights/common';
import { useExplainError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';
import { accessReviewEvidence, cancelCampaign, exportEvidence } from './api';
import { ReassignButton } from './ReassignButton';
import { CAMPAIGN_TONES, ITEM_TONES } from './tones';

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
  const { canAccess: canManage } = useCanAccess({ action: 'update', resource: 'accessReviewCampaigns', record });
  const [cancelling, setCancelling] = useState(false);
  if (!record) return null;
  const data = evidence.data;
  const roleOf = (item: { roleName: string | null; roleLabel: string | null }) => translate(`app.roles.${item.roleName}`, { _: item.roleLabel ?? item.roleName ?? '—' });
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
              {record.status === 'open' && canManage && (
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
                      <TableCell>{roleOf(item)}</TableCell>
                      <TableCell data-testid={`reviewer-${item.id}`}>
                        {item.reviewer?.displayName ?? translate('app.rights.reviews.unassigned')}
                        {record.status === 'open' && canManage && item.outcome === 'pending' && <ReassignButton item={{ ...item, roleLabel: roleOf(item) }} onDone={evidence.reload} />}
                      </TableCell>
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
