import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutline';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { downloadUrl, type ReportSnapshot } from './api';
import { ReportContent } from './ReportContent';

const t = (key: string) => `app.reports.${key}`;

/** One snapshot: what it is (kind, scope, period, who, when, its hash and whether it still matches), its downloads and its figures. */
export const ReportView = ({ report }: { report: ReportSnapshot }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const timeZone = useTimezone();
  const v = (key: string, options?: Record<string, unknown>) => translate(t(`view.${key}`), options);

  return (
    <Stack spacing={2} data-testid="report-view" data-kind={report.kind} data-report-id={report.id}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
            <Box sx={{ flex: 1 }}>
              <Typography variant="h6" data-testid="report-heading">
                {translate(t(`kinds.${report.kind}`), { _: report.kind })} · {report.scopeName} · {report.periodLabel}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {report.periodFrom} ~ {report.periodTo} · {v('snapshot', { id: report.id })} · {v('generated', { who: report.generatedByName, at: formatDateTime(report.generatedAt, timeZone) })}
              </Typography>
              <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5 }}>
                <Typography variant="caption" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="report-hash">
                  {v('hash')} {report.contentHash}
                </Typography>
                <Chip
                  size="small"
                  variant="outlined"
                  color={report.hashVerified ? 'success' : 'error'}
                  icon={report.hashVerified ? <VerifiedIcon /> : <ErrorIcon />}
                  label={v(report.hashVerified ? 'hash_ok' : 'hash_bad')}
                />
              </Stack>
            </Box>
            <Stack direction="row" spacing={1}>
              <Button variant="outlined" startIcon={<DownloadIcon />} href={downloadUrl(report.id, 'xlsx', locale)} data-testid="download-xlsx">
                {v('download_xlsx')}
              </Button>
              <Button variant="outlined" startIcon={<DownloadIcon />} href={downloadUrl(report.id, 'pdf', locale)} data-testid="download-pdf">
                {v('download_pdf')}
              </Button>
            </Stack>
          </Stack>
        </CardContent>
      </Card>
      <ReportContent tables={report.tables} charts={report.charts} />
    </Stack>
  );
};
