import { registerEnumType } from 'type-graphql';

export enum ReportKind {
  /** Report 1: complaint statistics (投诉统计). Reports 2–4 add their kinds here. */
  complaint_statistics = 'complaint_statistics',
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

registerEnumType(ReportKind, { name: 'ReportKind' });
registerEnumType(ReportPeriodKind, { name: 'ReportPeriodKind', description: 'Calendar periods in the company time zone (Asia/Shanghai by default)' });
registerEnumType(ReportJobStatus, { name: 'ReportJobStatus' });
