import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import ReportIcon from '@mui/icons-material/ReportProblemOutlined';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettingsOutlined';
import FeedbackIcon from '@mui/icons-material/FeedbackOutlined';
import { Alert, Box, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Title, useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { todayIn } from '../common/format';
import { useStaff } from '../common/useStaff';
import { AccessAdminCard } from './AccessAdminCard';
import { AuditCheckCard } from './AuditCheckCard';
import { BranchComplaints } from './BranchComplaints';
import { ComplaintStats } from './ComplaintStats';
import { ComplianceFigures } from './ComplianceFigures';
import { InspectionPlanCard } from './InspectionPlanCard';
import { MyComplaintQueue } from './MyComplaintQueue';
import { RectificationsCard } from './RectificationsCard';
import { useWidgetRights } from './useWidgetRights';
import { MyNotifications } from './MyNotifications';
import { QuickSearch } from './QuickSearch';
import { StatCard } from './StatCard';
import { UpcomingRenewals } from './UpcomingRenewals';

function greetingKey(timeZone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return hour < 12 ? 'app.dashboard.morning' : hour < 18 ? 'app.dashboard.afternoon' : 'app.dashboard.evening';
}

/** The start page: what needs attention today, within what the staff member's role may see. */
export const Dashboard = () => {
  const translate = useTranslate();
  const staff = useStaff();
  const { canAccess: canReadCustomers, isPending: p1 } = useCanAccess({ action: 'list', resource: 'customers' });
  const { canAccess: canReadPolicies, isPending: p2 } = useCanAccess({ action: 'list', resource: 'policies' });
  const { canAccess: canCreateCustomers } = useCanAccess({ action: 'create', resource: 'customers' });
  const { canAccess: canReadComplaints, isPending: p3 } = useCanAccess({ action: 'list', resource: 'complaints' });
  const { canAccess: canCreateComplaints } = useCanAccess({ action: 'create', resource: 'complaints' });
  const rights = useWidgetRights();
  const worksComplaints = rights.complaintQueue;
  const timeZone = staff?.timezone ?? 'Asia/Shanghai';
  const roles = staff?.roles.map((role) => translate(`app.roles.${role}`, { _: role })).join('、');

  return (
    <Box sx={{ mt: 2 }} data-testid="dashboard">
      <Title title={translate('ra.page.dashboard')} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 3, flexWrap: 'wrap' }}>
          <Box sx={{ flex: 1, minWidth: 260 }}>
            <Typography variant="h5" sx={{ fontWeight: 700 }}>
              {translate(greetingKey(timeZone), { name: staff?.fullName ?? '' })}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {translate('app.dashboard.subtitle', { date: todayIn(timeZone), roles: roles ?? '', branch: staff?.branchName ?? '—' })}
            </Typography>
          </Box>
          {canReadCustomers && (
            <Box sx={{ flex: 1, minWidth: 320, maxWidth: 520 }}>
              <QuickSearch />
            </Box>
          )}
          {canCreateCustomers && (
            <Button component={Link} to="/customers/create" variant="outlined" startIcon={<AddIcon />}>
              {translate('app.dashboard.new_customer')}
            </Button>
          )}
          {canCreateComplaints && (
            <Button component={Link} to="/complaints/create" variant="contained" startIcon={<FeedbackIcon />} data-testid="new-complaint">
              {translate('app.complaints.new_complaint')}
            </Button>
          )}
        </CardContent>
      </Card>

      {!p1 && !p2 && !p3 && !canReadCustomers && !canReadPolicies && !canReadComplaints && (
        <Alert severity="info" icon={<AdminPanelSettingsIcon />} data-testid="no-data-access">
          <Typography variant="subtitle2">{translate('app.dashboard.no_data_access')}</Typography>
          <Typography variant="body2">{translate('app.dashboard.no_data_access_detail')}</Typography>
        </Alert>
      )}

      <Grid container spacing={2}>
        {rights.branchComplaints && (
          <Grid size={12}>
            <BranchComplaints />
          </Grid>
        )}
        {rights.complianceFigures && (
          <Grid size={{ xs: 12, lg: rights.auditCheck ? 8 : 12 }}>
            <ComplianceFigures />
          </Grid>
        )}
        {rights.auditCheck && (
          <Grid size={{ xs: 12, lg: rights.complianceFigures ? 4 : 12 }}>
            <AuditCheckCard />
          </Grid>
        )}
        {rights.accessAdmin && (
          <Grid size={12}>
            <AccessAdminCard />
          </Grid>
        )}
        {canReadComplaints && (
          <>
            {/* The register's branch-wide counts, for those without a supervisor's or compliance view of them. */}
            {!rights.branchComplaints && !rights.complianceFigures && <ComplaintStats />}
            {worksComplaints && (
              <Grid size={{ xs: 12, lg: 7 }}>
                <MyComplaintQueue />
              </Grid>
            )}
            <Grid size={{ xs: 12, lg: worksComplaints ? 5 : 12 }}>
              <MyNotifications />
            </Grid>
          </>
        )}
        {rights.inspectionPlan && (
          <Grid size={{ xs: 12, lg: rights.rectifications ? 5 : 12 }}>
            <InspectionPlanCard />
          </Grid>
        )}
        {rights.rectifications && (
          <Grid size={{ xs: 12, lg: rights.inspectionPlan ? 7 : 12 }}>
            <RectificationsCard />
          </Grid>
        )}
        {canReadCustomers && (
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatCard resource="customers" label="app.dashboard.customers" icon={<PeopleIcon />} tone="#1d4f91" testId="stat-customers" />
          </Grid>
        )}
        {canReadPolicies && (
          <>
            <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
              <StatCard resource="policies" filter={{ status: 'in_force' }} label="app.dashboard.policies_in_force" icon={<DescriptionIcon />} tone="#15803d" testId="stat-in-force" />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
              <StatCard resource="policies" filter={{ renewalDueWithinDays: 30 }} label="app.dashboard.renewals_30" icon={<EventRepeatIcon />} tone="#b45309" testId="stat-renewals" />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
              <StatCard resource="policies" filter={{ paymentStatus: 'overdue' }} label="app.dashboard.overdue" icon={<ReportIcon />} tone="#b91c1c" testId="stat-overdue" />
            </Grid>
            <Grid size={{ xs: 12, lg: 7 }}>
              <UpcomingRenewals />
            </Grid>
          </>
        )}
        {(canReadCustomers || canReadPolicies) && (
          <Grid size={{ xs: 12, lg: canReadPolicies ? 5 : 12 }}>
            <Card variant="outlined" sx={{ height: '100%' }}>
              <CardContent>
                <Typography variant="subtitle2" sx={{ fontWeight: 600, mb: 1.5 }}>
                  {translate('app.dashboard.reminders_title')}
                </Typography>
                <Stack spacing={1.25}>
                  {(['verify', 'reveal', 'conflict'] as const).map((key) => (
                    <Typography key={key} variant="body2" color="text.secondary" sx={{ lineHeight: 1.7 }}>
                      • {translate(`app.dashboard.reminders.${key}`)}
                    </Typography>
                  ))}
                </Stack>
              </CardContent>
            </Card>
          </Grid>
        )}
      </Grid>
    </Box>
  );
};
