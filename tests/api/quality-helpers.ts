// Shared by the quality-* suites: templates, inspections and rectifications over GraphQL.
import type { GqlClient, GqlResult } from '../support/client';
import type { TestServer } from '../support/test-server';

export const TEMPLATE = 'id version code revision name current active inUse items { key dimension title weight guidance } previous { id revision }';
export const INSPECTION = `id version number kind state title templateId branchId teamId period complaintId inspectorId totalScore revision correctsId
  correctionReason reviewedById publishedAt sampleSeed sampleSize visitSource
  template { id revision } samples { id kind refId label handledByIds reached satisfaction remarks visitedAt }
  scores { itemKey score notApplicable evidence } findings { id dimension severity description concernedStaffId needsAction copiedFromId }
  scoreSummary { total complete items applicableItems scoredItems dimensions { dimension score weight applicableItems scoredItems } }
  visitSummary { sampled visited reached averageSatisfaction } pdfUrl htmlUrl availableActions`;
export const RECTIFICATION = 'id version number state ownerId inspectionId findingId branchId requiredAction dueDate dueAt overdue evidence verifiedById reopenCount reopenReason escalatedAt availableActions';

export interface TemplateView {
  id: string;
  version: number;
  code: string;
  revision: number;
  current: boolean;
  inUse: boolean;
  items: Array<{ key: string; dimension: string; title: string; weight: number }>;
  previous: { id: string; revision: number } | null;
}

export interface InspectionView {
  id: string;
  version: number;
  number: string;
  kind: string;
  state: string;
  title: string;
  templateId: string | null;
  branchId: string | null;
  teamId: string | null;
  period: string | null;
  inspectorId: string;
  totalScore: number | null;
  revision: number;
  correctsId: string | null;
  sampleSeed: string | null;
  template: { id: string; revision: number } | null;
  samples: Array<{ id: string; kind: string; refId: string; label: string; handledByIds: string[]; reached: boolean | null; satisfaction: number | null; visitedAt: string | null }>;
  scores: Array<{ itemKey: string; score: number | null; notApplicable: boolean; evidence: string | null }>;
  findings: Array<{ id: string; dimension: string; severity: string; description: string; concernedStaffId: string | null; needsAction: boolean; copiedFromId: string | null }>;
  scoreSummary: { total: number | null; complete: boolean; items: number; applicableItems: number; scoredItems: number; dimensions: Array<{ dimension: string; score: number | null; weight: number }> } | null;
  visitSummary: { sampled: number; visited: number; reached: number; averageSatisfaction: number | null } | null;
  pdfUrl: string;
  htmlUrl: string;
  availableActions: string[];
}

export interface RectificationView {
  id: string;
  version: number;
  number: string;
  state: string;
  ownerId: string;
  inspectionId: string;
  findingId: string;
  branchId: string | null;
  dueDate: string;
  dueAt: string;
  overdue: boolean;
  evidence: string | null;
  verifiedById: string | null;
  reopenCount: number;
  escalatedAt: string | null;
  availableActions: string[];
}

export const ITEMS = [
  { dimension: 'service_manner', title: '礼貌用语', weight: 10 },
  { dimension: 'service_manner', title: '耐心倾听', weight: 30 },
  { dimension: 'business_accuracy', title: '解答准确', weight: 40 },
  { dimension: 'timeliness', title: '按时回复', weight: 20, guidance: '超时不得分' },
];

const CREATE_TEMPLATE = `mutation($code: String, $name: String, $items: [QualityTemplateItemInput!]) { createQualityTemplate(code: $code, name: $name, items: $items) { ${TEMPLATE} } }`;
export const UPDATE_TEMPLATE = `mutation($id: ID!, $version: Int!, $name: String, $items: [QualityTemplateItemInput!], $active: Boolean) {
  updateQualityTemplate(id: $id, version: $version, name: $name, items: $items, active: $active) { ${TEMPLATE} } }`;
export const GET_TEMPLATE = `query($id: ID!) { QualityTemplate(id: $id) { ${TEMPLATE} } }`;
export const CREATE_TEAM = `mutation($name: String, $branchId: ID) { createQualityTeam(name: $name, branchId: $branchId) { id version name branchId active } }`;
export const CREATE_INSPECTION = `mutation($kind: InspectionKind, $title: String, $templateId: ID, $teamId: ID, $period: String, $complaintId: ID, $branchId: ID,
  $visitSource: ReturnVisitSource, $visitFrom: String, $visitTo: String, $sampleSize: Int, $sampleSeed: String) {
  createQualityInspection(kind: $kind, title: $title, templateId: $templateId, teamId: $teamId, period: $period, complaintId: $complaintId, branchId: $branchId,
    visitSource: $visitSource, visitFrom: $visitFrom, visitTo: $visitTo, sampleSize: $sampleSize, sampleSeed: $sampleSeed) { ${INSPECTION} } }`;
export const GET_INSPECTION = `query($id: ID!) { QualityInspection(id: $id) { ${INSPECTION} } }`;
export const PLAN = `query($period: String!) { qualityPlan(period: $period) { period from to total covered uncovered { id name branchId } teams { team { id name } covered inspections { id state } } } }`;
export const CREATE_RECTIFICATION = `mutation($findingId: ID, $ownerId: ID, $requiredAction: String, $dueDate: String, $dueWorkingDays: Int) {
  createQualityRectification(findingId: $findingId, ownerId: $ownerId, requiredAction: $requiredAction, dueDate: $dueDate, dueWorkingDays: $dueWorkingDays) { ${RECTIFICATION} } }`;
export const GET_RECTIFICATION = `query($id: ID!) { QualityRectification(id: $id) { ${RECTIFICATION} } }`;

// GraphQL types of the arguments the inspection and rectification steps take.
const ARG_TYPES: Record<string, string> = {
  note: 'String', reason: 'String!', title: 'String', summary: 'String', kind: 'QualitySampleKind!', refId: 'ID!', sampleId: 'ID!',
  scores: '[QualityScoreInput!]!', dimension: 'QualityDimension', severity: 'FindingSeverity', description: 'String', concernedStaffId: 'ID',
  concernedProcess: 'String', needsAction: 'Boolean', findingId: 'ID!', reached: 'Boolean!', satisfaction: 'Int', remarks: 'String',
  evidence: 'String!', ownerId: 'ID', requiredAction: 'String', dueDate: 'String', dueWorkingDays: 'Int',
};

function stepQuery(mutation: string, names: string[], selection: string): string {
  const decl = ['$id: ID!', '$version: Int!', ...names.map((n) => `$${n}: ${ARG_TYPES[n]}`)].join(', ');
  const pass = ['id: $id', 'version: $version', ...names.map((n) => `${n}: $${n}`)].join(', ');
  return `mutation Step(${decl}) { ${mutation}(${pass}) { ${selection} } }`;
}

export function inspectionStep(client: GqlClient, mutation: string, i: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<GqlResult<Record<string, InspectionView>>> {
  return client.request(stepQuery(mutation, Object.keys(args), INSPECTION), { id: i.id, version: i.version, ...args });
}

export async function inspect(client: GqlClient, mutation: string, i: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<InspectionView> {
  const result = await inspectionStep(client, mutation, i, args);
  if (result.errors?.length || !result.data) throw new Error(`${mutation} failed: ${JSON.stringify(result.errors)}`);
  return result.data[mutation];
}

export function rectificationStep(client: GqlClient, mutation: string, r: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<GqlResult<Record<string, RectificationView>>> {
  return client.request(stepQuery(mutation, Object.keys(args), RECTIFICATION), { id: r.id, version: r.version, ...args });
}

export async function rectify(client: GqlClient, mutation: string, r: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<RectificationView> {
  const result = await rectificationStep(client, mutation, r, args);
  if (result.errors?.length || !result.data) throw new Error(`${mutation} failed: ${JSON.stringify(result.errors)}`);
  return result.data[mutation];
}

export async function createTemplate(client: GqlClient, code: string, items = ITEMS): Promise<TemplateView> {
  return (await client.ok<{ createQualityTemplate: TemplateView }>(CREATE_TEMPLATE, { code, name: `${code} 检查表`, items })).createQualityTemplate;
}

export const createTemplateRequest = (client: GqlClient, variables: Record<string, unknown>) => client.request(CREATE_TEMPLATE, variables);

export async function createTeam(client: GqlClient, name: string, branchId: string | number): Promise<{ id: string; version: number; name: string; branchId: string }> {
  return (await client.ok<{ createQualityTeam: { id: string; version: number; name: string; branchId: string } }>(CREATE_TEAM, { name, branchId: String(branchId) })).createQualityTeam;
}

export async function createInspection(client: GqlClient, variables: Record<string, unknown>): Promise<InspectionView> {
  return (await client.ok<{ createQualityInspection: InspectionView }>(CREATE_INSPECTION, variables)).createQualityInspection;
}

export async function fetchInspection(client: GqlClient, id: string): Promise<InspectionView> {
  return (await client.ok<{ QualityInspection: InspectionView }>(GET_INSPECTION, { id })).QualityInspection;
}

/** Scores every item of the template: all 100 unless given. */
export async function scoreAll(client: GqlClient, i: InspectionView, scores: Record<string, number | 'n/a'> = {}): Promise<InspectionView> {
  const template = (await client.ok<{ QualityTemplate: TemplateView }>(GET_TEMPLATE, { id: i.templateId })).QualityTemplate;
  const input = template.items.map((item) => {
    const value = scores[item.key] ?? 100;
    return value === 'n/a' ? { itemKey: item.key, notApplicable: true } : { itemKey: item.key, score: value, evidence: `录音 ${item.key}` };
  });
  return inspect(client, 'scoreQualityInspection', i, { scores: input });
}

/** A periodic inspection taken through submit, review (by `reviewer`) and publish, with one finding needing action. */
export async function publishedInspection(inspector: GqlClient, reviewer: GqlClient, teamId: string, templateId: string, finding: Record<string, unknown> = {}): Promise<InspectionView> {
  let i = await createInspection(inspector, { kind: 'periodic', teamId, templateId });
  i = await inspect(inspector, 'addQualitySample', i, { kind: 'policy', refId: await firstPolicyId(inspector) });
  i = await scoreAll(inspector, i);
  i = await inspect(inspector, 'addQualityFinding', i, { dimension: 'script_compliance', severity: 'major', description: '未核验身份即告知保单信息', needsAction: true, ...finding });
  i = await inspect(inspector, 'submitQualityInspection', i);
  i = await inspect(reviewer, 'reviewQualityInspection', i, { note: '同意' });
  return inspect(inspector, 'publishQualityInspection', i);
}

export async function firstPolicyId(client: GqlClient): Promise<string> {
  return (await client.ok<{ allPolicies: Array<{ id: string }> }>('{ allPolicies(perPage: 1, sortField: "id") { id } }')).allPolicies[0].id;
}

export async function sqlCount(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await server.db.query(sql, params);
  return Number(rows[0].n);
}

export const auditCount = (server: TestServer, action: string, subjectId?: string) =>
  sqlCount(server, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = ?${subjectId ? ' AND subject_id = ?' : ''}`, subjectId ? [action, subjectId] : [action]);
