import AlarmIcon from '@mui/icons-material/AlarmOutlined';
import FeedbackIcon from '@mui/icons-material/FeedbackOutlined';
import PriorityHighIcon from '@mui/icons-material/PriorityHighOutlined';
import TodayIcon from '@mui/icons-material/TodayOutlined';
import { Grid } from '@mui/material';
import { StatCard } from './StatCard';

/** The register's counts that call for action today, each opening the filtered register (same row rules as the list). */
export const ComplaintStats = () => (
  <>
    <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
      <StatCard resource="complaints" filter={{ open: true }} label="app.complaints.stats.open" icon={<FeedbackIcon />} tone="#1d4f91" testId="stat-complaints-open" />
    </Grid>
    <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
      <StatCard resource="complaints" filter={{ dueToday: true }} label="app.complaints.stats.due_today" icon={<TodayIcon />} tone="#b45309" testId="stat-complaints-due-today" />
    </Grid>
    <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
      <StatCard resource="complaints" filter={{ overdue: true }} label="app.complaints.stats.overdue" icon={<AlarmIcon />} tone="#b91c1c" testId="stat-complaints-overdue" />
    </Grid>
    <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
      <StatCard resource="complaints" filter={{ major: true, open: true }} label="app.complaints.stats.major" icon={<PriorityHighIcon />} tone="#7f1d1d" testId="stat-complaints-major" />
    </Grid>
  </>
);
