import VerifiedUserIcon from '@mui/icons-material/VerifiedUserOutlined';
import { Alert, Box, Button, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useStaff } from '../common/useStaff';
import { startAuditVerification, useWidget, type AuditVerificationRun } from './api';
import { WidgetFrame } from './WidgetFrame';

const STATUS_COLOR = { intact: 'success', broken: 'error', failed: 'warning', running: 'info' } as const;
const STATUS_LABEL = { intact: 'intact', broken: 'broken', failed: 'failed', running: 'checking' } as const;

const RunSummary = ({ run, timeZone }: { run: AuditVerificationRun; timeZone: string }) => {
  const translate = useTranslate();
  if (run.status === 'running') {
    return (
      <Box data-testid="audit-check-progress">
        <Typography variant="body2">{translate('app.widgets.audit.running', { checked: run.checked, total: run.total })}</Typography>
        <LinearProgress variant={run.total ? 'determinate' : 'indeterminate'} value={run.total ? Math.min(100, (100 * run.checked) / run.total) : undefined} sx={{ height: 8, borderRadius: 4, mt: 1 }} />
      </Box>
    );
  }
  return (
    <Stack spacing={0.5}>
      <Typography variant="body2" data-testid="audit-check-entries">
        {translate('app.widgets.audit.entries', { count: run.checked })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.widgets.audit.when', { date: formatDateTime(run.finishedAt ?? run.startedAt, timeZone) })} · {translate(`app.widgets.audit.by.${run.trigger}`, { name: run.staffName ?? '' })}
      </Typography>
      {run.status !== 'intact' && (
        <Alert severity={run.status === 'broken' ? 'error' : 'warning'} sx={{ mt: 1 }}>
          {run.firstBrokenId && <div>{translate('app.widgets.audit.broken_at', { id: run.firstBrokenId })}</div>}
          {run.problem}
        </Alert>
      )}
    </Stack>
  );
};

/**
 * The latest verification of the audit chain, wherever it ran (command line, API, here), and a button
 * to run one now: the check walks the chain in the background; the card polls its progress.
 */
export const AuditCheckCard = () => {
  const translate = useTranslate();
  const timeZone = useStaff()?.timezone ?? 'Asia/Shanghai';
  const queryClient = useQueryClient();
  const [startError, setStartError] = useState(false);
  const { data, isPending, error } = useWidget('dashboardAuditCheck', (run) => (run?.status === 'running' ? 1000 : false));
  const running = data?.status === 'running';
  const start = async () => {
    setStartError(false);
    try {
      queryClient.setQueryData(['dashboard', 'dashboardAuditCheck'], await startAuditVerification());
    } catch {
      setStartError(true);
    }
  };
  return (
    <WidgetFrame
      title="app.widgets.audit.title"
      icon={<VerifiedUserIcon />}
      testId="audit-check"
      data={isPending || error ? undefined : { run: data ?? null }}
      isPending={isPending}
      error={error}
      action={
        <Button size="small" variant="outlined" onClick={start} disabled={running || isPending} data-testid="audit-check-run">
          {translate('app.widgets.audit.run')}
        </Button>
      }
    >
      {({ run }) => (
        <Stack spacing={1}>
          {run ? (
            <>
              <Box>
                <Chip size="small" color={STATUS_COLOR[run.status]} label={translate(`app.widgets.audit.${STATUS_LABEL[run.status]}`)} data-testid="audit-check-status" data-status={run.status} />
              </Box>
              <RunSummary run={run} timeZone={timeZone} />
            </>
          ) : (
            <Typography variant="body2" color="text.secondary" data-testid="audit-check-never">
              {translate('app.widgets.audit.never')}
            </Typography>
          )}
          {startError && <Alert severity="error">{translate('app.widgets.audit.start_failed')}</Alert>}
        </Stack>
      )}
    </WidgetFrame>
  );
};
