import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useStaff } from '../common/useStaff';

/**
 * The handler by name. Agents may read only their own staff record, so another handler comes back
 * without a name: "assigned" is then all the row can say, which is still the truth.
 */
export const HandlerField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const staff = useStaff();
  const assigneeId = record?.assigneeId as string | null | undefined;
  if (!assigneeId) {
    return (
      <Typography component="span" variant="body2" color="text.disabled">
        {translate('app.complaints.unassigned')}
      </Typography>
    );
  }
  const name = (record?.assignee as { displayName?: string } | null)?.displayName;
  const mine = staff && String(staff.id) === String(assigneeId);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', fontWeight: mine ? 600 : undefined }}>
      {name ?? translate('app.complaints.assigned')}
      {mine ? ` (${translate('app.complaints.me')})` : ''}
    </Typography>
  );
};
