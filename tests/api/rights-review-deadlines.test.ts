import { advanceClock, now } from '../../server/src/clock';
import { startTestServer, type TestServer } from '../support/test-server';
import { auditOf, codeOf, roleIdOf } from './rights-helpers';

const DAY = 24 * 3600_000;
const RUN = 'mutation { runAccessReviewDeadlines { reminded closed revoked flagged } }';
const CREATE = `mutation C($roleId: ID, $dueAt: DateTimeISO!, $deadlineRule: ReviewDeadlineRule!, $remindDaysBefore: Int) {
  createAccessReviewCampaign(name: "客服专员角色复核", scope: role, roleId: $roleId, dueAt: $dueAt, deadlineRule: $deadlineRule, remindDaysBefore: $remindDaysBefore) { id }
}`;

/** The console's "运行到期处理": what the server's minute job does, run now by an administrator, with its counts. */
describe('running the access review deadlines from the API', () => {
  let server: TestServer;
  const as = (username: string) => server.signIn(username);

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 4, policies: 4 } });
  });
  afterAll(() => server.stop());

  it('is for administrators only', async () => {
    for (const username of ['compliance', 'manager', 'agent']) expect(codeOf(await (await as(username)).request(RUN))).toBe('FORBIDDEN');
  });

  it('reminds before the deadline, then revokes the unanswered grants at it, and says how many', async () => {
    let admin = await as('admin');
    const dueAt = new Date(now().getTime() + 3 * DAY).toISOString();
    const campaign = (await admin.ok(CREATE, { roleId: String(await roleIdOf(server, 'agent')), dueAt, deadlineRule: 'revoke', remindDaysBefore: 1 })).createAccessReviewCampaign;
    expect((await admin.ok(RUN)).runAccessReviewDeadlines).toEqual({ reminded: 0, closed: 0, revoked: 0, flagged: 0 });
    advanceClock(2.5 * DAY);
    // Sessions end while the clock runs on: sign in again.
    admin = await as('admin');
    expect((await admin.ok(RUN)).runAccessReviewDeadlines).toEqual({ reminded: 1, closed: 0, revoked: 0, flagged: 0 });
    expect((await admin.ok(RUN)).runAccessReviewDeadlines).toEqual({ reminded: 0, closed: 0, revoked: 0, flagged: 0 });
    advanceClock(DAY);
    admin = await as('admin');
    // The demo has two agents; nobody answered for either.
    expect((await admin.ok(RUN)).runAccessReviewDeadlines).toEqual({ reminded: 0, closed: 1, revoked: 2, flagged: 0 });
    expect((await admin.ok(`{ AccessReviewCampaign(id: "${campaign.id}") { status totals { revokedAtDeadline pending } } }`)).AccessReviewCampaign).toEqual({
      status: 'closed',
      totals: { revokedAtDeadline: 2, pending: 0 },
    });
    expect((await (await as('agent')).ok('{ me { roles } }')).me.roles).toEqual([]);
    expect((await auditOf(server, 'access_review.deadline')).map((e) => e.subject_id)).toEqual([campaign.id]);
    expect((await admin.ok(RUN)).runAccessReviewDeadlines).toEqual({ reminded: 0, closed: 0, revoked: 0, flagged: 0 });
  });
});
