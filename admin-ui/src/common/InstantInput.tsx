import { DateTimeInput, type DateTimeInputProps } from 'react-admin';
import { fromLocalInput, toLocalInput } from './zonedTime';
import { useTimezone } from './useStaff';

/**
 * A date and time typed as wall time in the staff member's zone (the zone every time is shown in)
 * and sent to the API as a UTC instant, whatever zone the browser's computer is set to.
 */
export const InstantInput = (props: DateTimeInputProps) => {
  const timeZone = useTimezone();
  return (
    <DateTimeInput
      {...props}
      format={(value: unknown) => {
        if (!value) return '';
        const date = value instanceof Date ? value : new Date(String(value));
        return Number.isNaN(date.getTime()) ? String(value) : toLocalInput(date, timeZone);
      }}
      parse={(value: string) => (value ? (fromLocalInput(value, timeZone)?.toISOString() ?? value) : null)}
    />
  );
};
