import { Alert, Box, CircularProgress, Stack } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { serverErrorOf } from '../inquiry/api';
import { asSubject } from '../providers/ability';
import { fetchBranches, fetchSnapshot, type ReportSnapshot } from './api';
import { GenerateReportForm } from './GenerateReportForm';
import { ReportHistory } from './ReportHistory';
import { ReportView } from './ReportView';

/**
 * 合规报表: generate a report of any kind for a period and scope (the server queues a job; its progress
 * is shown), see its figures as tables and bar charts, and the past snapshots with who, when and their
 * hash. A manager's scope is their own branch; the server enforces it either way.
 */
export const ReportsPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const ability = useAbility();
  const [branches, setBranches] = useState<Array<{ id: string; name: string }>>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [report, setReport] = useState<ReportSnapshot | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stored, setStored] = useState(0);

  // Company-wide needs an unconditional rule; a manager's rule is their branch's.
  const companyWide = !!ability?.can('create', asSubject('ComplianceReport', { branchId: null }));
  const canGenerate = !!ability?.can('create', 'ComplianceReport');

  useEffect(() => {
    fetchBranches().then(setBranches, () => setBranches([]));
  }, []);

  // The figures come laid out in the console's language: switching it reloads the open snapshot.
  useEffect(() => {
    if (!openId) return;
    let live = true;
    setLoading(true);
    fetchSnapshot(openId, locale)
      .then((next) => live && (setReport(next), setError(null)), (e) => live && setError(serverErrorOf(e).message))
      .finally(() => live && setLoading(false));
    return () => void (live = false);
  }, [openId, locale]);

  const generated = useCallback(async (reportId: string) => {
    setOpenId(reportId);
    setStored((n) => n + 1);
  }, []);

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="reports-page">
      <Title title={translate('app.reports.title')} />
      <Stack spacing={2}>
        {canGenerate && <GenerateReportForm branches={branches} companyWide={companyWide} onGenerated={generated} />}
        {error && (
          <Alert severity="error" onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        {loading && <CircularProgress size={28} />}
        {report && <ReportView report={report} />}
        <ReportHistory refreshKey={stored} selectedId={openId} onOpen={setOpenId} />
      </Stack>
    </Box>
  );
};
