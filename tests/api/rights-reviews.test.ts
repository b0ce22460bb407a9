import { advanceClock, now } from '../../server/src/clock';
import { runAccessReviewDeadlines } from '../../server/src/modules/access-reviews/access-review.deadlines';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { auditOf, branchIdOf, codeOf, CREATE_GRANT, reasonOf, roleIdOf, staffIdOf } from './rights-helpers';

const DAY = 24 * 3600_000;
const ITEM = 'id staffUsername roleName reviewerId reviewer { username } decision comment outcome flagged campaignName dueAt grantId';
const CAMPAIGN = `id name status scope deadlineRule totals { total pending unassigned kept revoked keptFlagged revokedAtDeadline cancelled }`;
const CREATE = `mutation C($name: String!, $scope: ReviewScope!, $branchId: ID, $roleId: ID, $reviewerId: ID, $dueAt: DateTimeISO!, $deadlineRule: ReviewDeadlineRule!, $remindDaysBefore: Int) {
  createAccessReviewCampaign(name: $name, scope: $scope, branchId: $branchId, roleId: $roleId, reviewerId: $reviewerId, dueAt: $dueAt, deadlineRule: $deadlineRule, remindDaysBefore: $remindDaysBefore) { ${CAMPAIGN} }
}`;
const ITEMS = (campaignId: string) => `{ allAccessReviewItems(filter: { campaignId: "${campaignId}" }, perPage: 100) { ${ITEM} } }`;
const DECIDE = `mutation D($id: ID!, $decision: ReviewDecision!, $comment: String!) { decideAccessReviewItem(id: $id, decision: $decision, comment: $comment) { ${ITEM} } }`;
const inDays = (days: number) => new Date(now().getTime() + days * DAY).toISOString();

type Item = { id: string; staffUsername: string; roleName: string; reviewer: { username: string } | null; outcome: string; flagged: boolean; grantId: string };

describe('access reviews (权限复核)', () => {
  let server: TestServer;
  const as = (username: string) => server.signIn(username);
  const itemsOf = async (client: GqlClient, campaignId: string): Promise<Item[]> => (await client.ok(ITEMS(campaignId))).allAccessReviewItems;
  const grantStatus = async (id: string) => (await server.db.query('SELECT status FROM role_grant WHERE id = ?', [Number(id)]))[0].status;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
  });
  afterAll(() => server.stop());

  let branchCampaign: string;
  it('starts a branch campaign: an item per grant, for the branch manager, or the starter for the manager\'s own grant', async () => {
    const admin = await as('admin');
    const campaign = (await admin.ok(CREATE, { name: '北京分公司权限复核', scope: 'branch', branchId: String(await branchIdOf(server, 'BJ')), dueAt: inDays(7), deadlineRule: 'revoke' })).createAccessReviewCampaign;
    branchCampaign = campaign.id;
    expect(campaign).toMatchObject({ status: 'open', totals: { total: 2, pending: 2, unassigned: 0 } });
    const items = await itemsOf(admin, campaign.id);
    expect(items.map((i) => [i.staffUsername, i.roleName, i.reviewer?.username])).toEqual([['agent', 'agent', 'manager'], ['manager', 'manager', 'admin']]);
    const manager = await as('manager');
    expect((await manager.ok('{ myNotifications { kind } }')).myNotifications.map((n: { kind: string }) => n.kind)).toContain('access_review_assigned');
    expect((await auditOf(server, 'access_review.create')).length).toBe(1);
  });

  it('lets a reviewer see and decide only their own items, with a comment; a revoke takes effect at once', async () => {
    const manager = await as('manager');
    const agent = await as('agent');
    const mine = await itemsOf(manager, branchCampaign);
    expect(mine.map((i) => i.staffUsername)).toEqual(['agent']);
    expect(mine[0]).toMatchObject({ campaignName: '北京分公司权限复核', outcome: 'pending' });
    expect(codeOf(await agent.request(ITEMS(branchCampaign)))).toBe('FORBIDDEN');
    const all = await itemsOf(await as('admin'), branchCampaign);
    const ownItem = all.find((i) => i.staffUsername === 'manager')!;
    expect(codeOf(await manager.request(DECIDE, { id: ownItem.id, decision: 'keep', comment: '我需要' }))).toBe('NOT_FOUND');
    expect(codeOf(await manager.request(DECIDE, { id: mine[0].id, decision: 'revoke', comment: ' ' }))).toBe('BAD_USER_INPUT');

    expect((await agent.request('{ _allCustomersMeta { count } }')).errors).toBeUndefined();
    const decided = (await manager.ok(DECIDE, { id: mine[0].id, decision: 'revoke', comment: '已调岗' })).decideAccessReviewItem;
    expect(decided).toMatchObject({ decision: 'revoke', comment: '已调岗', outcome: 'revoked' });
    expect(codeOf(await agent.request('{ _allCustomersMeta { count } }'))).toBe('FORBIDDEN');
    expect(await grantStatus(mine[0].grantId)).toBe('revoked');
    expect(reasonOf(await manager.request(DECIDE, { id: mine[0].id, decision: 'keep', comment: '改主意' }))).toBe('REVIEW_ITEM_DECIDED');

    const admin = await as('admin');
    await admin.ok(DECIDE, { id: ownItem.id, decision: 'keep', comment: '岗位职责需要' });
    const campaign = (await admin.ok(`{ AccessReviewCampaign(id: "${branchCampaign}") { ${CAMPAIGN} } }`)).AccessReviewCampaign;
    expect(campaign).toMatchObject({ status: 'completed', totals: { total: 2, pending: 0, kept: 1, revoked: 1 } });
    expect((await auditOf(server, 'access_review.complete')).length).toBe(1);
    await admin.ok(CREATE_GRANT, { staffId: String(await staffIdOf(server, 'agent')), roleId: String(await roleIdOf(server, 'agent')), reason: '复核后重新授权' });
  });

  let roleCampaign: string;
  it('reminds the reviewers once, a few days before the deadline', async () => {
    const admin = await as('admin');
    const campaign = (await admin.ok(CREATE, { name: '客服专员角色复核', scope: 'role', roleId: String(await roleIdOf(server, 'agent')), reviewerId: String(await staffIdOf(server, 'compliance')), dueAt: inDays(5), deadlineRule: 'revoke', remindDaysBefore: 2 })).createAccessReviewCampaign;
    roleCampaign = campaign.id;
    const items = await itemsOf(admin, campaign.id);
    expect(items.map((i) => [i.staffUsername, i.reviewer?.username])).toEqual([['agent', 'compliance'], ['agent2', 'compliance']]);
    expect((await runAccessReviewDeadlines(server.db)).reminded).toBe(0);
    advanceClock(3.5 * DAY);
    expect(await runAccessReviewDeadlines(server.db)).toEqual({ reminded: 1, closed: 0, revoked: 0, flagged: 0 });
    expect((await runAccessReviewDeadlines(server.db)).reminded).toBe(0);
    const notes = (await (await as('compliance')).ok('{ myNotifications { kind title } }')).myNotifications;
    expect(notes.filter((n: { kind: string }) => n.kind === 'access_review_reminder')).toHaveLength(1);
    expect(JSON.parse((await auditOf(server, 'access_review.remind'))[0].changes!)).toEqual({ pendingItems: 2, reviewersReminded: 1 });
  });

  it('at the deadline revokes what nobody answered under the revoke rule, and closes the campaign', async () => {
    const compliance = await as('compliance');
    const items = await itemsOf(compliance, roleCampaign);
    const agentItem = items.find((i) => i.staffUsername === 'agent')!;
    const agent2Item = items.find((i) => i.staffUsername === 'agent2')!;
    await compliance.ok(DECIDE, { id: agentItem.id, decision: 'keep', comment: '在岗，需要' });
    advanceClock(2 * DAY);
    expect(await runAccessReviewDeadlines(server.db)).toEqual({ reminded: 0, closed: 1, revoked: 1, flagged: 0 });
    expect(await grantStatus(agent2Item.grantId)).toBe('revoked');
    expect(await grantStatus(agentItem.grantId)).toBe('active');
    const after = await itemsOf(await as('compliance'), roleCampaign);
    expect(after.map((i) => [i.staffUsername, i.outcome])).toEqual([['agent', 'kept'], ['agent2', 'revoked_at_deadline']]);
    expect((await (await as('agent2')).ok('{ me { roles } }')).me.roles).toEqual([]);
    expect(reasonOf(await (await as('compliance')).request(DECIDE, { id: agent2Item.id, decision: 'keep', comment: '晚了' }))).toBe('REVIEW_ITEM_DECIDED');
    expect((await auditOf(server, 'grant.revoke')).some((e) => e.staff_id === null && e.reason?.includes('no answer by the deadline'))).toBe(true);
  });

  it('at the deadline keeps and flags what nobody answered under the keep-and-flag rule', async () => {
    const admin = await as('admin');
    const campaign = (await admin.ok(CREATE, { name: '质检员角色复核', scope: 'role', roleId: String(await roleIdOf(server, 'inspector')), dueAt: inDays(2), deadlineRule: 'keep_and_flag', remindDaysBefore: 1 })).createAccessReviewCampaign;
    advanceClock(2 * DAY + 60_000);
    expect(await runAccessReviewDeadlines(server.db)).toEqual({ reminded: 0, closed: 1, revoked: 0, flagged: 1 });
    const [item] = await itemsOf(await as('admin'), campaign.id);
    expect(item).toMatchObject({ staffUsername: 'inspector', outcome: 'kept_flagged', flagged: true });
    expect(await grantStatus(item.grantId)).toBe('active');
    expect((await (await as('inspector')).request('{ _allCustomersMeta { count } }')).errors).toBeUndefined();
  });

  it('gives compliance the evidence of a finished campaign, also as CSV (audited)', async () => {
    const compliance = await as('compliance');
    const evidence = (await compliance.ok(`{ accessReviewEvidence(id: "${roleCampaign}") { final totals { total kept revokedAtDeadline pending } items { staffUsername decision comment outcome } auditTrail { action } } }`)).accessReviewEvidence;
    expect(evidence.final).toBe(true);
    expect(evidence.totals).toEqual({ total: 2, kept: 1, revokedAtDeadline: 1, pending: 0 });
    expect(evidence.items).toEqual([
      { staffUsername: 'agent', decision: 'keep', comment: '在岗，需要', outcome: 'kept' },
      { staffUsername: 'agent2', decision: null, comment: null, outcome: 'revoked_at_deadline' },
    ]);
    expect(evidence.auditTrail.map((e: { action: string }) => e.action)).toEqual(['access_review.create', 'access_review.remind', 'access_review.decide', 'access_review.deadline']);
    const csv = (await compliance.ok(`mutation { exportAccessReviewEvidence(id: "${roleCampaign}") { csv rows } }`)).exportAccessReviewEvidence;
    expect(csv.rows).toBe(2);
    expect(csv.csv).toContain('复核意见');
    expect(csv.csv).toContain('revoked_at_deadline');
    expect((await auditOf(server, 'export')).some((e) => e.changes?.includes(`"campaignId":"${roleCampaign}"`))).toBe(true);
    expect(codeOf(await (await as('manager')).request(`{ accessReviewEvidence(id: "${roleCampaign}") { final } }`))).toBe('FORBIDDEN');
  });

  it('leaves an item nobody else may decide unassigned, for an administrator to give to a reviewer, never to its holder', async () => {
    const admin = await as('admin');
    const campaign = (await admin.ok(CREATE, { name: '全员权限复核', scope: 'everyone', dueAt: inDays(10), deadlineRule: 'keep_and_flag' })).createAccessReviewCampaign;
    expect(campaign.totals.unassigned).toBe(1);
    const items = await itemsOf(admin, campaign.id);
    const own = items.find((i) => i.staffUsername === 'admin')!;
    expect(own.reviewer).toBeNull();
    const REASSIGN = (reviewer: number) => `mutation { reassignAccessReviewItem(id: "${own.id}", reviewerId: "${reviewer}", reason: "唯一的管理员不能复核自己") { reviewer { username } } }`;
    expect(reasonOf(await admin.request(REASSIGN(await staffIdOf(server, 'admin'))))).toBe('OWN_REVIEW');
    expect(codeOf(await admin.request(REASSIGN(await staffIdOf(server, 'agent'))))).toBe('BAD_USER_INPUT');
    expect((await admin.ok(REASSIGN(await staffIdOf(server, 'compliance')))).reassignAccessReviewItem.reviewer.username).toBe('compliance');
    await (await as('compliance')).ok(DECIDE, { id: own.id, decision: 'keep', comment: '唯一管理员' });
    const cancelled = (await admin.ok(`mutation { cancelAccessReviewCampaign(id: "${campaign.id}", reason: "改为分批复核") { ${CAMPAIGN} } }`)).cancelAccessReviewCampaign;
    expect(cancelled).toMatchObject({ status: 'cancelled', totals: { kept: 1, pending: 0 } });
    expect(cancelled.totals.cancelled).toBe(cancelled.totals.total - 1);
  });
});
