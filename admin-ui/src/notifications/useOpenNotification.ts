import { useCanAccess } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { AppNotification } from './useNotificationsFeed';

/** Opening a notification marks it read and, when it is about a complaint the staff member may open, goes there. */
export function useOpenNotification(markRead: (n: AppNotification) => Promise<void>, after?: () => void) {
  const navigate = useNavigate();
  const { canAccess: canOpenComplaints } = useCanAccess({ action: 'show', resource: 'complaints' });
  return async (notification: AppNotification) => {
    after?.();
    await markRead(notification);
    if (notification.complaintId && canOpenComplaints) navigate(`/complaints/${notification.complaintId}/show`);
  };
}
