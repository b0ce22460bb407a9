import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import { Box, Button, Chip, List as MuiList, ListItemButton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { TONE_STYLES } from '../complaints/clocks/ClockBadge';
import { MONO } from '../complaints/NumberCell';
import { listLink, useWidget } from './api';
import { WidgetFrame } from './WidgetFrame';

const OPEN_STATES = { states: ['open', 'in_progress', 'reopened'] };

/** Open rectifications the staff member works on (their row rules), earliest due first, overdue in red. */
export const RectificationsCard = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useWidget('dashboardRectifications');
  const count = (key: 'open' | 'overdue', value: number, filter: Record<string, unknown>, tone: string) => (
    <Box component={Link} to={listLink('qualityRectifications', filter)} sx={{ textDecoration: 'none', color: 'inherit', borderLeft: `4px solid ${tone}`, pl: 1 }} data-testid={`rectifications-${key}`}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`app.widgets.rectifications.${key}`)}
      </Typography>
      <Typography variant="h6" sx={{ fontWeight: 700, color: value ? tone : 'text.disabled', fontVariantNumeric: 'tabular-nums' }} data-testid={`rectifications-${key}-value`}>
        {value}
      </Typography>
    </Box>
  );
  return (
    <WidgetFrame
      title="app.widgets.rectifications.title"
      icon={<AssignmentTurnedInIcon />}
      testId="rectifications"
      data={data}
      isPending={isPending}
      error={error}
      action={
        <Button size="small" component={Link} to={listLink('qualityRectifications', OPEN_STATES)}>
          {translate('app.widgets.rectifications.view_all')}
        </Button>
      }
    >
      {(r) => (
        <>
          <Stack direction="row" spacing={3} sx={{ mb: 1 }}>
            {count('open', r.open, OPEN_STATES, TONE_STYLES.running.fg)}
            {count('overdue', r.overdue, { overdue: true }, TONE_STYLES.breached.fg)}
          </Stack>
          {r.items.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
              {translate('app.widgets.rectifications.empty')}
            </Typography>
          ) : (
            <MuiList dense disablePadding>
              {r.items.map((item) => (
                <ListItemButton key={item.id} component={Link} to={`/qualityRectifications/${item.id}/show`} divider sx={{ px: 1, gap: 1.5 }} data-testid="rectification-item">
                  <Box sx={{ minWidth: 0, flex: 1 }}>
                    <Typography variant="body2" sx={{ fontFamily: MONO, fontSize: 13 }}>
                      {item.number}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" noWrap component="div">
                      {item.requiredAction}
                    </Typography>
                  </Box>
                  <Stack direction="row" spacing={1} alignItems="center" sx={{ flexShrink: 0 }}>
                    <Typography variant="caption" sx={{ color: item.overdue ? TONE_STYLES.breached.fg : 'text.secondary', fontWeight: item.overdue ? 600 : 400 }}>
                      {translate('app.widgets.rectifications.due', { date: item.dueDate ?? '—' })}
                    </Typography>
                    {item.overdue && <Chip size="small" color="error" label={translate('app.widgets.rectifications.overdue_tag')} data-testid="rectification-overdue" />}
                  </Stack>
                </ListItemButton>
              ))}
            </MuiList>
          )}
        </>
      )}
    </WidgetFrame>
  );
};
