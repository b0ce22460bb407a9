import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { fieldVerdict, guardFieldValue } from '../../access/field-guard';
import { andRowFilter } from '../../access/guarded-query';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { applySortAndPage, type ListArgs, type ListSpec } from '../../graphql/list';
import { RowCount } from '../../graphql/list-count';
import { maskLookupValues } from '../../access/sensitive-lookups';
import { recordAudit } from '../audit/audit.service';
import { toCsv } from './csv';

export const MAX_EXPORT_ROWS = 10_000;

export interface ExportColumn<T> {
  field: string;
  zh: string;
  en: string;
  /** Defaults to the record's own field. */
  value?: (record: T) => unknown;
}

export interface CsvExport {
  filename: string;
  csv: string;
  rows: number;
}

export interface ExportRequest<T extends ObjectLiteral> {
  subject: string;
  query: SelectQueryBuilder<T>;
  spec: ListSpec<T>;
  args: Pick<ListArgs, 'sortField' | 'sortOrder'>;
  columns: ExportColumn<T>[];
  locale: 'zh' | 'en';
  filter: unknown;
}

/**
 * A list exported exactly as the screen shows it: the same row rules (read and export), the same
 * field rules and masks per record, and an audit entry naming the filter and the row count.
 */
export async function exportCsv<T extends ObjectLiteral>(ctx: RequestContext, request: ExportRequest<T>): Promise<CsvExport> {
  const query = andRowFilter(ctx, request.query, 'export');
  // Counted only as far as the limit: a filter matching a million rows is refused without counting them all.
  if ((await new RowCount(query).upTo(MAX_EXPORT_ROWS)).more) {
    throw invalidInput({ filter: `matches more than ${MAX_EXPORT_ROWS} rows; an export holds at most ${MAX_EXPORT_ROWS}: narrow the filter` });
  }
  const records = await applySortAndPage(ctx, query, request.spec, { ...request.args, page: 0, perPage: MAX_EXPORT_ROWS }).getMany();
  const rows = records.map((record) =>
    request.columns.map((column) => {
      const verdict = fieldVerdict(ctx.ability, request.subject, record, column.field);
      return guardFieldValue(verdict, column.value ? column.value(record) : record[column.field]);
    }),
  );
  const csv = toCsv(request.columns.map((c) => c[request.locale]), rows);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
  await inTransaction(ctx.db, (em) =>
    recordAudit(em, ctx, {
      action: 'export',
      subjectType: request.subject,
      changes: { filter: maskLookupValues(request.subject, request.filter), sortField: request.args.sortField ?? null, rows: records.length, format: 'csv' },
    }),
  );
  return { filename: `${request.subject.toLowerCase()}-${stamp}.csv`, csv, rows: records.length };
}
