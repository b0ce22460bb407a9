import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import TimelineIcon from '@mui/icons-material/TimelineOutlined';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useCreatePath, useGetRecordId, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { SectionCard } from '../common/SectionCard';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { useLoad } from '../rights/useLoad';
import { fetchRectification, rectificationStep, type Rectification } from './api';
import { EnumChip, LoadError, Loading, Muted, OverdueBadge } from './common';
import { RECTIFICATION_STATE_TONES, SEVERITY_TONES } from './enums';
import { StepDialog, type StepField } from './StepDialog';

const STEPS: Record<string, { mutation: string; fields: StepField[]; forward: boolean }> = {
  start: { mutation: 'startQualityRectification', fields: [{ name: 'note', label: 'app.quality.rectification.dialogs.note' }], forward: true },
  complete: { mutation: 'completeQualityRectification', fields: [{ name: 'evidence', label: 'app.quality.rectification.evidence', required: true }, { name: 'note', label: 'app.quality.rectification.dialogs.note' }], forward: true },
  verify: { mutation: 'verifyQualityRectification', fields: [{ name: 'note', label: 'app.quality.rectification.dialogs.note' }], forward: true },
  reopen: {
    mutation: 'reopenQualityRectification',
    fields: [{ name: 'reason', label: 'app.quality.rectification.dialogs.reason', required: true }, { name: 'dueDate', label: 'app.quality.rectification.dialogs.new_due_date', type: 'date' }],
    forward: false,
  },
  update: {
    mutation: 'updateQualityRectification',
    fields: [{ name: 'requiredAction', label: 'app.quality.rectification.required_action' }, { name: 'dueDate', label: 'app.quality.rectification.due_date', type: 'date' }],
    forward: false,
  },
};

/** One line of the ledger: the finding it comes from, owner, due date, evidence; the steps the server offers this staff member now. */
export const RectificationShow = () => {
  const id = String(useGetRecordId());
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const timeZone = useTimezone();
  const { data, error, loading, reload } = useLoad(() => fetchRectification(id), [id]);
  const [item, setItem] = useState<Rectification | undefined>(undefined);
  useEffect(() => setItem(data), [data]);
  const [step, setStep] = useState<string | null>(null);

  if (loading && !item) return <Loading />;
  if (error && !item) return <LoadError error={error} onRetry={reload} />;
  if (!item) return null;
  const actions = (item.availableActions ?? []).filter((a) => a in STEPS);

  const runStep = async (action: string, values: Record<string, string>) => {
    const def = STEPS[action];
    const args = Object.fromEntries(def.fields.map((f) => [f.name, values[f.name]?.trim() || undefined]));
    setItem(await rectificationStep(def.mutation, item, args));
    notify('app.quality.common.done', { type: 'success', messageArgs: { action: translate(`app.quality.rectification.actions.${action}`) } });
  };

  return (
    <Box sx={{ mt: 1, mb: 4 }} data-testid="rectification-page" data-state={item.state}>
      <Title title={`${translate('resources.qualityRectifications.name', { smart_count: 1 })} ${item.number ?? ''}`} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent sx={{ pb: '16px !important' }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} justifyContent="space-between" alignItems={{ md: 'center' }}>
            <Stack direction="row" spacing={1} alignItems="center">
              <Typography variant="h6" sx={{ fontFamily: 'ui-monospace, Menlo, monospace' }}>
                {item.number}
              </Typography>
              <EnumChip enumName="RectificationState" value={item.state} tones={RECTIFICATION_STATE_TONES} testId="rectification-state" />
              <OverdueBadge overdue={item.overdue} />
            </Stack>
            <Stack direction="row" spacing={1} data-testid="rectification-actions">
              {actions.map((action) => (
                <Button key={action} size="small" variant={STEPS[action].forward ? 'contained' : 'outlined'} onClick={() => setStep(action)} data-testid={`action-${action}`}>
                  {translate(`app.quality.rectification.actions.${action}`)}
                </Button>
              ))}
              {actions.length === 0 && <Muted>{translate('app.quality.rectification.actions.none')}</Muted>}
            </Stack>
          </Stack>
          {item.reopenCount ? (
            <Alert severity="warning" sx={{ mt: 1.5 }}>
              {translate('app.quality.rectification.reopened', { count: item.reopenCount, reason: item.reopenReason ?? '' })}
            </Alert>
          ) : null}
          <Box sx={{ mt: 2 }}>
            <FieldGrid columns={4}>
              <FieldItem label="app.quality.rectification.owner">{item.owner?.displayName ?? '—'}</FieldItem>
              <FieldItem label="resources.qualityRectifications.fields.branchId">{item.branch?.name ?? '—'}</FieldItem>
              <FieldItem label="app.quality.rectification.due_date">
                <span data-testid="due-date">{item.dueDate}</span>
              </FieldItem>
              <FieldItem label="app.quality.rectification.inspection">
                {item.inspection ? <Link to={createPath({ resource: 'qualityInspections', type: 'show', id: item.inspection.id })}>{item.inspection.number}</Link> : '—'}
              </FieldItem>
              <FieldItem label="app.quality.rectification.required_action" span={4}>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{item.requiredAction}</Typography>
              </FieldItem>
              {item.escalatedAt && <FieldItem label="app.quality.rectification.overdue">{translate('app.quality.rectification.escalated', { at: formatDateTime(item.escalatedAt, timeZone) })}</FieldItem>}
            </FieldGrid>
          </Box>
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <SectionCard title="app.quality.rectification.finding" icon={<FactCheckIcon />}>
          {item.finding ? (
            <Stack spacing={1}>
              <Stack direction="row" spacing={1} alignItems="center">
                <Typography variant="body2">{translate(`app.enums.QualityDimension.${item.finding.dimension}`)}</Typography>
                <EnumChip enumName="FindingSeverity" value={item.finding.severity} tones={SEVERITY_TONES} />
              </Stack>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{item.finding.description}</Typography>
              <Muted>{[item.finding.concernedStaff?.displayName, item.finding.concernedProcess].filter(Boolean).join(' / ')}</Muted>
            </Stack>
          ) : (
            <Muted>—</Muted>
          )}
          {(item.complaints ?? []).length > 0 && (
            <Box sx={{ mt: 2 }}>
              <Typography variant="caption" color="text.secondary">{translate('app.quality.rectification.complaints')}</Typography>
              <Stack direction="row" spacing={1}>
                {(item.complaints ?? []).map((c) => (
                  <Link key={c.id} to={createPath({ resource: 'complaints', type: 'show', id: c.id })}>{c.number}</Link>
                ))}
              </Stack>
            </Box>
          )}
        </SectionCard>
        <SectionCard title="app.quality.rectification.timeline" icon={<TimelineIcon />}>
          <FieldGrid columns={2}>
            <FieldItem label="resources.qualityRectifications.fields.createdAt">{formatDateTime(item.createdAt, timeZone)}</FieldItem>
            <FieldItem label="app.quality.rectification.started">{formatDateTime(item.startedAt, timeZone)}</FieldItem>
            <FieldItem label="app.quality.rectification.completed">{formatDateTime(item.doneAt, timeZone)}</FieldItem>
            <FieldItem label="app.quality.rectification.verified">{formatDateTime(item.verifiedAt, timeZone)}</FieldItem>
            <FieldItem label="app.quality.rectification.evidence" span={2}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="evidence">{item.evidence || '—'}</Typography>
            </FieldItem>
            {item.verificationNote && (
              <FieldItem label="app.quality.rectification.verification" span={2}>
                {item.verificationNote}
              </FieldItem>
            )}
          </FieldGrid>
        </SectionCard>
      </Box>
      {step && (
        <StepDialog
          title={translate(`app.quality.rectification.actions.${step}`)}
          description={translate(`app.quality.rectification.dialogs.${step}`)}
          fields={STEPS[step].fields}
          onConfirm={(values) => runStep(step, values)}
          onClose={() => setStep(null)}
          onConflict={reload}
          testId={`step-dialog-${step}`}
        />
      )}
    </Box>
  );
};
