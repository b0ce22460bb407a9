import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettingsOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import HowToRegIcon from '@mui/icons-material/HowToRegOutlined';
import PersonOffIcon from '@mui/icons-material/PersonOffOutlined';
import { Grid } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useStaff } from '../common/useStaff';
import { listLink, useWidget } from './api';
import { FigureTile } from './FigureTile';
import { WidgetFrame } from './WidgetFrame';

/** The administrator's to-do: grants waiting for a second approval, access reviews under way, dormant accounts. */
export const AccessAdminCard = () => {
  const translate = useTranslate();
  const timeZone = useStaff()?.timezone ?? 'Asia/Shanghai';
  const { data, isPending, error } = useWidget('dashboardAccessAdmin');
  return (
    <WidgetFrame title="app.widgets.access.title" icon={<AdminPanelSettingsIcon />} testId="access-admin" data={data} isPending={isPending} error={error}>
      {(a) => (
        <Grid container spacing={1.5}>
          <Grid size={{ xs: 12, md: 4 }}>
            <FigureTile
              label={translate('app.widgets.access.pending_approvals')}
              value={a.pendingApprovals}
              to={listLink('roleGrants', { status: 'pending_approval' })}
              tone="#b45309"
              icon={<HowToRegIcon />}
              testId="figure-pending-approvals"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <FigureTile
              label={translate('app.widgets.access.open_reviews')}
              value={a.openReviews}
              help={
                a.reviewItemsDue === null
                  ? undefined
                  : [translate('app.widgets.access.review_items', { count: a.reviewItemsDue }), a.nextReviewDueAt && translate('app.widgets.access.next_due', { date: formatDateTime(a.nextReviewDueAt, timeZone) })].filter(Boolean).join('，')
              }
              to={listLink('accessReviewCampaigns', { status: 'open' })}
              tone="#1d4f91"
              icon={<FactCheckIcon />}
              testId="figure-open-reviews"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <FigureTile
              label={translate('app.widgets.access.dormant')}
              value={a.dormantAccounts}
              help={translate('app.widgets.access.dormant_help', { days: a.dormantAfterDays })}
              to="/dormant-staff"
              tone="#64748b"
              icon={<PersonOffIcon />}
              testId="figure-dormant"
            />
          </Grid>
        </Grid>
      )}
    </WidgetFrame>
  );
};
