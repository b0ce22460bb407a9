import UpdateIcon from '@mui/icons-material/Update';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRefresh, useTranslate } from 'react-admin';
import { ErrorAlert } from '../rights/common';
import { useExplainError, type ExplainedError } from '../rights/errors';
import { runDeadlines, type DeadlineRun } from './api';

const COUNTS: (keyof DeadlineRun)[] = ['reminded', 'closed', 'revoked', 'flagged'];

/**
 * Runs the deadline processing now — reminders due, and the deadline rule for campaigns past their
 * deadline — as the server does every minute (and `npm run jobs:once` from cron), and shows what it did.
 */
export const RunDeadlinesButton = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ action: 'update', resource: 'accessReviewCampaigns' });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeadlineRun | null>(null);
  const [error, setError] = useState<ExplainedError | null>(null);
  if (!canAccess) return null;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await runDeadlines());
      refresh();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setResult(null);
    setError(null);
  };
  const nothing = result && COUNTS.every((key) => result[key] === 0);
  return (
    <>
      <Button size="small" startIcon={<UpdateIcon />} onClick={run} disabled={busy} data-testid="run-deadlines">
        {translate('app.rights.reviews.run_deadlines')}
      </Button>
      <Dialog open={!!result || !!error} onClose={close} fullWidth maxWidth="xs" data-testid="deadline-run">
        <DialogTitle>{translate('app.rights.reviews.run_deadlines')}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          {result && (
            <>
              <Alert severity={nothing ? 'info' : 'success'} sx={{ mb: 1 }}>
                {translate(nothing ? 'app.rights.reviews.run_nothing' : 'app.rights.reviews.run_done')}
              </Alert>
              <Table size="small" data-testid="deadline-run-result">
                <TableBody>
                  {COUNTS.map((key) => (
                    <TableRow key={key} data-testid={`deadline-run-${key}`}>
                      <TableCell>{translate(`app.rights.reviews.run_counts.${key}`)}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
                        {result[key]}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Typography variant="caption" color="text.secondary">
                {translate('app.rights.reviews.run_hint')}
              </Typography>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} data-testid="deadline-run-close">
            {translate('ra.action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
