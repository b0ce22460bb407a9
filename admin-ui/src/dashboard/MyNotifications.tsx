import NotificationsActiveIcon from '@mui/icons-material/NotificationsActiveOutlined';
import { Button, List, Skeleton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';
import { NotificationItem } from '../notifications/NotificationItem';
import { useNotificationsFeed } from '../notifications/useNotificationsFeed';
import { useOpenNotification } from '../notifications/useOpenNotification';

/** Escalations and assignments addressed to the staff member, newest first (the same feed as the bell). */
export const MyNotifications = () => {
  const translate = useTranslate();
  const { notifications, unread, isPending, markRead, markAllRead } = useNotificationsFeed(6);
  const open = useOpenNotification(markRead);
  return (
    <SectionCard
      title="app.notifications.escalations"
      icon={<NotificationsActiveIcon />}
      testId="my-notifications"
      action={
        <Button size="small" onClick={markAllRead} disabled={unread === 0}>
          {translate('app.notifications.mark_all')}
        </Button>
      }
    >
      {isPending ? (
        <Stack spacing={1}>
          {[0, 1].map((i) => (
            <Skeleton key={i} height={48} />
          ))}
        </Stack>
      ) : notifications.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {translate('app.notifications.empty')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onOpen={open} />
          ))}
        </List>
      )}
    </SectionCard>
  );
};
