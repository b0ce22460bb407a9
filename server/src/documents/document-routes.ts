import express, { type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import type { SubjectName } from '../access/subjects';
import type { Config } from '../config';
import type { RequestContext } from '../graphql/context';
import { AppError, ErrorCode } from '../graphql/errors';
import { requestContext } from '../graphql/request-context';
import type { Logger } from '../logger';
import { AuditOutcome } from '../modules/audit/audit-entry.entity';
import { recordAuditAlone } from '../modules/audit/audit.service';
import { renderHtml } from './html';
import { renderPdf } from './pdf';
import type { PrintableDocument } from './printable';

/** One kind of printable document: GET /documents/<path>/<id>.pdf or .html. */
export interface DocumentRoute {
  path: string;
  /** The caller needs `read` on this subject; the producer then reads the record through the row guard. */
  subject: SubjectName;
  produce(ctx: RequestContext, id: string): Promise<{ document: PrintableDocument; filename: string; subjectId: number | string }>;
}

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function fail(res: Response, ctx: RequestContext | null, error: AppError): void {
  res.status(STATUS[error.code] ?? 500).json({ error: { code: error.code, reason: error.reason, message: error.message, requestId: ctx?.requestId } });
}

/**
 * Printable documents over plain HTTP, so a browser can open or download them, checked by the same
 * access layer as /graphql: a session, `read` on the subject, the row guard on the record (missing and
 * forbidden are both 404). Every download is audited; refused ones too.
 */
export function documentsRouter(config: Config, db: DataSource, logger: Logger, routes: DocumentRoute[]): Router {
  const router = express.Router();
  for (const route of routes) {
    router.get(`/${route.path}/:file`, async (req, res) => {
      let ctx: RequestContext | null = null;
      const file = String(req.params.file);
      const match = /^(\d{1,12})\.(pdf|html)$/.exec(file);
      try {
        ctx = await requestContext(config, db, req, res);
        if (!ctx.staff) throw new AppError(ctx.sessionProblem ?? 'SESSION_REQUIRED');
        if (!match) throw new AppError('NOT_FOUND');
        const [, id, format] = match;
        if (!ctx.ability.can('read', route.subject)) throw new AppError('NOT_ALLOWED');
        const { document, filename, subjectId } = await route.produce(ctx, id);
        const body = format === 'pdf' ? await renderPdf(document, { fontPath: config.pdfFontPath }) : Buffer.from(renderHtml(document), 'utf8');
        await recordAuditAlone(db, ctx, { action: 'document.download', subjectType: route.subject, subjectId, changes: { format, document: route.path, bytes: body.length } });
        res.setHeader('cache-control', 'no-store');
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('content-type', format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8');
        if (format === 'html') res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        res.setHeader('content-disposition', `${format === 'pdf' ? 'attachment' : 'inline'}; filename="${filename.replace(/[^\w.-]/g, '_')}.${format}"; filename*=UTF-8''${encodeURIComponent(`${filename}.${format}`)}`);
        res.send(body);
      } catch (error) {
        if (error instanceof AppError) {
          if (ctx?.staff && (error.code === ErrorCode.FORBIDDEN || error.code === ErrorCode.NOT_FOUND)) {
            await recordAuditAlone(db, ctx, { action: 'document.download', subjectType: route.subject, subjectId: match?.[1] ?? null, outcome: AuditOutcome.denied, reason: error.message }).catch(() => undefined);
          }
          fail(res, ctx, error);
          return;
        }
        logger.error({ err: error, requestId: ctx?.requestId, document: route.path }, 'document rendering failed');
        res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal error', requestId: ctx?.requestId } });
      }
    });
  }
  return router;
}
