import { useDataProvider, useGetList, useNotify, useRefresh, type RaRecord } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

const POLL_MS = 60_000;

export interface AppNotification extends RaRecord {
  kind: string;
  title: string;
  body: string;
  complaintId: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * The signed-in staff member's latest notifications and unread count, polled every minute (the
 * escalation job runs on its own schedule), with marking read. Marking refreshes every list on the
 * screen, so the bell and the dashboard agree at once.
 */
export function useNotificationsFeed(perPage: number, enabled = true) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data, meta, isPending } = useGetList<AppNotification>(
    'notifications',
    { pagination: { page: 1, perPage }, sort: { field: 'id', order: 'DESC' }, filter: {} },
    { enabled, refetchInterval: POLL_MS, refetchOnWindowFocus: true },
  );
  const unread = (meta as { unread?: number } | undefined)?.unread ?? 0;

  const markRead = async (notification: AppNotification) => {
    if (notification.readAt) return;
    try {
      await dataProvider.update('notifications', { id: notification.id, data: {}, previousData: notification });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const markAllRead = async () => {
    try {
      await dataProvider.markAllNotificationsRead();
      notify('app.notifications.marked_all', { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return { notifications: data ?? [], unread, isPending, markRead, markAllRead };
}
