import { call } from '../rights/api';

// Access review campaigns (权限复核): decisions, reassignment, deadline processing, evidence, export, cancellation.

export async function decideReviewItem(id: string, decision: 'keep' | 'revoke', comment: string): Promise<void> {
  await call(`mutation Decide($id: ID!, $decision: ReviewDecision!, $comment: String!) { decideAccessReviewItem(id: $id, decision: $decision, comment: $comment) { id outcome } }`, { id, decision, comment });
}

export async function createCampaign(input: Record<string, unknown>): Promise<string> {
  const data = await call<{ createAccessReviewCampaign: { id: string } }>(
    `mutation Create($name: String!, $description: String, $scope: ReviewScope!, $branchId: ID, $roleId: ID, $reviewerId: ID, $dueAt: DateTimeISO!, $deadlineRule: ReviewDeadlineRule!, $remindDaysBefore: Int) {
      createAccessReviewCampaign(name: $name, description: $description, scope: $scope, branchId: $branchId, roleId: $roleId, reviewerId: $reviewerId, dueAt: $dueAt, deadlineRule: $deadlineRule, remindDaysBefore: $remindDaysBefore) { id } }`,
    input,
  );
  return data.createAccessReviewCampaign.id;
}

export interface Evidence {
  final: boolean;
  generatedAt: string;
  totals: Record<string, number>;
  items: { id: string; staffName: string | null; staffUsername: string | null; roleName: string | null; roleLabel: string | null; outcome: string | null; decision: string | null; comment: string | null; decidedAt: string | null; flagged: boolean | null; reviewer: { displayName: string | null } | null }[];
  auditTrail: { id: string; at: string; action: string; staffUsername: string | null; outcome: string; reason: string | null }[];
}

export async function accessReviewEvidence(id: string): Promise<Evidence> {
  const data = await call<{ accessReviewEvidence: Evidence }>(
    `query Evidence($id: ID!) { accessReviewEvidence(id: $id) {
      final generatedAt totals { total pending kept revoked keptFlagged revokedAtDeadline alreadyEnded cancelled unassigned }
      items { id staffName staffUsername roleName roleLabel outcome decision comment decidedAt flagged reviewer { displayName } }
      auditTrail { id at action staffUsername outcome reason } } }`,
    { id },
  );
  return data.accessReviewEvidence;
}

export async function exportEvidence(id: string, locale: string): Promise<{ filename: string; csv: string; rows: number }> {
  const data = await call<{ exportAccessReviewEvidence: { filename: string; csv: string; rows: number } }>(
    `mutation Export($id: ID!, $locale: String) { exportAccessReviewEvidence(id: $id, locale: $locale) { filename csv rows } }`,
    { id, locale },
  );
  return data.exportAccessReviewEvidence;
}

export async function cancelCampaign(id: string, reason: string): Promise<void> {
  await call(`mutation Cancel($id: ID!, $reason: String!) { cancelAccessReviewCampaign(id: $id, reason: $reason) { id status } }`, { id, reason });
}

export async function reassignReviewItem(id: string, reviewerId: string, reason: string): Promise<void> {
  await call(
    `mutation Reassign($id: ID!, $reviewerId: ID!, $reason: String!) { reassignAccessReviewItem(id: $id, reviewerId: $reviewerId, reason: $reason) { id reviewerId } }`,
    { id, reviewerId, reason },
  );
}

/** What one run of the deadline processing did: campaigns reminded and closed, grants revoked, items flagged. */
export interface DeadlineRun {
  reminded: number;
  closed: number;
  revoked: number;
  flagged: number;
}

export async function runDeadlines(): Promise<DeadlineRun> {
  return (await call<{ runAccessReviewDeadlines: DeadlineRun }>('mutation { runAccessReviewDeadlines { reminded closed revoked flagged } }')).runAccessReviewDeadlines;
}
