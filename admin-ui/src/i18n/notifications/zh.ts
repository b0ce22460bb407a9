import type { notificationsEn } from './en';

/** 通知铃与工作台上的督办提醒。 */
export const notificationsZh: typeof notificationsEn = {
  title: '通知',
  bell: '通知：%{count} 条未读',
  empty: '暂无通知。',
  mark_all: '全部标为已读',
  marked_all: '已将全部通知标为已读。',
  unread_only: '未读',
  escalations: '督办与分派提醒',
  kinds: {
    escalation_warning: '时限预警',
    escalation_breach: '超时督办',
    escalation_compliance: '升级至合规',
    complaint_assigned: '分派给您',
  },
};
