import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import { fail, type DocumentRoute } from '../../documents/document-routes';
import { requestContext } from '../../graphql/request-context';
import type { RequestContext } from '../../graphql/context';
import { AppError, ErrorCode } from '../../graphql/errors';
import type { Logger } from '../../logger';
import { AuditOutcome } from '../audit/audit-entry.entity';
import { recordAuditAlone } from '../audit/audit.service';
import type { ComplianceReport } from './compliance-report.entity';
import { reportDocument, reportXlsx } from './report-export';
import type { Locale } from './report-definition';
import * as reports from './report.service';

/**
 * Downloads of a report snapshot over plain HTTP with the session, beside the other printable
 * documents: GET /documents/compliance-reports/<id>.pdf (and .html) through the shared documents
 * router, GET /documents/compliance-reports/<id>.xlsx here. Both need `export` on the snapshot (row
 * rules: a manager downloads their branch's), both are audited (refusals too). ?locale=en for English.
 */
export const REPORT_DOCUMENT_PATH = 'compliance-reports';

const localeOf = (ctx: RequestContext): Locale => (ctx.req?.query?.locale === 'en' ? 'en' : 'zh');
const filenameOf = (report: ComplianceReport) => `${reports.definitionOfSnapshot(report).slug}-${report.periodLabel.replace(/[^\w-]+/g, '_')}-${report.id}`;

/** The PDF and HTML of a snapshot, rendered by the shared documents router. */
export const COMPLIANCE_REPORT_DOCUMENT: DocumentRoute = {
  path: REPORT_DOCUMENT_PATH,
  subject: 'ComplianceReport',
  async produce(ctx, id) {
    const report = await reports.get(ctx, id, 'export');
    const document = reportDocument(reports.definitionOfSnapshot(report), report, localeOf(ctx), ctx.config.defaultTimezone);
    return { document, filename: filenameOf(report), subjectId: report.id };
  },
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The XLSX of a snapshot. Mounted under /documents before the shared documents router. */
export function reportFilesRouter(config: Config, db: DataSource, logger: Logger): Router {
  const router = express.Router();
  router.get(`/${REPORT_DOCUMENT_PATH}/:file`, async (req, res, next) => {
    const match = /^(\d{1,12})\.xlsx$/.exec(String(req.params.file));
    if (!match) return next();
    let ctx: RequestContext | null = null;
    try {
      ctx = await requestContext(config, db, req, res);
      if (!ctx.staff) throw new AppError(ctx.sessionProblem ?? 'SESSION_REQUIRED');
      if (!ctx.ability.can('export', 'ComplianceReport')) throw new AppError('NOT_ALLOWED');
      const report = await reports.get(ctx, match[1], 'export');
      const locale = localeOf(ctx);
      const body = await reportXlsx(reports.definitionOfSnapshot(report), report, locale, config.defaultTimezone);
      await recordAuditAlone(db, ctx, {
        action: 'document.download',
        subjectType: 'ComplianceReport',
        subjectId: report.id,
        changes: { format: 'xlsx', document: REPORT_DOCUMENT_PATH, locale, contentHash: report.contentHash, bytes: body.length },
      });
      const filename = `${filenameOf(report)}.xlsx`;
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-type', XLSX_TYPE);
      res.setHeader('content-disposition', `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      res.send(body);
    } catch (error) {
      if (error instanceof AppError) {
        if (ctx?.staff && (error.code === ErrorCode.FORBIDDEN || error.code === ErrorCode.NOT_FOUND)) {
          await recordAuditAlone(db, ctx, { action: 'document.download', subjectType: 'ComplianceReport', subjectId: match[1], outcome: AuditOutcome.denied, reason: error.message }).catch(() => undefined);
        }
        fail(res, ctx, error);
        return;
      }
      logger.error({ err: error, requestId: ctx?.requestId }, 'report export failed');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal error', requestId: ctx?.requestId } });
    }
  });
  return router;
}
