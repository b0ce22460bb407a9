import AssessmentIcon from '@mui/icons-material/AssessmentOutlined';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  IconButton,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, todayIn } from '../common/format';
import { useAbility } from '../common/useAbility';
import { useStaff, useTimezone } from '../common/useStaff';
import { serverErrorOf } from '../inquiry/api';
import { asSubject } from '../providers/ability';
import { downloadUrl, fetchBranches, fetchJob, fetchSnapshot, fetchSnapshots, generateComplaintReport, type PeriodInput, type ReportJob, type ReportSnapshot, type ReportSummary } from './api';
import { ReportView } from './ReportView';

const t = (key: string) => `app.reports.${key}`;
const KINDS = ['quarter', 'month', 'half_year', 'year', 'custom'] as const;
type Kind = (typeof KINDS)[number];
const INDEX_COUNT: Record<Exclude<Kind, 'year' | 'custom'>, number> = { month: 12, quarter: 4, half_year: 2 };
const POLL_MS = 500;
const PER_PAGE = 10;
/** The scope selector's value for the whole company (a select cannot show an empty-string choice). */
const COMPANY = 'company';

/** The current period of a kind (the one containing today, local time) as the form's default. */
function currentIndex(kind: Kind, today: string): number {
  const month = Number(today.slice(5, 7));
  return kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : kind === 'half_year' ? Math.ceil(month / 6) : 1;
}

/**
 * 报表: choose period and scope, generate (the server queues a job; its progress is polled), see the
 * figures as tables and bar charts, and the past snapshots with who, when and their hash. A manager's
 * scope is their own branch; the server enforces it either way.
 */
export const ReportsPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const ability = useAbility();
  const staff = useStaff();
  const timeZone = useTimezone();
  const today = todayIn(timeZone);
  const [kind, setKind] = useState<Kind>('quarter');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [index, setIndex] = useState(currentIndex('quarter', today));
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [branches, setBranches] = useState<Array<{ id: string; name: string }>>([]);
  const [scope, setScope] = useState<string>(COMPANY);
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ReportSnapshot | null>(null);
  const [loadingReport, setLoadingReport] = useState(false);
  const [history, setHistory] = useState<{ rows: ReportSummary[]; total: number } | null>(null);
  const [page, setPage] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Company-wide needs an unconditional rule; a manager's rule is their branch's.
  const companyWide = !!ability?.can('create', asSubject('ComplianceReport', { branchId: null }));
  const canGenerate = !!ability?.can('create', 'ComplianceReport');

  useEffect(() => {
    if (!companyWide && staff?.branchId) setScope(staff.branchId);
  }, [companyWide, staff?.branchId]);
  useEffect(() => {
    fetchBranches().then(setBranches, () => setBranches([]));
  }, []);

  const loadHistory = useCallback(async () => {
    try {
      setHistory(await fetchSnapshots(page, PER_PAGE));
    } catch (e) {
      setError(serverErrorOf(e).message);
    }
  }, [page]);
  useEffect(() => void loadHistory(), [loadHistory]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const open = useCallback(async (id: string) => {
    setLoadingReport(true);
    try {
      setReport(await fetchSnapshot(id));
    } catch (e) {
      setError(serverErrorOf(e).message);
    } finally {
      setLoadingReport(false);
    }
  }, []);

  const poll = useCallback(
    (id: string) => {
      timer.current = setTimeout(async () => {
        try {
          const next = await fetchJob(id);
          setJob(next);
          if (next.status === 'done' && next.reportId) {
            await open(next.reportId);
            await loadHistory();
            setJob(null);
          } else if (next.status === 'failed') {
            setError(translate(t('form.failed'), { error: next.error ?? '' }));
            setJob(null);
          } else poll(id);
        } catch (e) {
          setError(serverErrorOf(e).message);
          setJob(null);
        }
      }, POLL_MS);
    },
    [open, loadHistory, translate],
  );

  const generate = async () => {
    setError(null);
    const period: PeriodInput = kind === 'custom' ? { kind, from, to } : kind === 'year' ? { kind, year } : { kind, year, index };
    try {
      const started = await generateComplaintReport(period, scope === COMPANY ? null : scope);
      setJob(started);
      poll(started.id);
    } catch (e) {
      setError(serverErrorOf(e).message);
    }
  };

  const years = Array.from({ length: 6 }, (_, i) => Number(today.slice(0, 4)) - i);
  const busy = !!job;

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="reports-page">
      <Title title={translate(t('title'))} />
      <Stack spacing={2}>
        {canGenerate && (
          <Card variant="outlined">
            <CardContent>
              <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }}>
                <AssessmentIcon color="primary" />
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {translate(t('form.title'))} — {translate(t('kinds.complaint_statistics'))}
                </Typography>
              </Stack>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
                <TextField
                  select
                  size="small"
                  label={translate(t('form.period_kind'))}
                  value={kind}
                  onChange={(e) => {
                    const k = e.target.value as Kind;
                    setKind(k);
                    setIndex(currentIndex(k, today));
                  }}
                  sx={{ minWidth: 130 }}
                  inputProps={{ 'data-testid': 'period-kind' }}
                >
                  {KINDS.map((k) => (
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
                <TextField
                  select
                  size="small"
                  label={translate(t('form.scope'))}
                  value={scope}
                  onChange={(e) => setScope(e.target.value)}
                  disabled={!companyWide}
                  sx={{ minWidth: 160 }}
                  inputProps={{ 'data-testid': 'report-scope' }}
                >
                  {companyWide && <MenuItem value={COMPANY}>{translate(t('form.company'))}</MenuItem>}
                  {branches
                    .filter((b) => companyWide || b.id === staff?.branchId)
                    .map((b) => (
                      <MenuItem key={b.id} value={b.id}>
                        {b.name}
                      </MenuItem>
                    ))}
                </TextField>
                <Button variant="contained" onClick={generate} disabled={busy} data-testid="generate-report">
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
            </CardContent>
          </Card>
        )}
        {error && (
          <Alert severity="error" onClose={() => setError(null)} data-testid="report-error">
            {error}
          </Alert>
        )}
        {loadingReport && <CircularProgress size={28} />}
        {report && <ReportView report={report} />}

        <Card variant="outlined" data-testid="report-history">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {translate(t('history.title'))}
            </Typography>
            {history && history.rows.length === 0 ? (
              <Typography color="text.secondary">{translate(t('history.empty'))}</Typography>
            ) : (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>#</TableCell>
                    <TableCell>{translate(t('form.report'))}</TableCell>
                    <TableCell>{translate(t('history.period'))}</TableCell>
                    <TableCell>{translate(t('history.scope'))}</TableCell>
                    <TableCell>{translate(t('history.generated_by'))}</TableCell>
                    <TableCell>{translate(t('history.generated_at'))}</TableCell>
                    <TableCell>{translate(t('history.hash'))}</TableCell>
                    <TableCell align="right">{translate(t('history.downloads'))}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(history?.rows ?? []).map((r) => (
                    <TableRow key={r.id} hover selected={report?.id === r.id} sx={{ cursor: 'pointer' }} onClick={() => open(r.id)} data-testid={`snapshot-${r.id}`}>
                      <TableCell>{r.id}</TableCell>
                      <TableCell>{translate(t(`kinds.${r.kind}`))}</TableCell>
                      <TableCell>{r.periodLabel}</TableCell>
                      <TableCell>{r.scopeName}</TableCell>
                      <TableCell>{r.generatedByName}</TableCell>
                      <TableCell>{formatDateTime(r.generatedAt, timeZone)}</TableCell>
                      <TableCell>
                        <Tooltip title={r.contentHash}>
                          <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                            {r.contentHash.slice(0, 12)}…
                          </Typography>
                        </Tooltip>
                      </TableCell>
                      <TableCell align="right" onClick={(e) => e.stopPropagation()}>
                        <Tooltip title="XLSX">
                          <IconButton size="small" href={downloadUrl(r.id, 'xlsx', locale)}>
                            <DownloadIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                        <Button size="small" href={downloadUrl(r.id, 'pdf', locale)}>
                          PDF
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {history && history.total > PER_PAGE && (
              <TablePagination component="div" count={history.total} page={page} rowsPerPage={PER_PAGE} rowsPerPageOptions={[PER_PAGE]} onPageChange={(_, p) => setPage(p)} />
            )}
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};
