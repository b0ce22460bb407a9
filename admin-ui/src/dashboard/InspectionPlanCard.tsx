import EventNoteIcon from '@mui/icons-material/EventNoteOutlined';
import { Box, Button, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useWidget } from './api';
import { WidgetFrame } from './WidgetFrame';

/** The inspector's half-year: how many teams have had their periodic inspection so far, per branch. */
export const InspectionPlanCard = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useWidget('dashboardInspectionPlan');
  return (
    <WidgetFrame
      title="app.widgets.plan.title"
      titleArgs={{ period: data?.period ?? '' }}
      icon={<EventNoteIcon />}
      testId="inspection-plan"
      data={data}
      isPending={isPending}
      error={error}
      action={
        <Button size="small" component={Link} to="/quality-plan">
          {translate('app.widgets.plan.open_plan')}
        </Button>
      }
    >
      {(plan) =>
        plan.teams === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
            {translate('app.widgets.plan.no_teams')}
          </Typography>
        ) : (
          <>
            <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="plan-coverage">
              {translate('app.widgets.plan.coverage', { covered: plan.covered, teams: plan.teams })}
            </Typography>
            <LinearProgress variant="determinate" value={(100 * plan.covered) / plan.teams} sx={{ height: 8, borderRadius: 4, my: 1 }} color="success" />
            <Typography variant="caption" color="text.secondary">
              {plan.from} — {plan.to}
            </Typography>
            <Box sx={{ height: Math.max(120, 36 * plan.byBranch.length + 48), mt: 1 }}>
              <ResponsiveContainer>
                <BarChart
                  data={plan.byBranch.map((b) => ({ name: b.branchName, covered: b.covered, remaining: b.teams - b.covered }))}
                  layout="vertical"
                  margin={{ top: 0, right: 16, bottom: 0, left: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} fontSize={12} />
                  <YAxis type="category" dataKey="name" width={96} fontSize={12} interval={0} />
                  <Tooltip />
                  <Legend wrapperStyle={{ fontSize: 13 }} />
                  <Bar dataKey="covered" stackId="t" name={translate('app.widgets.plan.covered')} fill="#15803d" isAnimationActive={false} />
                  <Bar dataKey="remaining" stackId="t" name={translate('app.widgets.plan.remaining')} fill="#cbd5e1" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Box>
          </>
        )
      }
    </WidgetFrame>
  );
};
