import { registerEnumType } from 'type-graphql';

export enum ReportKind {
  /** Report 1: complaint statistics (投诉统计). */
  complaint_statistics = 'complaint_statistics',
  /** Report 2: quality-inspection summary (质检汇总). */
  quality_summary = 'quality_summary',
  /** Report 3: policy-inquiry and information-security indicators (查询与信息安全指标). */
  inquiry_security = 'inquiry_security',
  /** Report 4: access-review evidence (权限复核证据). */
  access_review_evidence = 'access_review_evidence',
}

export enum ReportPeriodKind {
  month = 'month',
  quarter = 'quarter',
  half_year = 'half_year',
  year = 'year',
  custom = 'custom',
}

export enum ReportJobStatus {
  queued = 'queued',
  running = 'running',
  done = 'done',
  failed = 'failed',
}

registerEnumType(ReportKind, { name: 'ReportKind', description: 'The kinds of compliance report; reportKinds lists the ones that can be generated' });
registerEnumType(ReportPeriodKind, { name: 'ReportPeriodKind', description: 'Calendar periods in the company time zone (Asia/Shanghai by default)' });
registerEnumType(ReportJobStatus, { name: 'ReportJobStatus' });
