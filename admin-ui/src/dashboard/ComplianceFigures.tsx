import AlarmIcon from '@mui/icons-material/AlarmOutlined';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import FeedbackIcon from '@mui/icons-material/FeedbackOutlined';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import PolicyIcon from '@mui/icons-material/PolicyOutlined';
import { Grid } from '@mui/material';
import { useTranslate } from 'react-admin';
import { listLink, useWidget } from './api';
import { FigureTile } from './FigureTile';
import { WidgetFrame } from './WidgetFrame';

/** The compliance officer's company-wide figures (a branch role sees its branch's; a figure without the right says so). */
export const ComplianceFigures = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useWidget('dashboardComplianceFigures');
  return (
    <WidgetFrame title="app.widgets.compliance.title" icon={<GavelIcon />} testId="compliance-figures" data={data} isPending={isPending} error={error}>
      {(f) => (
        <Grid container spacing={1.5}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FigureTile label={translate('app.widgets.compliance.open_complaints')} value={f.openComplaints} to={listLink('complaints', { open: true })} tone="#1d4f91" icon={<FeedbackIcon />} testId="figure-open-complaints" />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FigureTile
              label={translate('app.widgets.compliance.breached')}
              value={f.breachedThisQuarter}
              help={translate('app.widgets.compliance.breached_help', { date: f.quarterFrom })}
              tone="#b91c1c"
              icon={<AlarmIcon />}
              testId="figure-breached"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FigureTile
              label={translate('app.widgets.compliance.open_rectifications')}
              value={f.openRectifications}
              to={listLink('qualityRectifications', { states: ['open', 'in_progress', 'reopened'] })}
              tone="#b45309"
              icon={<AssignmentTurnedInIcon />}
              testId="figure-open-rectifications"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FigureTile
              label={translate('app.widgets.compliance.data_rights_due')}
              value={f.dataRightsDue}
              help={translate('app.widgets.compliance.data_rights_help', { date: f.dataRightsDueBy })}
              to={listLink('dataRightsRequests', { status: 'restricted', retentionUntil_lte: f.dataRightsDueBy })}
              tone="#7c3aed"
              icon={<PolicyIcon />}
              testId="figure-data-rights-due"
            />
          </Grid>
        </Grid>
      )}
    </WidgetFrame>
  );
};
