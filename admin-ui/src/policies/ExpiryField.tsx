import { Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { daysBetween, todayIn } from '../common/format';
import { useTimezone } from '../common/useStaff';

/** The expiry date, flagged when an in-force policy is due for renewal within 30 days. */
export const ExpiryField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const timeZone = useTimezone();
  const expiry = record?.expiryDate as string | undefined;
  if (!expiry) return <>—</>;
  const days = daysBetween(todayIn(timeZone), expiry);
  const dueSoon = record?.status === 'in_force' && days >= 0 && days <= 30;
  return (
    <Stack direction="row" spacing={0.75} alignItems="center">
      <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: dueSoon ? 'warning.dark' : undefined, fontWeight: dueSoon ? 600 : undefined }}>
        {expiry}
      </Typography>
      {dueSoon && (
        <Tooltip title={translate('app.policies.renewal_in_days', { days })}>
          <Typography component="span" variant="caption" sx={{ px: 0.75, borderRadius: 1, bgcolor: 'warning.light', color: 'warning.dark', whiteSpace: 'nowrap' }}>
            {translate('app.policies.days_left', { days })}
          </Typography>
        </Tooltip>
      )}
    </Stack>
  );
};
