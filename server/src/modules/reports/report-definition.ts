/**
 * The registry of compliance reports (合规报表). Everything around a report — the background job and
 * its progress, the immutable snapshot and its hash, the audit entries, the XLSX and PDF exports, the
 * tables and charts the console shows — is generic; a report kind is only a ReportDefinition.
 *
 * To add a kind:
 * 1. its value in `ReportKind` (report.enums.ts; the four reports of issue #8 are already there);
 * 2. a file `<name>.report.ts` exporting a `ReportDefinition<YourContent>`:
 *    - `compute` runs the aggregations in SQL, through `guardedQuery(request, Entity, alias, 'read')` so
 *      the row rules apply, and narrows to `request.branchId` when it is set (see complaint-statistics.ts);
 *      it calls `progress(0…1)` now and then and returns plain JSON (stored as is, hashed, never changed);
 *    - `tables` (and `charts`) turn that stored content into labelled tables in zh or en: the console,
 *      the XLSX and the PDF all render from them, so keep every figure's formatting there;
 * 3. one line in REPORT_DEFINITIONS below. Nothing else needs to change (console, exports, API).
 *
 * Only type imports from here into the definition files, so the registry's imports do not go round.
 */
import type { DataSource } from 'typeorm';
import type { AppAbility } from '../../access/ability';
import { complaintStatisticsReport } from './complaint-statistics.report';
import { qualitySummaryReport } from './quality-summary.report';
import { inquirySecurityReport } from './inquiry-security.report';
import { accessReviewEvidenceReport } from './access-review-evidence.report';
import type { Period, PeriodBounds } from './report-period';
import { ReportKind } from './report.enums';

export type Locale = 'zh' | 'en';
export type Localised = Record<Locale, string>;

/** What a definition is asked to compute: one period and one scope, as the caller may see it. */
export interface ReportRequest {
  db: DataSource;
  /** The requester's rights: pass them to guardedQuery so a manager's figures cover only their branch. */
  ability: AppAbility;
  /** One branch, or null for the whole company. */
  branchId: number | null;
  scopeName: string;
  /** The company time zone the period's local days are in. */
  timezone: string;
  /** The generation instant: figures that depend on "now" (overdue, running clocks) are judged at it. */
  asOf: Date;
  period: Period;
  /** The period's UTC bounds, [start, end). */
  bounds: PeriodBounds;
}

/** Reports the share of the work done, 0–1 (the job shows it as a percentage). */
export type ReportProgress = (fraction: number) => Promise<void>;

/** The stored content of a snapshot: plain JSON, self-describing. */
export interface ReportContent {
  kind: `${ReportKind}`;
  /** Bumped when the content's shape changes, so that old snapshots stay readable. */
  schemaVersion: number;
}

export type ReportCell = string | number | null;

/** One table as the console, the XLSX (one sheet each) and the PDF (one section each) show it. */
export interface ReportTable {
  /** Stable within the kind (tests and charts refer to it). */
  key: string;
  heading: string;
  columns: string[];
  rows: ReportCell[][];
}

/** A bar chart: one or more series over the same labels. Shown beside the table with the same key, if any. */
export interface ReportChart {
  key: string;
  heading: string;
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
}

export interface ReportDefinition<C extends ReportContent = ReportContent> {
  kind: ReportKind;
  title: Localised;
  /** Used in download file names: ASCII, dashes. */
  slug: string;
  compute(request: ReportRequest, progress: ReportProgress): Promise<C>;
  tables(content: C, locale: Locale): ReportTable[];
  charts?(content: C, locale: Locale): ReportChart[];
  /** How each figure is counted (口径说明), printed at the end of the exports. */
  definitions?: Record<Locale, string[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is checked against its own content type where it is written
type AnyDefinition = ReportDefinition<any>;

/** Every report kind that can be generated. Add one line per kind (see the top of this file). */
export const REPORT_DEFINITIONS: Partial<Record<ReportKind, AnyDefinition>> = {
  [ReportKind.complaint_statistics]: complaintStatisticsReport,
  [ReportKind.quality_summary]: qualitySummaryReport,
  [ReportKind.inquiry_security]: inquirySecurityReport,
  [ReportKind.access_review_evidence]: accessReviewEvidenceReport,
};

/** The definition of a kind, or undefined when it cannot be generated (yet). */
export function definitionOf(kind: string): AnyDefinition | undefined {
  return REPORT_DEFINITIONS[kind as ReportKind];
}

/** The kinds that can be generated, in the order of ReportKind. */
export function availableDefinitions(): AnyDefinition[] {
  return Object.values(ReportKind)
    .map((kind) => REPORT_DEFINITIONS[kind])
    .filter((d): d is AnyDefinition => !!d);
}
