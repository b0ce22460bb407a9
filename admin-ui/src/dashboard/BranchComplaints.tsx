import AlarmIcon from '@mui/icons-material/AlarmOutlined';
import InsightsIcon from '@mui/icons-material/InsightsOutlined';
import { Box, Button, Grid, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { TONE_STYLES } from '../complaints/clocks/ClockBadge';
import { listLink, useWidget, type BranchComplaintsWidget } from './api';
import { ClockStatusChart } from './ClockStatusChart';
import { ComplaintRows } from './ComplaintRows';
import { WidgetFrame } from './WidgetFrame';

const OPEN = { open: true };
const OVERDUE = { open: true, overdue: true };

const WeeklyTrend = ({ trend }: { trend: BranchComplaintsWidget['trend'] }) => {
  const translate = useTranslate();
  const data = trend.map((w) => ({ ...w, label: `${Number(w.weekStart.slice(5, 7))}/${Number(w.weekStart.slice(8, 10))}` }));
  return (
    <Box sx={{ height: 220 }} data-testid="branch-trend">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval={0} tickMargin={4} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip labelFormatter={(_, payload) => translate('app.widgets.branch.week_of', { date: payload?.[0]?.payload?.weekStart ?? '' })} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="received" name={translate('app.widgets.branch.received')} fill={TONE_STYLES.running.fg} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="closed" name={translate('app.widgets.branch.closed')} fill={TONE_STYLES.met.fg} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

/** The supervisor's branch: open complaints by clock status, the overdue ones, and 12 weeks of intake against closure. */
export const BranchComplaints = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useWidget('dashboardBranchComplaints');
  const frame = { data, isPending, error };
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 5 }}>
        <WidgetFrame title="app.widgets.branch.title" icon={<InsightsIcon />} testId="branch-status" {...frame}>
          {(branch) => (
            <>
              <ClockStatusChart counts={branch.counts} base={OPEN} testId="branch-status-chart" />
              <Typography variant="subtitle2" sx={{ mt: 2, mb: 0.5, fontWeight: 600 }}>
                {translate('app.widgets.branch.trend_title')}
              </Typography>
              <WeeklyTrend trend={branch.trend} />
            </>
          )}
        </WidgetFrame>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <WidgetFrame
          title="app.widgets.branch.overdue_title"
          icon={<AlarmIcon />}
          testId="branch-overdue"
          {...frame}
          action={
            data?.counts.overdue ? (
              <Button size="small" color="error" component={Link} to={listLink('complaints', OVERDUE)}>
                {translate('app.widgets.branch.overdue_more', { count: data.counts.overdue })}
              </Button>
            ) : undefined
          }
        >
          {(branch) =>
            branch.overdue.length === 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
                {translate('app.widgets.branch.overdue_empty')}
              </Typography>
            ) : (
              <ComplaintRows complaints={branch.overdue} testId="overdue-item" />
            )
          }
        </WidgetFrame>
      </Grid>
    </Grid>
  );
};
