import { advanceClock, now } from '../../server/src/clock';
import { startTestServer, type TestServer } from '../support/test-server';
import { addStaff, auditOf, branchIdOf, codeOf, countRows, reasonOf, staffIdOf } from './rights-helpers';

const DAY = 24 * 3600_000;
const ITEM = 'id staffUsername outcome reviewer { username }';
const CREATE = `mutation C($branchId: ID, $dueAt: DateTimeISO!) {
  createAccessReviewCampaign(name: "北京分公司权限复核", scope: branch, branchId: $branchId, dueAt: $dueAt, deadlineRule: keep_and_flag) { id }
}`;
const REASSIGN = `mutation R($id: ID!, $reviewerId: ID!, $reason: String!) { reassignAccessReviewItem(id: $id, reviewerId: $reviewerId, reason: $reason) { ${ITEM} } }`;
const DECIDE = `mutation D($id: ID!) { decideAccessReviewItem(id: $id, decision: keep, comment: "岗位需要") { id outcome } }`;

type Item = { id: string; staffUsername: string; outcome: string; reviewer: { username: string } | null };

/** Handing a review item to another reviewer (权限复核转交): administrators only, never to the person under review. */
describe('reassigning an access review item', () => {
  let server: TestServer;
  let campaignId: string;
  /** The agent's grant, reviewed by their branch manager when the campaign starts. */
  let agentItem: Item;
  const as = (username: string) => server.signIn(username);
  const itemOf = async (id: string): Promise<Item> => (await (await as('admin')).ok(`{ AccessReviewItem(id: "${id}") { ${ITEM} } }`)).AccessReviewItem;
  const reassignments = () => countRows(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'access_review.reassign'");

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 4, policies: 4 } });
    // A second manager in Beijing, later on leave (suspended).
    await addStaff(server, 'manager2', ['manager'], 'BJ');
    const admin = await as('admin');
    const dueAt = new Date(now().getTime() + 7 * DAY).toISOString();
    campaignId = (await admin.ok(CREATE, { branchId: String(await branchIdOf(server, 'BJ')), dueAt })).createAccessReviewCampaign.id;
    const items: Item[] = (await admin.ok(`{ allAccessReviewItems(filter: { campaignId: "${campaignId}" }, perPage: 50) { ${ITEM} } }`)).allAccessReviewItems;
    agentItem = items.find((i) => i.staffUsername === 'agent')!;
    expect(agentItem.reviewer?.username).toBe('manager');
  });
  afterAll(() => server.stop());

  it('lets an administrator give a pending item to another reviewer, with a reason on record; the new reviewer is told', async () => {
    const admin = await as('admin');
    const reassigned = (await admin.ok(REASSIGN, { id: agentItem.id, reviewerId: String(await staffIdOf(server, 'compliance')), reason: '主管休假，改由合规复核' })).reassignAccessReviewItem;
    expect(reassigned).toMatchObject({ outcome: 'pending', reviewer: { username: 'compliance' } });

    const [entry] = await auditOf(server, 'access_review.reassign');
    expect(entry).toMatchObject({ staff_id: await staffIdOf(server, 'admin'), subject_id: agentItem.id, outcome: 'success', reason: '主管休假，改由合规复核' });
    expect(JSON.parse(entry.changes!)).toMatchObject({
      campaignId: Number(campaignId),
      staff: 'agent',
      role: 'agent',
      reviewer: 'compliance',
      reviewerId: { from: await staffIdOf(server, 'manager'), to: await staffIdOf(server, 'compliance') },
    });

    const compliance = await as('compliance');
    const notes: { kind: string; body: string }[] = (await compliance.ok('{ myNotifications { kind body } }')).myNotifications;
    expect(notes.filter((n) => n.kind === 'access_review_assigned').map((n) => n.body)).toEqual([expect.stringContaining('主管休假，改由合规复核')]);
    // The item moved: the old reviewer no longer sees it, the new one decides it.
    const managersItems: Item[] = (await (await as('manager')).ok(`{ allAccessReviewItems(filter: { campaignId: "${campaignId}" }) { ${ITEM} } }`)).allAccessReviewItems;
    expect(managersItems.map((i) => i.id)).not.toContain(agentItem.id);
    expect(codeOf(await (await as('manager')).request(DECIDE, { id: agentItem.id }))).toBe('NOT_FOUND');
  });

  it('refuses to give an item to the staff member under review, and changes nothing', async () => {
    const before = await reassignments();
    const result = await (await as('admin')).request(REASSIGN, { id: agentItem.id, reviewerId: String(await staffIdOf(server, 'agent')), reason: '本人最清楚' });
    expect(reasonOf(result)).toBe('OWN_REVIEW');
    expect((await itemOf(agentItem.id)).reviewer?.username).toBe('compliance');
    expect(await reassignments()).toBe(before);
  });

  it('refuses anyone but an administrator, the reviewers themselves included', async () => {
    const before = await reassignments();
    const manager2 = String(await staffIdOf(server, 'manager2'));
    for (const username of ['compliance', 'manager', 'agent']) {
      expect(codeOf(await (await as(username)).request(REASSIGN, { id: agentItem.id, reviewerId: manager2, reason: '我来转交' }))).toBe('FORBIDDEN');
    }
    expect((await itemOf(agentItem.id)).reviewer?.username).toBe('compliance');
    expect(await reassignments()).toBe(before);
  });

  it('refuses a reviewer who is not active or may not review, the same reviewer, and a missing reason', async () => {
    const admin = await as('admin');
    const before = await reassignments();
    const to = async (username: string, reason = '改派') => admin.request(REASSIGN, { id: agentItem.id, reviewerId: String(await staffIdOf(server, username)), reason });
    // An agent holds no right to review access.
    const agent2 = await to('agent2');
    expect(codeOf(agent2)).toBe('BAD_USER_INPUT');
    expect(agent2.errors![0].extensions!.fields!.reviewerId).toContain('active staff member who may review');
    expect(codeOf(await to('compliance'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await to('manager2', ' '))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.request(REASSIGN, { id: agentItem.id, reviewerId: '999999', reason: '改派' }))).toBe('BAD_USER_INPUT');
    await admin.ok(`mutation { suspendStaff(id: "${await staffIdOf(server, 'manager2')}", reason: "休假") { id } }`);
    expect((await to('manager2')).errors![0].extensions!.fields!.reviewerId).toContain('active staff member');
    expect((await itemOf(agentItem.id)).reviewer?.username).toBe('compliance');
    expect(await reassignments()).toBe(before);
  });

  it('refuses once the item is decided or the campaign is past its deadline', async () => {
    const admin = await as('admin');
    await (await as('compliance')).ok(DECIDE, { id: agentItem.id });
    const managerId = String(await staffIdOf(server, 'manager'));
    expect(reasonOf(await admin.request(REASSIGN, { id: agentItem.id, reviewerId: managerId, reason: '改派' }))).toBe('REVIEW_ITEM_DECIDED');
    const items: Item[] = (await admin.ok(`{ allAccessReviewItems(filter: { campaignId: "${campaignId}", outcome: pending }) { ${ITEM} } }`)).allAccessReviewItems;
    expect(items.length).toBeGreaterThan(0);
    advanceClock(8 * DAY);
    expect(reasonOf(await (await as('admin')).request(REASSIGN, { id: items[0].id, reviewerId: String(await staffIdOf(server, 'compliance')), reason: '改派' }))).toBe('REVIEW_CLOSED');
  });
});
