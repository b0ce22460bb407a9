import CompareIcon from '@mui/icons-material/CompareArrowsOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { Box, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { SectionCard } from '../common/SectionCard';
import { EmptyRow, EnumChip, OUTCOME_TONES, When } from '../rights/common';

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

const Value = ({ value }: { value: unknown }) =>
  value === null || value === undefined ? (
    <Typography component="span" color="text.disabled">
      —
    </Typography>
  ) : (
    <Box component="code" sx={{ fontSize: 12.5, wordBreak: 'break-all' }}>
      {typeof value === 'string' ? value : JSON.stringify(value)}
    </Box>
  );

const Detail = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const f = (field: string) => `resources.auditEntries.fields.${field}`;
  const changes = (record.fieldChanges as { field: string; from: unknown; to: unknown }[] | null) ?? [];
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={12}>
        <SectionCard title="app.rights.audit.entry" icon={<InfoIcon />} testId="audit-entry">
          <FieldGrid columns={4}>
            <FieldItem label={f('seq')}>{record.seq}</FieldItem>
            <FieldItem label={f('at')}>
              <When value={record.at} />
            </FieldItem>
            <FieldItem label={f('staffUsername')}>{record.staff?.displayName ?? record.staffUsername ?? '—'}</FieldItem>
            <FieldItem label={f('outcome')}>
              <EnumChip enumName="AuditOutcome" value={record.outcome} tones={OUTCOME_TONES} />
            </FieldItem>
            <FieldItem label={f('action')}>
              <code>{record.action}</code>
            </FieldItem>
            <FieldItem label={f('subjectType')}>{record.subjectType ?? '—'}</FieldItem>
            <FieldItem label={f('subjectId')}>{record.subjectId ?? '—'}</FieldItem>
            <FieldItem label={f('requestId')}>
              <code>{record.requestId ?? '—'}</code>
            </FieldItem>
            <FieldItem label={f('reason')} span={4}>
              {record.reason ?? '—'}
            </FieldItem>
            {record.redactedAt && (
              <FieldItem label={f('redactedAt')}>
                <When value={record.redactedAt} />
              </FieldItem>
            )}
            <FieldItem label={f('hash')} span={2}>
              <code style={{ fontSize: 11 }}>{record.hash}</code>
            </FieldItem>
            <FieldItem label={f('prevHash')} span={2}>
              <code style={{ fontSize: 11 }}>{record.prevHash ?? '—'}</code>
            </FieldItem>
          </FieldGrid>
        </SectionCard>
      </Grid>
      <Grid size={12}>
        <SectionCard title="app.rights.audit.before_after" icon={<CompareIcon />} testId="audit-changes">
          <Typography variant="caption" color="text.secondary">
            {translate('app.rights.audit.masked_hint')}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.rights.audit.field')}</TableCell>
                <TableCell>{translate('app.rights.audit.before')}</TableCell>
                <TableCell>{translate('app.rights.audit.after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.length === 0 && record.changes == null && <EmptyRow colSpan={3} text="app.rights.audit.no_changes" />}
              {changes.map((change) => (
                <TableRow key={change.field}>
                  <TableCell sx={{ fontWeight: 500 }}>{change.field}</TableCell>
                  <TableCell>
                    <Value value={change.from} />
                  </TableCell>
                  <TableCell>
                    <Value value={change.to} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {changes.length === 0 && record.changes != null && (
            <Box component="pre" sx={{ mt: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12.5, overflowX: 'auto' }} data-testid="audit-changes-raw">
              {JSON.stringify(record.changes, null, 2)}
            </Box>
          )}
        </SectionCard>
      </Grid>
    </Grid>
  );
};

const Title = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record ? `${translate('resources.auditEntries.name', { smart_count: 1 })} #${record.seq ?? record.id}` : ''}</>;
};

/** One audit entry: who, what, on which record, with what outcome, and each changed field before and after (masked as everywhere). */
export const AuditShow = () => (
  <Show actions={<Actions />} title={<Title />} component="div">
    <Detail />
  </Show>
);
