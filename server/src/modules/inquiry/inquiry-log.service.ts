import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { sqlTime } from '../../db/columns';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { applyFilters, applySortAndPage, type ListArgs } from '../../graphql/list';
import { RowCount } from '../../graphql/list-count';
import { exportCsv, type CsvExport, type ExportColumn } from '../exports/export.service';
import type { InquiryIndicatorArgs, PolicyInquiryFilter, PolicyInquiryListArgs } from './inquiry.inputs';
import { inquiryLogSpec } from './inquiry-log.list';
import type { InquiryIndicator } from './inquiry.types';
import { PolicyInquiry } from './policy-inquiry.entity';

export const listQuery = (ctx: RequestContext, filter: PolicyInquiryFilter | null | undefined) =>
  applyFilters(ctx, guardedQuery(ctx, PolicyInquiry, 'i'), inquiryLogSpec, filter);

export const list = (ctx: RequestContext, args: PolicyInquiryListArgs) => applySortAndPage(ctx, listQuery(ctx, args.filter), inquiryLogSpec, args).getMany();
export const count = (ctx: RequestContext, args: PolicyInquiryListArgs) => new RowCount(listQuery(ctx, args.filter));
export const get = (ctx: RequestContext, id: string) => findGuarded(ctx, PolicyInquiry, id);

const COLUMNS: ExportColumn<PolicyInquiry>[] = [
  { field: 'id', zh: '编号', en: 'ID' },
  { field: 'at', zh: '时间(UTC)', en: 'Time (UTC)' },
  { field: 'channel', zh: '渠道', en: 'Channel' },
  { field: 'policyNumber', zh: '保单号', en: 'Policy number' },
  { field: 'branchId', zh: '所属机构', en: 'Branch' },
  { field: 'outcome', zh: '结果', en: 'Outcome' },
  { field: 'reason', zh: '原因', en: 'Reason' },
  { field: 'staffId', zh: '协助员工', en: 'Assisting staff' },
  { field: 'channelKeyId', zh: '渠道密钥', en: 'Channel key' },
  { field: 'responseMs', zh: '处理时长(毫秒)', en: 'Response (ms)' },
];

export function exportLog(ctx: RequestContext, filter: PolicyInquiryFilter | null | undefined, args: Pick<ListArgs, 'sortField' | 'sortOrder'>, locale: 'zh' | 'en'): Promise<CsvExport> {
  return exportCsv(ctx, { subject: 'PolicyInquiry', query: listQuery(ctx, filter), spec: inquiryLogSpec, args, columns: COLUMNS, locale, filter });
}

/** Inquiries of a period by channel and outcome, over the rows the caller may read: what the reports' inquiry indicators count. */
export async function indicators(ctx: RequestContext, args: InquiryIndicatorArgs): Promise<InquiryIndicator[]> {
  if (args.to <= args.from) throw invalidInput({ to: 'must be after from' });
  const qb = guardedQuery(ctx, PolicyInquiry, 'i')
    .select('i.channel', 'channel')
    .addSelect('i.outcome', 'outcome')
    .addSelect('COUNT(*)', 'count')
    .addSelect('AVG(i.responseMs)', 'average')
    .andWhere('i.at >= :from AND i.at < :to', { from: sqlTime(args.from), to: sqlTime(args.to) })
    .groupBy('i.channel')
    .addGroupBy('i.outcome')
    .orderBy('i.channel')
    .addOrderBy('i.outcome');
  if (args.branchId) qb.andWhere('i.branchId = :branchId', { branchId: Number(args.branchId) });
  const rows = await qb.getRawMany<{ channel: string; outcome: string; count: string | number; average: string | number | null }>();
  return rows.map((r) => ({ channel: r.channel, outcome: r.outcome, count: Number(r.count), averageResponseMs: Math.round(Number(r.average ?? 0)) }));
}
