import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { DataTable, List, LinearProgress, SelectInput, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { listSx } from '../common/listSx';
import { useStaff } from '../common/useStaff';
import { decideReviewItem } from './api';
import { EnumChip, PageHeading, ReasonDialog, RoleChip, When } from '../rights/common';

const OUTCOMES = ['pending', 'kept', 'revoked', 'kept_flagged', 'revoked_at_deadline', 'already_ended', 'cancelled'] as const;

const Decide = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [decision, setDecision] = useState<'keep' | 'revoke' | null>(null);
  if (!record || record.outcome !== 'pending') return null;
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      <Button size="small" variant="outlined" color="success" onClick={() => setDecision('keep')} data-testid="review-keep">
        {translate('app.rights.reviews.keep')}
      </Button>
      <Button size="small" variant="outlined" color="error" onClick={() => setDecision('revoke')} data-testid="review-revoke">
        {translate('app.rights.reviews.revoke')}
      </Button>
      {decision && (
        <ReasonDialog
          open
          danger={decision === 'revoke'}
          title={`app.rights.reviews.${decision}`}
          explanation={`${record.staffName ?? ''} · ${translate(`app.roles.${record.roleName}`, { _: record.roleLabel ?? record.roleName ?? '' })}`}
          confirmLabel={`app.rights.reviews.${decision}`}
          reasonLabel="app.rights.reviews.comment"
          reasonHelp="app.rights.reviews.comment_help"
          onClose={() => setDecision(null)}
          onConfirm={async (comment) => {
            await decideReviewItem(String(record.id), decision, comment);
            notify('app.rights.reviews.decided', { type: 'success' });
            refresh();
          }}
        />
      )}
    </Stack>
  );
};

/** A reviewer's worklist: the grants they are asked to keep or revoke, with a comment for the evidence. */
export const ReviewWorklist = () => {
  const translate = useTranslate();
  const staff = useStaff();
  if (!staff) return <LinearProgress />;
  return (
    <>
      <PageHeading title="app.rights.reviews.worklist" subtitle="app.rights.reviews.worklist_subtitle" />
      <List
        resource="accessReviewItems"
        sx={listSx}
        filter={{ reviewerId: staff.id }}
        filterDefaultValues={{ outcome: 'pending' }}
        filters={[<SelectInput key="outcome" source="outcome" choices={enumChoices('ReviewOutcome', OUTCOMES)} alwaysOn />]}
        sort={{ field: 'id', order: 'ASC' }}
        perPage={25}
        exporter={false}
        empty={
          <Stack alignItems="center" sx={{ py: 8, color: 'text.secondary' }} data-testid="empty-list">
            <AssignmentTurnedInIcon sx={{ fontSize: 56 }} />
            <Typography>{translate('app.rights.reviews.none')}</Typography>
          </Stack>
        }
        title={translate('app.rights.reviews.worklist')}
        actions={false}
      >
        <DataTable bulkActionButtons={false} rowClick={false} size="small" data-testid="review-items">
          <DataTable.Col source="campaignName" disableSort />
          <DataTable.Col source="staffName" render={(record) => `${record.staffName ?? ''} (${record.staffUsername ?? ''})`} disableSort />
          <DataTable.Col source="roleName" render={(record) => <RoleChip role={{ name: record.roleName, label: record.roleLabel }} />} />
          <DataTable.Col source="grantReason" disableSort />
          <DataTable.Col source="grantedAt" disableSort render={(record) => <When value={record.grantedAt} />} />
          <DataTable.Col source="dueAt" disableSort render={(record) => <When value={record.dueAt} />} />
          <DataTable.Col source="outcome" render={(record) => <EnumChip enumName="ReviewOutcome" value={record.outcome} />} />
          <DataTable.Col source="comment" disableSort />
          <DataTable.Col source="id" label=" " disableSort render={() => <Decide />} />
        </DataTable>
      </List>
    </>
  );
};
