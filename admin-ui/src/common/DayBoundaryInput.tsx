import { DateInput, type DateInputProps } from 'react-admin';
import { addDays, localDate, zonedMidnight } from './zonedTime';
import { useTimezone } from './useStaff';

/**
 * A date filter on a time column: the user picks a day in their zone, the API gets the instant
 * that day starts (`from`) or ends (`until`), so "received until 2026-11-20" includes that whole day.
 */
export const DayBoundaryInput = ({ boundary, ...props }: DateInputProps & { boundary: 'start' | 'end' }) => {
  const timeZone = useTimezone();
  return (
    <DateInput
      {...props}
      format={(value: unknown) => (typeof value === 'string' && value ? localDate(new Date(value), timeZone) : '')}
      parse={(value: string) => {
        if (!value) return null;
        const start = zonedMidnight(value, timeZone);
        return (boundary === 'start' ? start : new Date(zonedMidnight(addDays(value, 1), timeZone).getTime() - 1)).toISOString();
      }}
    />
  );
};

