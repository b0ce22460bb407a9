import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { serverErrorOf } from '../inquiry/api';
import { fetchJob, generateReport, type PeriodInput, type ReportJob, type ReportKind } from './api';

const POLL_MS = 500;

/**
 * Starts a report job and follows its progress until the snapshot is stored. The server computes it in
 * the background, so the page stays usable and other users are not held up while a long period runs.
 */
export function useReportJob(onDone: (reportId: string) => Promise<void>) {
  const translate = useTranslate();
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const poll = useCallback(
    (id: string) => {
      timer.current = setTimeout(async () => {
        try {
          const next = await fetchJob(id);
          setJob(next);
          if (next.status === 'done' && next.reportId) {
            await onDone(next.reportId);
            setJob(null);
          } else if (next.status === 'failed') {
            setError(translate('app.reports.form.failed', { error: next.error ?? '' }));
            setJob(null);
          } else poll(id);
        } catch (e) {
          setError(serverErrorOf(e).message);
          setJob(null);
        }
      }, POLL_MS);
    },
    [onDone, translate],
  );

  const start = async (kind: ReportKind, period: PeriodInput, branchId: string | null) => {
    setError(null);
    try {
      const started = await generateReport(kind, period, branchId);
      setJob(started);
      poll(started.id);
    } catch (e) {
      setError(serverErrorOf(e).message);
    }
  };

  return { job, error, setError, start };
}
