import { Box, ListItemButton, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import type { AppNotification } from './useNotificationsFeed';

const KIND_COLOURS: Record<string, string> = {
  escalation_warning: '#b45309',
  escalation_breach: '#b91c1c',
  escalation_compliance: '#7f1d1d',
  complaint_assigned: '#1d4f91',
};

/**
 * One notification: what kind (in the user's language), the server's title and text, and when.
 * Unread ones are marked; opening one marks it read and goes to its complaint.
 */
export const NotificationItem = ({ notification, onOpen }: { notification: AppNotification; onOpen: (n: AppNotification) => void }) => {
  const translate = useTranslate();
  const timeZone = useTimezone();
  const unread = !notification.readAt;
  const colour = KIND_COLOURS[notification.kind] ?? '#5b6675';
  return (
    <ListItemButton divider onClick={() => onOpen(notification)} data-testid="notification-item" data-unread={unread ? 'true' : 'false'} sx={{ alignItems: 'flex-start', gap: 1.25, py: 1, bgcolor: unread ? 'rgba(29,79,145,0.04)' : undefined }}>
      <Box sx={{ mt: 0.75, width: 8, height: 8, borderRadius: '50%', flexShrink: 0, bgcolor: unread ? colour : 'transparent', border: `1px solid ${colour}` }} />
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography variant="caption" sx={{ color: colour, fontWeight: 600 }}>
          {translate(`app.notifications.kinds.${notification.kind}`, { _: notification.kind })}
          <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1, fontWeight: 400 }}>
            {formatDateTime(notification.createdAt, timeZone)}
          </Typography>
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: unread ? 600 : 400 }}>
          {notification.title}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>
          {notification.body}
        </Typography>
      </Box>
    </ListItemButton>
  );
};
