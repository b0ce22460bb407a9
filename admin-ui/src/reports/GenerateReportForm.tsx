import AssessmentIcon from '@mui/icons-material/AssessmentOutlined';
import { Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { todayIn } from '../common/format';
import { useStaff, useTimezone } from '../common/useStaff';
import { REPORT_KINDS, type PeriodInput, type ReportKind } from './api';
import { currentIndex, INDEX_COUNT, PERIOD_KINDS, type PeriodKind } from './periods';
import { useReportJob } from './useReportJob';

const t = (key: string) => `app.reports.${key}`;
/** The scope selector's value for the whole company (a select cannot show an empty-string choice). */
const COMPANY = 'company';

interface Props {
  branches: Array<{ id: string; name: string }>;
  /** May report on the whole company (compliance); otherwise only on the caller's own branch. */
  companyWide: boolean;
  onGenerated: (reportId: string) => Promise<void>;
}

/** 生成报表: which report, which period (quarter by default), which scope; then the job's progress. */
export const GenerateReportForm = ({ branches, companyWide, onGenerated }: Props) => {
  const translate = useTranslate();
  const staff = useStaff();
  const today = todayIn(useTimezone());
  const [report, setReport] = useState<ReportKind>('complaint_statistics');
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [index, setIndex] = useState(currentIndex('quarter', today));
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [scope, setScope] = useState<string>(COMPANY);
  const { job, error, setError, start } = useReportJob(onGenerated);

  useEffect(() => {
    if (!companyWide && staff?.branchId) setScope(staff.branchId);
  }, [companyWide, staff?.branchId]);

  const generate = () => {
    const period: PeriodInput = kind === 'custom' ? { kind, from, to } : kind === 'year' ? { kind, year } : { kind, year, index };
    void start(report, period, scope === COMPANY ? null : scope);
  };
  const years = Array.from({ length: 6 }, (_, i) => Number(today.slice(0, 4)) - i);

  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }}>
          <AssessmentIcon color="primary" />
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate(t('form.title'))}
          </Typography>
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }} flexWrap="wrap" useFlexGap>
          <TextField select size="small" label={translate(t('form.report'))} value={report} onChange={(e) => setReport(e.target.value as ReportKind)} sx={{ minWidth: 200 }} inputProps={{ 'data-testid': 'report-kind' }}>
            {REPORT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(t(`kinds.${k}`))}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate(t('form.period_kind'))}
            value={kind}
            onChange={(e) => {
              const k = e.target.value as PeriodKind;
              setKind(k);
              setIndex(currentIndex(k, today));
            }}
            sx={{ minWidth: 130 }}
            inputProps={{ 'data-testid': 'period-kind' }}
          >
            {PERIOD_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(t(`period_kinds.${k}`))}
              </MenuItem>
            ))}
          </TextField>
          {kind !== 'custom' && (
            <TextField select size="small" label={translate(t('form.year'))} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 110 }}>
              {years.map((y) => (
                <MenuItem key={y} value={y}>
                  {y}
                </MenuItem>
              ))}
            </TextField>
          )}
          {kind !== 'custom' && kind !== 'year' && (
            <TextField select size="small" label={translate(t('form.index'))} value={index} onChange={(e) => setIndex(Number(e.target.value))} sx={{ minWidth: 120 }} inputProps={{ 'data-testid': 'period-index' }}>
              {Array.from({ length: INDEX_COUNT[kind] }, (_, i) => i + 1).map((n) => (
                <MenuItem key={n} value={n}>
                  {translate(t(`index_labels.${kind}`), { n })}
                </MenuItem>
              ))}
            </TextField>
          )}
          {kind === 'custom' && (
            <>
              <TextField size="small" type="date" label={translate(t('form.from'))} value={from} onChange={(e) => setFrom(e.target.value)} InputLabelProps={{ shrink: true }} />
              <TextField size="small" type="date" label={translate(t('form.to'))} value={to} onChange={(e) => setTo(e.target.value)} InputLabelProps={{ shrink: true }} />
            </>
          )}
          <TextField select size="small" label={translate(t('form.scope'))} value={scope} onChange={(e) => setScope(e.target.value)} disabled={!companyWide} sx={{ minWidth: 160 }} inputProps={{ 'data-testid': 'report-scope' }}>
            {companyWide && <MenuItem value={COMPANY}>{translate(t('form.company'))}</MenuItem>}
            {branches
              .filter((b) => companyWide || b.id === staff?.branchId)
              .map((b) => (
                <MenuItem key={b.id} value={b.id}>
                  {b.name}
                </MenuItem>
              ))}
          </TextField>
          <Button variant="contained" onClick={generate} disabled={!!job} data-testid="generate-report">
            {translate(t('form.generate'))}
          </Button>
        </Stack>
        {!companyWide && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate(t('form.own_branch_only'))}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          {translate(t('form.hint'))}
        </Typography>
        {job && (
          <Box sx={{ mt: 2 }} data-testid="report-progress">
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {job.status === 'queued' ? translate(t('form.queued')) : translate(t('form.generating'), { progress: job.progress })}
            </Typography>
            <LinearProgress variant={job.status === 'queued' ? 'indeterminate' : 'determinate'} value={job.progress} />
          </Box>
        )}
        {error && (
          <Alert severity="error" onClose={() => setError(null)} sx={{ mt: 2 }} data-testid="report-error">
            {error}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};
