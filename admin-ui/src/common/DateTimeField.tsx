import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatDateTime } from './format';
import { useTimezone } from './useStaff';

/** A UTC time from the API, shown in the staff member's zone (Asia/Shanghai by default). */
export const DateTimeField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const timeZone = useTimezone();
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatDateTime(record?.[source] as string | null | undefined, timeZone)}
    </Typography>
  );
};
