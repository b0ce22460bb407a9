import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { daysBetween, todayIn } from '../common/format';
import { useTimezone } from '../common/useStaff';

/** The day a restricted customer is anonymised, with the days left while the request still waits. */
export const RetentionCell = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const timeZone = useTimezone();
  const until = record?.retentionUntil as string | null | undefined;
  if (!until) return <Typography variant="body2" color="text.disabled">—</Typography>;
  if (record?.status !== 'restricted')
    return (
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {until}
      </Typography>
    );
  const days = daysBetween(todayIn(timeZone), until);
  const label = days > 0 ? translate('app.data_rights.register.days_left', { days }) : days === 0 ? translate('app.data_rights.register.due_today') : translate('app.data_rights.register.overdue', { days: -days });
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {until}
      </Typography>
      <Chip size="small" variant="outlined" color={days > 30 ? 'info' : days >= 0 ? 'warning' : 'error'} label={label} />
    </Stack>
  );
};
