import crypto from 'node:crypto';
import { subject } from '@casl/ability';
import type { DataSource } from 'typeorm';
import type { AppAbility } from '../../access/ability';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCan } from '../../access/write-guard';
import { now } from '../../clock';
import type { Config } from '../../config';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput, notFound } from '../../graphql/errors';
import { applyFilters, applySortAndPage, filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import { recordAudit } from '../audit/audit.service';
import { Branch } from '../branches/branch.entity';
import { likePrefix } from '../customers/customer.list';
import { ComplianceReport } from './compliance-report.entity';
import { availableDefinitions, definitionOf, type Locale, type ReportDefinition, type ReportRequest } from './report-definition';
import { renderReport, type RenderedReport } from './report-export';
import { periodBounds, periodProblems, resolvePeriod, type Period } from './report-period';
import { enqueue, progressWriter, settleStale, updateJob } from './report-jobs';
import { ReportJob } from './report-job.entity';
import { ReportJobStatus, ReportKind, ReportPeriodKind } from './report.enums';
import type { ComplianceReportFilter, ComplianceReportListArgs, GenerateReportArgs } from './report.inputs';

export const COMPANY_SCOPE_NAME = '全公司';

/** SHA-256 (hex) of the content exactly as stored. */
export const contentHashOf = (content: string) => crypto.createHash('sha256').update(content, 'utf8').digest('hex');

/** What a job needs of the request that asked for it: who, with which rights, on which request id. */
interface JobActor {
  db: DataSource;
  config: Config;
  ability: AppAbility;
  staff: { id: number; username: string; displayName: string };
  requestId: string;
}

async function scopeOf(ctx: RequestContext, raw: string | null | undefined): Promise<{ branchId: number | null; name: string }> {
  if (raw === null || raw === undefined || raw === '') return { branchId: null, name: COMPANY_SCOPE_NAME };
  const branchId = Number(raw);
  if (!Number.isSafeInteger(branchId) || branchId <= 0) throw invalidInput({ branchId: 'is not a branch id' });
  const branch = await ctx.db.getRepository(Branch).findOne({ where: { id: branchId }, select: { id: true, name: true } });
  if (!branch) throw invalidInput({ branchId: 'no such branch' });
  return { branchId, name: branch.name };
}

/**
 * Queues a report of any registered kind for a period and scope and returns the job at once; the
 * console polls `reportJob`. A manager may ask only for their own branch (the ComplianceReport rules),
 * and the figures pass the row rules of what they count as well (the definition's guarded queries).
 */
export async function generateReport(ctx: RequestContext, args: GenerateReportArgs): Promise<ReportJob> {
  const definition = definitionOf(args.kind);
  if (!definition) throw invalidInput({ kind: 'this report cannot be generated yet' });
  const spec = { kind: args.period.kind, year: args.period.year, index: args.period.index, from: args.period.from, to: args.period.to };
  const problems = periodProblems(spec);
  if (Object.keys(problems).length) throw invalidInput(problems);
  const scope = await scopeOf(ctx, args.branchId);
  assertCan(ctx.ability, 'create', subject('ComplianceReport', { branchId: scope.branchId }));
  const period = resolvePeriod(spec);
  const staff = ctx.staff!;
  const at = now();
  const parameters = { kind: definition.kind, period, scope, timezone: ctx.config.defaultTimezone };
  const job = await inTransaction(ctx.db, (em) =>
    em.save(
      em.create(ReportJob, {
        kind: definition.kind,
        status: ReportJobStatus.queued,
        progress: 0,
        parameters,
        branchId: scope.branchId,
        requestedById: staff.id,
        reportId: null,
        error: null,
        createdAt: at,
        startedAt: null,
        heartbeatAt: at,
        finishedAt: null,
      }),
    ),
  );
  const actor: JobActor = { db: ctx.db, config: ctx.config, ability: ctx.ability, staff, requestId: ctx.requestId };
  enqueue(() => runJob(actor, job.id, definition, period, scope));
  return job;
}

async function runJob(actor: JobActor, jobId: number, definition: ReportDefinition, period: Period, scope: { branchId: number | null; name: string }): Promise<void> {
  const { db } = actor;
  try {
    await updateJob(db, jobId, { status: ReportJobStatus.running, startedAt: now() });
    const write = progressWriter(db, jobId);
    const timezone = actor.config.defaultTimezone;
    const asOf = now();
    const request: ReportRequest = { db, ability: actor.ability, branchId: scope.branchId, scopeName: scope.name, timezone, asOf, period, bounds: periodBounds(period, timezone) };
    const content = JSON.stringify(await definition.compute(request, (fraction) => write(fraction * 100)));
    const contentHash = contentHashOf(content);
    await inTransaction(db, async (em) => {
      const report = await em.save(
        em.create(ComplianceReport, {
          kind: definition.kind,
          periodKind: period.kind as ReportPeriodKind,
          periodFrom: period.from,
          periodTo: period.to,
          periodLabel: period.label,
          branchId: scope.branchId,
          scopeName: scope.name,
          parameters: { period, scope, timezone },
          content,
          contentHash,
          generatedById: actor.staff.id,
          generatedByName: actor.staff.displayName.slice(0, 64),
          generatedAt: asOf,
        }),
      );
      await em.update(ReportJob, { id: jobId }, { status: ReportJobStatus.done, progress: 100, reportId: report.id, finishedAt: now(), heartbeatAt: now() });
      // The snapshot and its audit entry commit together.
      await recordAudit(em, actor, {
        action: 'report.generate',
        subjectType: 'ComplianceReport',
        subjectId: report.id,
        changes: { kind: definition.kind, period: period.label, from: period.from, to: period.to, branchId: scope.branchId, contentHash },
      });
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : `internal error while generating (request ${actor.requestId})`;
    await updateJob(db, jobId, { status: ReportJobStatus.failed, error: message.slice(0, 500), finishedAt: now() }).catch(() => undefined);
  }
}

/** A job the caller asked for (another's answers NOT_FOUND). */
export async function getJob(ctx: RequestContext, id: string): Promise<ReportJob> {
  const numeric = Number(id);
  if (!Number.isSafeInteger(numeric) || numeric <= 0) throw notFound();
  const job = await ctx.db.getRepository(ReportJob).findOne({ where: { id: numeric, requestedById: ctx.staff!.id } });
  if (!job) throw notFound();
  return settleStale(ctx.db, job);
}

/** The caller's most recent jobs, newest first (the console shows the ones still running). */
export async function myJobs(ctx: RequestContext, limit = 10): Promise<ReportJob[]> {
  const jobs = await ctx.db.getRepository(ReportJob).find({ where: { requestedById: ctx.staff!.id }, order: { id: 'DESC' }, take: Math.min(Math.max(limit, 1), 50) });
  return Promise.all(jobs.map((job) => settleStale(ctx.db, job)));
}

const A = 'r';
const LIST_SPEC: ListSpec<ComplianceReport> = {
  subject: 'ComplianceReport',
  alias: A,
  sortable: { id: `${A}.id`, generatedAt: `${A}.generatedAt`, periodFrom: `${A}.periodFrom`, kind: `${A}.kind`, branchId: `${A}.branchId` },
  defaultSort: { field: 'generatedAt', order: SortOrder.DESC },
  filters: {
    ids: filterBy.ids(A),
    kind: filterBy.equals(A, 'kind'),
    branchId: filterBy.equals(A, 'branchId'),
    periodKind: filterBy.equals(A, 'periodKind'),
    q: { field: 'periodLabel', apply: (qb, value, p) => void qb.andWhere(`${A}.periodLabel LIKE :${p}`, { [p]: likePrefix(String(value)) }) },
  },
};

function listQuery(ctx: RequestContext, filter: ComplianceReportFilter | null | undefined) {
  // Only the metadata columns: a list never carries the contents.
  const qb = guardedQuery(ctx, ComplianceReport, A);
  return applyFilters(ctx, qb, LIST_SPEC, filter);
}

const LIST_COLUMNS = ['id', 'kind', 'periodKind', 'periodFrom', 'periodTo', 'periodLabel', 'branchId', 'scopeName', 'parameters', 'contentHash', 'generatedById', 'generatedByName', 'generatedAt'].map(
  (f) => `${A}.${f}`,
);

export function list(ctx: RequestContext, args: ComplianceReportListArgs): Promise<ComplianceReport[]> {
  return applySortAndPage(ctx, listQuery(ctx, args.filter).select(LIST_COLUMNS), LIST_SPEC, args).getMany();
}

export function count(ctx: RequestContext, args: ComplianceReportListArgs): Promise<number> {
  return listQuery(ctx, args.filter).getCount();
}

/** One snapshot the caller may `action` (read, or export for a download); another branch's is NOT_FOUND. */
export function get(ctx: Pick<RequestContext, 'ability' | 'db'>, id: string | number, action = 'read'): Promise<ComplianceReport> {
  return findGuarded(ctx, ComplianceReport, id, action);
}

/** The content of a snapshot, loaded when a list row did not carry it. */
export async function contentOf(ctx: RequestContext, report: ComplianceReport): Promise<string> {
  if (typeof report.content === 'string') return report.content;
  const full = await get(ctx, report.id);
  report.content = full.content;
  return full.content;
}

export async function content(ctx: RequestContext, report: ComplianceReport): Promise<unknown> {
  return JSON.parse(await contentOf(ctx, report));
}

/** Whether the stored content still hashes to the stored hash. */
export async function hashVerified(ctx: RequestContext, report: ComplianceReport): Promise<boolean> {
  return contentHashOf(await contentOf(ctx, report)) === report.contentHash;
}

/** The definition a snapshot was generated with (every stored kind stays registered). */
export function definitionOfSnapshot(report: Pick<ComplianceReport, 'id' | 'kind'>): ReportDefinition {
  const definition = definitionOf(report.kind);
  if (!definition) throw new Error(`report #${report.id} is of a kind this server cannot show (${report.kind})`);
  return definition;
}

/** The tables and charts of a snapshot, from the same definition the exports use. */
export async function rendered(ctx: RequestContext, report: ComplianceReport, locale: Locale): Promise<RenderedReport> {
  await contentOf(ctx, report);
  return renderReport(definitionOfSnapshot(report), report, locale);
}

/** The kinds that can be generated, titled in a language. */
export function kinds(locale: Locale): Array<{ kind: ReportKind; title: string }> {
  return availableDefinitions().map((d) => ({ kind: d.kind, title: d.title[locale] }));
}
