import { Box, Card, CardContent, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportCell, ReportChart, ReportTable } from './api';

const PALETTE = ['#3f6fb0', '#d9822b', '#4c9a6a', '#9b59b6'];
/** A chart of nothing but zeros says less than its table: it is left out. */
const hasFigures = (chart: ReportChart) => chart.labels.length > 0 && chart.series.some((s) => s.values.some((v) => v));
const cellText = (cell: ReportCell) => (cell === null || cell === undefined || cell === '' ? '—' : String(cell));

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

const FigureTable = ({ table }: { table: ReportTable }) => (
  <Box sx={{ overflowX: 'auto' }}>
    <Table size="small" data-testid={`table-${table.key}`}>
      <TableHead>
        <TableRow>
          {table.columns.map((c, i) => (
            <TableCell key={i} align={i ? 'right' : 'left'} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
              {c}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {table.rows.map((row, r) => (
          <TableRow key={r}>
            {row.map((cell, i) => (
              <TableCell key={i} align={i ? 'right' : 'left'} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {cellText(cell)}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {table.rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={table.columns.length} sx={{ color: 'text.secondary' }}>
              —
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  </Box>
);

/** Horizontal bars: labels are Chinese words, which read better on the vertical axis than slanted under the bars. */
const Bars = ({ chart }: { chart: ReportChart }) => {
  const data = chart.labels.map((name, i) => Object.fromEntries([['name', name], ...chart.series.map((s, j) => [`s${j}`, s.values[i] ?? 0])]));
  const rowHeight = 14 + chart.series.length * 14;
  return (
    <Box sx={{ width: '100%', height: Math.max(120, data.length * rowHeight + (chart.series.length > 1 ? 60 : 30)), mt: 1 }} data-testid={`chart-${chart.key}`}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="name" width={120} fontSize={12} interval={0} />
          <Tooltip />
          {/* itemSorter null: the legend keeps the table's column order instead of sorting the names. */}
          {chart.series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />}
          {chart.series.map((s, j) => (
            <Bar key={j} dataKey={`s${j}`} name={s.name} fill={PALETTE[j % PALETTE.length]} isAnimationActive={false} maxBarSize={22}>
              <LabelList dataKey={`s${j}`} position="right" fontSize={12} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

/**
 * Any report's figures, as the server lays them out for the XLSX and the PDF: each table with the chart
 * of the same key under it, then the charts that have no table. Narrow tables sit two to a row.
 */
export const ReportContent = ({ tables, charts }: { tables: ReportTable[]; charts: ReportChart[] }) => {
  const chartOf = new Map(charts.map((c) => [c.key, c]));
  const tableKeys = new Set(tables.map((t) => t.key));
  return (
    <Grid container spacing={2}>
      {tables.map((table) => {
        const chart = chartOf.get(table.key);
        return (
          <Grid key={table.key} size={{ xs: 12, md: table.columns.length > 4 ? 12 : 6 }}>
            <Block title={table.heading} testId={`block-${table.key}`}>
              <FigureTable table={table} />
              {chart && hasFigures(chart) && <Bars chart={chart} />}
            </Block>
          </Grid>
        );
      })}
      {charts
        .filter((c) => !tableKeys.has(c.key) && hasFigures(c))
        .map((chart) => (
          <Grid key={chart.key} size={{ xs: 12, md: 6 }}>
            <Block title={chart.heading} testId={`block-${chart.key}`}>
              <Bars chart={chart} />
            </Block>
          </Grid>
        ))}
    </Grid>
  );
};
