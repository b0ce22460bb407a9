import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Badge, Box, Button, IconButton, List, Popover, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { NotificationItem } from './NotificationItem';
import { useNotificationsFeed } from './useNotificationsFeed';
import { useOpenNotification } from './useOpenNotification';

/** The bell in the app bar: unread count at a glance, the latest ten a click away. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { notifications, unread, markRead, markAllRead } = useNotificationsFeed(10);
  const open = useOpenNotification(markRead, () => setAnchor(null));
  const label = translate('app.notifications.bell', { count: unread });
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" aria-label={label} onClick={(event) => setAnchor(event.currentTarget)} data-testid="notification-bell">
          <Badge badgeContent={unread} color="error" max={99} data-testid="notification-count" data-count={unread}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxHeight: 520, display: 'flex', flexDirection: 'column' } } }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1, borderBottom: '1px solid', borderColor: 'divider' }}>
          <Typography variant="subtitle2" sx={{ flex: 1, fontWeight: 600 }}>
            {translate('app.notifications.title')}
          </Typography>
          <Button size="small" onClick={markAllRead} disabled={unread === 0} data-testid="notifications-mark-all">
            {translate('app.notifications.mark_all')}
          </Button>
        </Box>
        {notifications.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('app.notifications.empty')}
          </Typography>
        ) : (
          <List dense disablePadding sx={{ overflowY: 'auto' }} data-testid="notification-list">
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={open} />
            ))}
          </List>
        )}
      </Popover>
    </>
  );
};
