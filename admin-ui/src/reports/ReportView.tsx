import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutline';
import { Box, Button, Card, CardContent, Chip, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { downloadUrl, type ComplaintStatistics, type ReportSnapshot, type Totals } from './api';

const t = (key: string) => `app.reports.${key}`;
const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const num = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

const Block = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
    <CardContent>
      <Typography variant="subtitle2" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const SimpleTable = ({ columns, rows, testId }: { columns: string[]; rows: Array<Array<ReactNode>>; testId?: string }) => (
  <Table size="small" data-testid={testId}>
    <TableHead>
      <TableRow>
        {columns.map((c, i) => (
          <TableCell key={i} align={i ? 'right' : 'left'} sx={{ fontWeight: 600 }}>
            {c}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((row, r) => (
        <TableRow key={r}>
          {row.map((cell, i) => (
            <TableCell key={i} align={i ? 'right' : 'left'}>
              {cell}
            </TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** Horizontal bars: labels are Chinese words, which read better on the vertical axis than slanted under the bars. */
const Bars = ({ data, testId }: { data: Array<{ name: string; value: number }>; testId?: string }) => (
  <Box sx={{ width: '100%', height: Math.max(120, data.length * 28 + 30) }} data-testid={testId}>
    <ResponsiveContainer>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="name" width={110} fontSize={12} interval={0} />
        <Tooltip />
        <Bar dataKey="value" fill="#3f6fb0" isAnimationActive={false} maxBarSize={22}>
          <LabelList dataKey="value" position="right" fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  </Box>
);

const OVERVIEW: Array<keyof Totals> = ['received', 'accepted', 'notAccepted', 'closed', 'withdrawn', 'openAtEnd', 'regulatorTransferred', 'major', 'escalations', 'deadlinesBreached', 'handlingMean', 'satisfactionMean'];

/** One snapshot: headline figures, tables and bar charts, and its downloads. */
export const ReportView = ({ report }: { report: ReportSnapshot }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const timeZone = useTimezone();
  const stats: ComplaintStatistics = report.content;
  const c = stats.current;
  const v = (key: string, options?: Record<string, unknown>) => translate(t(`view.${key}`), options);
  const metric = (key: string) => translate(t(`metrics.${key}`));
  const enumLabel = (type: string, key: string) => translate(`app.enums.${type}.${key}`, { _: key });
  const changeText = (delta: number | null, ratio: number | null) => (ratio !== null ? `${ratio > 0 ? '+' : ''}${Math.round(ratio * 100)}%` : delta !== null ? `${delta > 0 ? '+' : ''}${delta}` : '—');

  return (
    <Stack spacing={2} data-testid="report-view">
      <Card variant="outlined">
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
            <Box sx={{ flex: 1 }}>
              <Typography variant="h6" data-testid="report-heading">
                {translate(t('kinds.complaint_statistics'))} · {report.scopeName} · {report.periodLabel}
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

      <Grid container spacing={2}>
        {(['received', 'closed', 'openAtEnd', 'handlingMean', 'satisfactionMean', 'deadlinesBreached'] as const).map((key) => (
          <Grid key={key} size={{ xs: 6, md: 2 }}>
            <Card variant="outlined" data-testid={`kpi-${key}`}>
              <CardContent sx={{ py: 1.5 }}>
                <Typography variant="caption" color="text.secondary">
                  {metric(key)}
                </Typography>
                <Typography variant="h5">{num(c.totals[key])}</Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Block title={v('overview')}>
            <SimpleTable testId="table-overview" columns={[v('metric'), v('value')]} rows={OVERVIEW.map((k) => [metric(k), num(c.totals[k])])} />
          </Block>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Block title={v('by_category')} testId="chart-category">
            <Bars data={c.byCategory.map((r) => ({ name: enumLabel('ComplaintCategory', r.key), value: r.count }))} />
          </Block>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Block title={v('by_channel')} testId="chart-channel">
            <Bars data={c.byChannel.map((r) => ({ name: enumLabel('ComplaintChannel', r.key), value: r.count }))} />
          </Block>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Block title={v('by_branch')}>
            <SimpleTable
              testId="table-branch"
              columns={[v('branch'), v('received'), v('closed'), v('open_at_end')]}
              rows={c.byBranch.map((b) => [b.branchName, b.received, b.closed, b.openAtEnd])}
            />
            <Bars data={c.byBranch.map((b) => ({ name: b.branchName, value: b.received }))} />
          </Block>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Block title={v('deadlines')}>
            <SimpleTable
              testId="table-deadlines"
              columns={[v('clock'), v('met'), v('breached'), v('running'), v('met_rate'), v('breached_rate')]}
              rows={c.deadlines.map((d) => [translate(t(`clocks.${d.clock}`)), d.met, d.breached, d.running, pct(d.metRate), pct(d.breachedRate)])}
            />
          </Block>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Block title={v('handling')}>
            <SimpleTable testId="table-handling" columns={[v('closed_count'), v('mean'), v('median'), v('p90')]} rows={[[c.handling.count, num(c.handling.mean), num(c.handling.median), num(c.handling.p90)]]} />
            <Box sx={{ mt: 2 }}>
              <Typography variant="subtitle2" sx={{ fontWeight: 600, mb: 1 }}>
                {v('by_severity')}
              </Typography>
              <SimpleTable columns={[v('metric'), v('count')]} rows={c.bySeverity.map((r) => [enumLabel('ComplaintSeverity', r.key), r.count])} />
            </Box>
          </Block>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Block title={v('escalations')}>
            <SimpleTable
              testId="table-escalations"
              columns={[v('level'), v('count')]}
              rows={[
                [v('warning'), c.escalations.warning],
                [v('breach'), c.escalations.breach],
                [v('compliance'), c.escalations.compliance],
                [v('total'), c.escalations.total],
                [v('escalated_complaints'), c.escalations.complaints],
              ]}
            />
          </Block>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Block title={`${v('satisfaction')} · ${v('mean')} ${num(c.satisfaction.mean)} · ${v('responses')} ${c.satisfaction.responses}`} testId="chart-satisfaction">
            <Bars data={['1', '2', '3', '4', '5'].map((s) => ({ name: `${s}`, value: c.satisfaction.distribution[s] ?? 0 }))} />
          </Block>
        </Grid>
        <Grid size={12}>
          <Block title={v('comparison')}>
            <SimpleTable
              testId="table-comparison"
              columns={[v('metric'), `${v('current')} ${c.period.label}`, v('previous', { label: stats.previous.period.label }), v('change'), v('year_ago', { label: stats.yearAgo.period.label }), v('yoy')]}
              rows={stats.comparison.map((r) => [
                metric(r.metric),
                num(r.previous.current),
                num(r.previous.previous),
                changeText(r.previous.delta, r.previous.ratio),
                num(r.yearAgo.previous),
                changeText(r.yearAgo.delta, r.yearAgo.ratio),
              ])}
            />
          </Block>
        </Grid>
      </Grid>
    </Stack>
  );
};
