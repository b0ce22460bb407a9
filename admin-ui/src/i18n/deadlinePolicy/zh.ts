import type { deadlinePolicyEn } from './en';

/** 投诉时限规则页面。 */
export const deadlinePolicyZh: typeof deadlinePolicyEn = {
  messages: {
    title: '投诉办理时限规则',
    menu: '时限规则',
    explanation: '全公司一份规则。修改后立即作用于所有未办结投诉的时限，并记入审计日志。',
    saved: '时限规则已保存。',
    read_only: '您的角色可以查看但不能修改时限规则。',
    sections: {
      deadlines: '办理时限',
      major: '重大投诉',
      escalation: '督办升级',
      authority: '赔偿/补偿审批权限',
    },
    fields: {
      firstResponseHours: '首次响应（小时）',
      materialsNoticeWorkingDays: '告知补充材料（工作日）',
      resolutionTargetWorkingDays: '处理时限·公司目标（工作日）',
      regulatoryResolutionDays: '处理时限·监管时限（天）',
      regulatoryExtendedDays: '延长后的监管时限（天）',
      regulatoryDayKind: '监管时限计算方式',
      headOfficeReportHours: '重大投诉报告总公司（小时）',
      warnAtPercent: '时限用去多少时预警（%）',
      majorAmountFen: '争议金额超过即为重大',
      majorDeathCount: '死亡人数达到即为重大',
      breachEscalationRole: '超时后通知（角色）',
      complianceEscalationRole: '重大投诉持续超时后通知（角色）',
      complianceAfterWorkingDays: '……超时超过的工作日数',
      approvalLimits: '审批权限',
      role: '角色',
      limitFen: '权限上限（留空为不设上限）',
    },
  },
  enums: {
    RegulatoryDayKind: { calendar: '自然日', working: '工作日' },
  },
};
