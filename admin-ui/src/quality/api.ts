import type { TranslateFunction } from 'react-admin';
import { graphqlRequest } from '../graphql/request';
import { findServerError } from '../graphql/serverError';
import { fieldMessage } from '../providers/toHttpError';
import type { Dimension } from './enums';

/** The GraphQL calls of the quality screens (server: modules/quality/quality.resolver.ts). */

export interface TemplateItem {
  key: string;
  dimension: Dimension;
  title: string;
  weight: number;
  guidance: string | null;
}

export interface Score {
  itemKey: string;
  score: number | null;
  notApplicable: boolean;
  evidence: string | null;
}

export interface Sample {
  id: string;
  kind: string;
  refId: string;
  label: string;
  reached: boolean | null;
  satisfaction: number | null;
  remarks: string | null;
  visitedAt: string | null;
}

export interface RectificationBrief {
  id: string;
  number: string | null;
  state: string | null;
  ownerId: string | null;
  dueDate: string | null;
  overdue: boolean | null;
  owner: { id: string; displayName: string } | null;
}

export interface Finding {
  id: string;
  dimension: Dimension;
  severity: string;
  description: string;
  concernedStaffId: string | null;
  concernedStaff: { id: string; displayName: string } | null;
  concernedProcess: string | null;
  needsAction: boolean;
  rectification: RectificationBrief | null;
}

export interface ScoreSummary {
  total: number | null;
  complete: boolean;
  items: number;
  applicableItems: number;
  scoredItems: number;
  dimensions: Array<{ dimension: Dimension; score: number | null; weight: number; applicableItems: number; scoredItems: number }>;
}

export interface Inspection {
  id: string;
  version: number;
  number: string | null;
  kind: string | null;
  state: string | null;
  title: string | null;
  period: string | null;
  summary: string | null;
  totalScore: number | null;
  inspectorId: string | null;
  branchId: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  returnedReason: string | null;
  publishedAt: string | null;
  revision: number | null;
  correctionReason: string | null;
  visitSource: string | null;
  visitFrom: string | null;
  visitTo: string | null;
  sampleSize: number | null;
  sampleSeed: string | null;
  createdAt: string | null;
  branch: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  inspector: { id: string; displayName: string } | null;
  reviewer: { id: string; displayName: string } | null;
  complaint: { id: string; number: string } | null;
  template: { id: string; code: string; revision: number; name: string; items: TemplateItem[] } | null;
  samples: Sample[] | null;
  scores: Score[] | null;
  findings: Finding[] | null;
  scoreSummary: ScoreSummary | null;
  visitSummary: { sampled: number; visited: number; reached: number; averageSatisfaction: number | null } | null;
  corrects: { id: string; number: string | null } | null;
  corrections: Array<{ id: string; number: string | null; state: string | null; revision: number | null }> | null;
  pdfUrl: string | null;
  htmlUrl: string | null;
  availableActions: string[] | null;
}

const RECTIFICATION_BRIEF = 'id number state ownerId dueDate overdue owner { id displayName }';

export const INSPECTION = `id version number kind state title period summary totalScore inspectorId branchId submittedAt reviewedAt reviewNote returnedReason
  publishedAt revision correctionReason visitSource visitFrom visitTo sampleSize sampleSeed createdAt
  branch { id name } team { id name } inspector { id displayName } reviewer { id displayName } complaint { id number }
  template { id code revision name items { key dimension title weight guidance } }
  samples { id kind refId label reached satisfaction remarks visitedAt }
  scores { itemKey score notApplicable evidence }
  findings { id dimension severity description concernedStaffId concernedStaff { id displayName } concernedProcess needsAction rectification { ${RECTIFICATION_BRIEF} } }
  scoreSummary { total complete items applicableItems scoredItems dimensions { dimension score weight applicableItems scoredItems } }
  visitSummary { sampled visited reached averageSatisfaction }
  corrects { id number } corrections { id number state revision }
  pdfUrl htmlUrl availableActions`;

export async function fetchInspection(id: string): Promise<Inspection> {
  const data = await graphqlRequest<{ QualityInspection: Inspection }>(`query Inspection($id: ID!) { QualityInspection(id: $id) { ${INSPECTION} } }`, { id });
  return data.QualityInspection;
}

/** GraphQL types of the step arguments (server: quality.inputs.ts). */
const ARG_TYPES: Record<string, string> = {
  note: 'String', reason: 'String!', title: 'String', summary: 'String', kind: 'QualitySampleKind!', refId: 'ID!', sampleId: 'ID!',
  scores: '[QualityScoreInput!]!', dimension: 'QualityDimension', severity: 'FindingSeverity', description: 'String', concernedStaffId: 'ID',
  concernedProcess: 'String', needsAction: 'Boolean', findingId: 'ID!', reached: 'Boolean!', satisfaction: 'Int', remarks: 'String',
  evidence: 'String!', ownerId: 'ID', requiredAction: 'String', dueDate: 'String', dueWorkingDays: 'Int',
};

function stepDocument(mutation: string, names: string[], selection: string): string {
  const decl = ['$id: ID!', '$version: Int!', ...names.map((n) => `$${n}: ${ARG_TYPES[n]}`)].join(', ');
  const pass = ['id: $id', 'version: $version', ...names.map((n) => `${n}: $${n}`)].join(', ');
  return `mutation ${mutation}(${decl}) { ${mutation}(${pass}) { ${selection} } }`;
}

const defined = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));

/** One inspection mutation (score, sample, finding, submit, review …): resolves to the inspection afterwards. */
export async function inspectionStep(mutation: string, inspection: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<Inspection> {
  const variables = defined(args);
  const data = await graphqlRequest<Record<string, Inspection>>(stepDocument(mutation, Object.keys(variables), INSPECTION), { id: inspection.id, version: inspection.version, ...variables });
  return data[mutation];
}

export interface Rectification {
  id: string;
  version: number;
  number: string | null;
  state: string | null;
  ownerId: string | null;
  branchId: string | null;
  inspectionId: string | null;
  findingId: string | null;
  requiredAction: string | null;
  dueDate: string | null;
  dueAt: string | null;
  overdue: boolean | null;
  evidence: string | null;
  startedAt: string | null;
  doneAt: string | null;
  verifiedAt: string | null;
  verificationNote: string | null;
  reopenCount: number | null;
  reopenReason: string | null;
  escalatedAt: string | null;
  createdAt: string | null;
  availableActions: string[] | null;
  owner: { id: string; displayName: string } | null;
  branch: { id: string; name: string } | null;
  inspection: { id: string; number: string | null; title: string | null } | null;
  finding: { id: string; dimension: Dimension; severity: string; description: string; concernedProcess: string | null; concernedStaff: { id: string; displayName: string } | null } | null;
  complaints: Array<{ id: string; number: string | null }> | null;
}

const RECTIFICATION = `id version number state ownerId branchId inspectionId findingId requiredAction dueDate dueAt overdue evidence startedAt doneAt verifiedAt
  verificationNote reopenCount reopenReason escalatedAt createdAt availableActions
  owner { id displayName } branch { id name } inspection { id number title }
  finding { id dimension severity description concernedProcess concernedStaff { id displayName } } complaints { id number }`;

export async function fetchRectification(id: string): Promise<Rectification> {
  const data = await graphqlRequest<{ QualityRectification: Rectification }>(`query Rectification($id: ID!) { QualityRectification(id: $id) { ${RECTIFICATION} } }`, { id });
  return data.QualityRectification;
}

export async function rectificationStep(mutation: string, r: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<Rectification> {
  const variables = defined(args);
  const data = await graphqlRequest<Record<string, Rectification>>(stepDocument(mutation, Object.keys(variables), RECTIFICATION), { id: r.id, version: r.version, ...variables });
  return data[mutation];
}

export async function createRectification(args: { findingId: string; ownerId: string; requiredAction: string; dueDate?: string | null; dueWorkingDays?: number | null }): Promise<Rectification> {
  const query = `mutation Create($findingId: ID, $ownerId: ID, $requiredAction: String, $dueDate: String, $dueWorkingDays: Int) {
    createQualityRectification(findingId: $findingId, ownerId: $ownerId, requiredAction: $requiredAction, dueDate: $dueDate, dueWorkingDays: $dueWorkingDays) { ${RECTIFICATION} } }`;
  const data = await graphqlRequest<{ createQualityRectification: Rectification }>(query, defined(args));
  return data.createQualityRectification;
}

export interface PlanTeam {
  team: { id: string; name: string | null; branchId: string | null; branch: { id: string; name: string } | null };
  covered: boolean;
  inspections: Array<{ id: string; number: string | null; state: string | null; totalScore: number | null; inspector: { id: string; displayName: string } | null }>;
}

export interface Plan {
  period: string;
  from: string;
  to: string;
  total: number;
  covered: number;
  teams: PlanTeam[];
  uncovered: Array<{ id: string }>;
}

export async function fetchPlan(period: string, branchId?: string | null): Promise<Plan> {
  const query = `query Plan($period: String!, $branchId: ID) { qualityPlan(period: $period, branchId: $branchId) {
    period from to total covered uncovered { id }
    teams { covered team { id name branchId branch { id name } } inspections { id number state totalScore inspector { id displayName } } } } }`;
  const data = await graphqlRequest<{ qualityPlan: Plan }>(query, { period, branchId: branchId || null });
  return data.qualityPlan;
}

export interface ReturnVisit extends Sample {
  inspection: { id: string; number: string | null; title: string | null; version: number; state: string | null; availableActions: string[] | null; inspector: { id: string; displayName: string } | null } | null;
}

export async function fetchReturnVisits(page: number, perPage: number, filter: Record<string, unknown>): Promise<{ data: ReturnVisit[]; total: number }> {
  const query = `query Visits($page: Int, $perPage: Int, $filter: QualityReturnVisitFilter) {
    allQualityReturnVisits(page: $page, perPage: $perPage, filter: $filter) {
      id kind refId label reached satisfaction remarks visitedAt
      inspection { id number title version state availableActions inspector { id displayName } } }
    _allQualityReturnVisitsMeta(filter: $filter) { count } }`;
  const data = await graphqlRequest<{ allQualityReturnVisits: ReturnVisit[]; _allQualityReturnVisitsMeta: { count: number } }>(query, { page, perPage, filter });
  return { data: data.allQualityReturnVisits, total: data._allQualityReturnVisitsMeta.count };
}

/** Σ(weight × score) / Σ(weight) over the scored, applicable items, two decimals (server: quality.rules.ts computeScores). */
export function weightedScore(items: Array<{ key: string; weight: number }>, scores: Map<string, { score: number | null; notApplicable: boolean }>): number | null {
  let weights = 0;
  let sum = 0;
  for (const item of items) {
    const s = scores.get(item.key);
    if (!s || s.notApplicable || s.score === null || s.score === undefined || Number.isNaN(s.score)) continue;
    weights += item.weight;
    sum += item.weight * s.score;
  }
  return weights ? Math.round((sum / weights) * 100) / 100 : null;
}

export interface Explained {
  message: string;
  code: string;
  fields: Array<[string, string]>;
}

/** A refusal in words: the quality module's own reasons first, then the console's usual messages. */
export function explain(error: unknown, translate: TranslateFunction): Explained {
  const server = findServerError(error);
  if (!server) return { message: translate('app.errors.network', { _: (error as Error)?.message ?? 'Network error' }), code: 'NETWORK', fields: [] };
  const generic = translate(`app.errors.codes.${server.code}`, { _: server.message });
  const reasonKey = server.reason ?? '';
  const message = reasonKey.startsWith('QUALITY_') || reasonKey.startsWith('RECTIFICATION_')
    ? translate(`app.quality.errors.${reasonKey}`, { _: server.message })
    : server.reason
      ? translate(`app.errors.reasons.${server.reason}`, { _: server.code === 'BAD_USER_INPUT' ? generic : server.message })
      : generic;
  const fields = Object.entries(server.fields ?? {}).map(([field, text]) => [field, fieldMessage(text)] as [string, string]);
  return { message, code: server.code, fields };
}
