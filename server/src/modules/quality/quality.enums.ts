import { registerEnumType } from 'type-graphql';

/** The checklist dimensions (考核维度) a template item belongs to. */
export enum QualityDimension {
  service_manner = 'service_manner',
  business_accuracy = 'business_accuracy',
  script_compliance = 'script_compliance',
  information_security = 'information_security',
  technical_support = 'technical_support',
  timeliness = 'timeliness',
}

export const DIMENSION_LABELS: Record<QualityDimension, string> = {
  service_manner: '服务态度',
  business_accuracy: '业务准确性',
  script_compliance: '话术规范',
  information_security: '信息安全',
  technical_support: '技术支持',
  timeliness: '时效性',
};

export enum InspectionKind {
  /** Planned per team per half-year. */
  periodic = 'periodic',
  /** Opened from a complaint and linked to it. */
  ad_hoc = 'ad_hoc',
  /** 回访: a reproducible random sample of closed complaints or new policies of a period. */
  return_visit = 'return_visit',
}

export const KIND_LABELS: Record<InspectionKind, string> = { periodic: '定期质检', ad_hoc: '专项质检', return_visit: '回访' };

export enum InspectionState {
  draft = 'draft',
  submitted = 'submitted',
  reviewed = 'reviewed',
  published = 'published',
}

export const STATE_LABELS: Record<InspectionState, string> = { draft: '草稿', submitted: '已提交', reviewed: '已复核', published: '已发布' };

/** What an inspection samples. */
export enum SampleKind {
  complaint = 'complaint',
  inquiry = 'inquiry',
  staff = 'staff',
  policy = 'policy',
}

/** What a return visit draws its sample from. */
export enum ReturnVisitSource {
  closed_complaints = 'closed_complaints',
  new_policies = 'new_policies',
}

export enum FindingSeverity {
  minor = 'minor',
  major = 'major',
  critical = 'critical',
}

export const SEVERITY_LABELS: Record<FindingSeverity, string> = { minor: '一般', major: '重要', critical: '严重' };

export enum RectificationState {
  open = 'open',
  in_progress = 'in_progress',
  done = 'done',
  verified = 'verified',
  reopened = 'reopened',
}

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = { open: '待整改', in_progress: '整改中', done: '已完成', verified: '已验证', reopened: '已重开' };

/** States in which the owner still has work to do: the due date counts, and passing it is overdue. */
export const RECTIFICATION_OPEN_STATES = [RectificationState.open, RectificationState.in_progress, RectificationState.reopened];

registerEnumType(QualityDimension, { name: 'QualityDimension', description: 'Checklist dimension (服务态度, 业务准确性, 话术规范, 信息安全, 技术支持, 时效性)' });
registerEnumType(InspectionKind, { name: 'InspectionKind' });
registerEnumType(InspectionState, { name: 'InspectionState', description: 'draft → submitted → reviewed → published' });
registerEnumType(SampleKind, { name: 'QualitySampleKind' });
registerEnumType(ReturnVisitSource, { name: 'ReturnVisitSource' });
registerEnumType(FindingSeverity, { name: 'FindingSeverity' });
registerEnumType(RectificationState, { name: 'RectificationState', description: 'open → in_progress → done → verified, or reopened' });
