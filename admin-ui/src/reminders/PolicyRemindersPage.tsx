import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import EventIcon from '@mui/icons-material/EventRepeatOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  TableSortLabel,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { downloadText } from '../common/download';
import { useAbility } from '../common/useAbility';
import { toHttpError } from '../providers/toHttpError';
import { exportReminders, reminderPage, type PolicyReminder, type ReminderFilter, type ReminderQuery } from './api';
import { ReminderFilters } from './ReminderFilters';

const P = 'app.inquiry.reminders';
const SORTABLE = { policyNumber: 'policyNumber', renewalDate: 'expiryDate', premiumDueDate: 'nextPremiumDueDate' } as const;
const COLUMNS = ['policyNumber', 'productName', 'holder', 'branch', 'kinds', 'renewalDate', 'premiumDueDate', 'daysLeft'] as const;

/**
 * Renewal and premium reminders (续保与缴费提醒): in-force policies expiring, or with a premium due,
 * within the look-ahead, for the branches the caller's rules allow — paged, sorted and counted on the
 * server. Roles with `export Policy` download the whole filtered list as CSV, audited by the server.
 */
export const PolicyRemindersPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const ability = useAbility();
  const [query, setQuery] = useState<ReminderQuery>({ filter: {}, page: 0, perPage: 25, sortField: 'expiryDate', sortOrder: 'ASC' });
  const [result, setResult] = useState<{ rows: PolicyReminder[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setResult(await reminderPage(query));
    } catch (e) {
      setError(toHttpError(e).message);
    } finally {
      setLoading(false);
    }
  }, [query]);
  useEffect(() => void load(), [load]);

  const sortBy = (field: string) =>
    setQuery((q) => ({ ...q, page: 0, sortField: field, sortOrder: q.sortField === field && q.sortOrder === 'ASC' ? 'DESC' : 'ASC' }));
  const setFilter = (filter: ReminderFilter) => setQuery((q) => ({ ...q, filter, page: 0 }));

  const runExport = async () => {
    setExporting(true);
    try {
      const file = await exportReminders({ filter: query.filter, sortField: query.sortField, sortOrder: query.sortOrder });
      downloadText(file.filename, file.csv);
      notify('app.export.done', { type: 'success', messageArgs: { rows: file.rows } });
    } catch (e) {
      notify(toHttpError(e).message, { type: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const header = (column: (typeof COLUMNS)[number]) => {
    const field = SORTABLE[column as keyof typeof SORTABLE];
    const label = translate(`${P}.fields.${column}`);
    if (!field) return label;
    return (
      <TableSortLabel active={query.sortField === field} direction={query.sortField === field && query.sortOrder === 'DESC' ? 'desc' : 'asc'} onClick={() => sortBy(field)}>
        {label}
      </TableSortLabel>
    );
  };

  return (
    <Box sx={{ mt: 2 }} data-testid="policy-reminders">
      <Title title={translate(`${P}.title`)} />
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <EventIcon color="primary" />
            <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
              {translate(`${P}.title`)}
            </Typography>
            {ability?.can('export', 'Policy') && (
              <Button size="small" startIcon={<DownloadIcon />} onClick={runExport} disabled={exporting || !result?.total} data-testid="reminders-export">
                {translate('ra.action.export')}
              </Button>
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(`${P}.intro`)}
          </Typography>
          <ReminderFilters filter={query.filter} onChange={setFilter} />
          {error && (
            <Alert severity="error" action={<Button onClick={load}>{translate('ra.action.refresh')}</Button>} data-testid="reminders-error">
              {translate(`${P}.load_error`, { message: error })}
            </Alert>
          )}
          {loading && <LinearProgress />}
          {result && result.total === 0 && !error && (
            <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }} data-testid="reminders-empty">
              {translate(`${P}.empty`)}
            </Typography>
          )}
          {result && result.total !== 0 && (
            <>
              <Table size="small" data-testid="reminders-table">
                <TableHead>
                  <TableRow>
                    {COLUMNS.map((c) => (
                      <TableCell key={c} align={c === 'daysLeft' ? 'right' : 'left'}>
                        {header(c)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.rows.map((r) => (
                    <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/policies/${r.policy.id}/show`)}>
                      <TableCell sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{r.policy.policyNumber}</TableCell>
                      <TableCell>{r.policy.productName ?? '—'}</TableCell>
                      <TableCell>{r.policy.holder?.name ?? '—'}</TableCell>
                      <TableCell>{r.policy.branch?.name ?? '—'}</TableCell>
                      <TableCell>
                        <Stack direction="row" spacing={0.5}>
                          {r.kinds.map((k) => (
                            <Chip key={k} size="small" color={k === 'renewal' ? 'primary' : 'warning'} variant="outlined" label={translate(`app.enums.ReminderKind.${k}`)} />
                          ))}
                        </Stack>
                      </TableCell>
                      <TableCell>{r.renewalDate ?? '—'}</TableCell>
                      <TableCell>{r.premiumDueDate ?? '—'}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', color: r.daysLeft <= 7 ? 'error.main' : undefined }}>
                        {translate(`${P}.days_left`, { smart_count: r.daysLeft })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <TablePagination
                component="div"
                count={result.total}
                page={query.page}
                rowsPerPage={query.perPage}
                rowsPerPageOptions={[10, 25, 50, 100]}
                onPageChange={(_, page) => setQuery((q) => ({ ...q, page }))}
                onRowsPerPageChange={(e) => setQuery((q) => ({ ...q, page: 0, perPage: Number(e.target.value) }))}
                labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
                labelDisplayedRows={({ from, to, count }) =>
                  count === -1 ? translate('ra.navigation.partial_page_range_info', { offsetBegin: from, offsetEnd: to }) : translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
                }
                data-testid="reminders-pagination"
              />
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
