/** The notification bell and the dashboard's escalations, in English (app.notifications). */
export const notificationsEn = {
  title: 'Notifications',
  bell: 'Notifications: %{count} unread',
  empty: 'No notifications.',
  mark_all: 'Mark all read',
  marked_all: 'All notifications marked read.',
  unread_only: 'Unread',
  escalations: 'Escalations and assignments',
  kinds: {
    escalation_warning: 'Deadline near',
    escalation_breach: 'Deadline breached',
    escalation_compliance: 'Escalated to compliance',
    complaint_assigned: 'Assigned to you',
  },
};
