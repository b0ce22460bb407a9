import { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintState } from './complaint.enums';

/**
 * The complaint enums in words, Chinese and English: one table for every document that prints a
 * complaint (the compliance reports, the customer's copy of their data). Keyed by the enums, so a
 * new channel or category does not compile until it has its words.
 */
export type ComplaintLabels<K extends string> = Record<K, { zh: string; en: string }>;

export const COMPLAINT_CHANNEL_LABELS: ComplaintLabels<ComplaintChannel> = {
  hotline: { zh: '热线', en: 'Hotline' },
  fax: { zh: '传真', en: 'Fax' },
  letter: { zh: '信函', en: 'Letter' },
  counter: { zh: '柜面', en: 'Counter' },
  email: { zh: '邮件', en: 'E-mail' },
  website: { zh: '官网', en: 'Website' },
  app: { zh: 'App', en: 'App' },
  wechat: { zh: '微信', en: 'WeChat' },
  regulator: { zh: '监管转办', en: 'Regulator' },
  media: { zh: '媒体', en: 'Media' },
};

export const COMPLAINT_CATEGORY_LABELS: ComplaintLabels<ComplaintCategory> = {
  product: { zh: '产品', en: 'Product' },
  sales: { zh: '销售', en: 'Sales' },
  underwriting: { zh: '承保', en: 'Underwriting' },
  policy_service: { zh: '保全', en: 'Policy service' },
  claims: { zh: '理赔', en: 'Claims' },
  service_manner: { zh: '服务态度', en: 'Service manner' },
  information_security: { zh: '信息安全', en: 'Information security' },
  other: { zh: '其他', en: 'Other' },
};

export const COMPLAINT_SEVERITY_LABELS: ComplaintLabels<ComplaintSeverity> = {
  general: { zh: '一般', en: 'General' },
  major: { zh: '重大', en: 'Major' },
};

export const COMPLAINT_STATE_LABELS: ComplaintLabels<ComplaintState> = {
  registered: { zh: '已登记', en: 'Registered' },
  awaiting_materials: { zh: '待补充材料', en: 'Awaiting materials' },
  accepted: { zh: '已受理', en: 'Accepted' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  investigating: { zh: '调查中', en: 'Investigating' },
  resolution_proposed: { zh: '处理方案待审批', en: 'Resolution proposed' },
  approved: { zh: '方案已批准', en: 'Resolution approved' },
  communicated: { zh: '已告知客户', en: 'Decision communicated' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
