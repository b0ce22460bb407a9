import type { RequestContext } from '../../graphql/context';
import { exportCsv, type CsvExport, type ExportColumn } from '../exports/export.service';
import type { SortOrder } from '../../graphql/list';
import type { AuditEntry } from './audit-entry.entity';
import { auditListQuery, auditListSpec, type AuditEntryFilter } from './audit.resolver';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  !!value && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value;

/**
 * The before and after of each changed field, for the entry detail: the `{field: {from, to}}` parts of
 * `changes`, which were masked when written (sensitive values never reach the trail in clear).
 */
export function fieldChanges(entry: AuditEntry): FieldChange[] {
  if (!entry.changes) return [];
  return Object.entries(entry.changes)
    .filter(([, value]) => isChange(value))
    .map(([field, value]) => ({ field, from: (value as { from: unknown }).from, to: (value as { to: unknown }).to }));
}

const COLUMNS: ExportColumn<AuditEntry>[] = [
  { field: 'seq', zh: '序号', en: 'Seq' },
  { field: 'at', zh: '时间(UTC)', en: 'Time (UTC)', value: (e) => e.at.toISOString() },
  { field: 'staffId', zh: '员工编号', en: 'Staff ID' },
  { field: 'staffUsername', zh: '用户名', en: 'Username' },
  { field: 'action', zh: '操作', en: 'Action' },
  { field: 'subjectType', zh: '对象类型', en: 'Type' },
  { field: 'subjectId', zh: '对象编号', en: 'Record' },
  { field: 'outcome', zh: '结果', en: 'Outcome' },
  { field: 'reason', zh: '原因', en: 'Reason' },
  { field: 'changes', zh: '变更内容(已脱敏)', en: 'Changes (masked)', value: (e) => (e.changes ? JSON.stringify(e.changes) : null) },
  { field: 'requestId', zh: '请求编号', en: 'Request ID' },
  { field: 'hash', zh: '哈希', en: 'Hash' },
];

export interface AuditExportRequest {
  filter?: AuditEntryFilter | null;
  sortField?: string | null;
  sortOrder?: SortOrder | null;
  locale: 'zh' | 'en';
}

/** The filtered audit trail as CSV (at most 10,000 entries), as the list shows it; the export is itself audited. */
export function exportAuditEntries(ctx: RequestContext, request: AuditExportRequest): Promise<CsvExport> {
  return exportCsv(ctx, {
    subject: 'AuditEntry',
    query: auditListQuery(ctx, { filter: request.filter }),
    spec: auditListSpec,
    args: { sortField: request.sortField, sortOrder: request.sortOrder },
    columns: COLUMNS,
    locale: request.locale,
    filter: request.filter,
  });
}
