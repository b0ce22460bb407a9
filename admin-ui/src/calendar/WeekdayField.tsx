import { Typography } from '@mui/material';
import { useLocale, useRecordContext } from 'react-admin';
import { isWeekend } from '../complaints/clocks/workingDays';

/** The weekday of a calendar date: a make-up working day is a Saturday or Sunday, which is the point of it. */
export const WeekdayField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const locale = useLocale();
  const day = record?.day as string | undefined;
  if (!day) return null;
  const name = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return (
    <Typography component="span" variant="body2" color={isWeekend(day) ? 'text.secondary' : 'text.primary'}>
      {name}
    </Typography>
  );
};
