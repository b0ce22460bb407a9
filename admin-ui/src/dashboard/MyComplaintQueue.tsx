import AssignmentIndIcon from '@mui/icons-material/AssignmentIndOutlined';
import { Button, Divider, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { listLink, useWidget } from './api';
import { ClockStatusChart } from './ClockStatusChart';
import { ComplaintRows } from './ComplaintRows';
import { WidgetFrame } from './WidgetFrame';

const MINE = { mine: true, open: true };

/** "My queue": the agent's open complaints by clock status, then the nearest deadlines first (no clock counting last). */
export const MyComplaintQueue = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useWidget('dashboardComplaintQueue');
  return (
    <WidgetFrame
      title="app.widgets.queue.title"
      icon={<AssignmentIndIcon />}
      testId="my-queue"
      data={data}
      isPending={isPending}
      error={error}
      action={
        <Button size="small" component={Link} to={listLink('complaints', MINE)}>
          {translate('app.widgets.queue.view_all')}
        </Button>
      }
    >
      {(queue) => (
        <>
          <ClockStatusChart counts={queue.counts} base={MINE} testId="queue-status" />
          <Divider sx={{ my: 1.5 }} />
          {queue.items.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
              {translate('app.widgets.queue.empty')}
            </Typography>
          ) : (
            <ComplaintRows complaints={queue.items} testId="queue-item" />
          )}
        </>
      )}
    </WidgetFrame>
  );
};
