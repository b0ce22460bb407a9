import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import { Alert, Button, Card, CardContent, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { serverErrorOf } from '../inquiry/api';
import { downloadUrl, fetchSnapshots, REPORT_KINDS, type ReportKind, type ReportSummary } from './api';

const t = (key: string) => `app.reports.${key}`;
const PER_PAGE = 10;
const ALL = 'all';

interface Props {
  /** Changes when a new snapshot has been stored, so the list reloads. */
  refreshKey: number;
  selectedId: string | null;
  onOpen: (id: string) => void;
}

/** 历史快照: every stored snapshot the caller may read, newest first, paged and filtered on the server. */
export const ReportHistory = ({ refreshKey, selectedId, onOpen }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const timeZone = useTimezone();
  const [kind, setKind] = useState<ReportKind | typeof ALL>(ALL);
  const [page, setPage] = useState(0);
  const [history, setHistory] = useState<{ rows: ReportSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchSnapshots(page, PER_PAGE, kind === ALL ? null : kind).then(
      (next) => live && (setHistory(next), setError(null)),
      (e) => live && setError(serverErrorOf(e).message),
    );
    return () => void (live = false);
  }, [page, kind, refreshKey]);

  return (
    <Card variant="outlined" data-testid="report-history">
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={2} sx={{ mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
            {translate(t('history.title'))}
          </Typography>
          <TextField
            select
            size="small"
            label={translate(t('form.report'))}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ReportKind | typeof ALL);
              setPage(0);
            }}
            sx={{ minWidth: 200 }}
            inputProps={{ 'data-testid': 'history-kind' }}
          >
            <MenuItem value={ALL}>{translate(t('history.all_kinds'))}</MenuItem>
            {REPORT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(t(`kinds.${k}`))}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {history && history.rows.length === 0 ? (
          <Typography color="text.secondary" data-testid="history-empty">
            {translate(t(kind === ALL ? 'history.empty' : 'history.empty_kind'))}
          </Typography>
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
                <TableRow key={r.id} hover selected={selectedId === r.id} sx={{ cursor: 'pointer' }} onClick={() => onOpen(r.id)} data-testid={`snapshot-${r.id}`}>
                  <TableCell>{r.id}</TableCell>
                  <TableCell>{translate(t(`kinds.${r.kind}`), { _: r.kind })}</TableCell>
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
  );
};
