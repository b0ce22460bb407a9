import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { now } from '../../server/src/clock';
import { runEscalations } from '../../server/src/jobs/escalation';
import { complaintsWithClocksInBatches } from '../../server/src/modules/complaints/complaint-deadlines';
import { baseComplaint, branchIdOf, countOf, fetchComplaint, register, setClock, staffIdOf, step } from './complaints-helpers';

// The escalation job: at 80% of a clock the handler is warned, once breached the branch manager is
// told, a major complaint breached by more than one working day goes to compliance. Each escalation is
// a timeline event, a notification and an audit entry, and running the job again escalates nothing twice.
const NOTIFICATIONS = `query($unread: Boolean) { myNotifications(unreadOnly: $unread) { id kind complaintId title readAt } _myNotificationsMeta(unreadOnly: $unread) { count } }`;

jest.setTimeout(60_000);

describe('escalation job', () => {
  let server: TestServer;
  let agent: GqlClient;
  let manager: GqlClient;
  let agent2: GqlClient;
  let bj: string;

  const job = () => runEscalations(server.db, server.config, now());
  const escalations = (complaintId: string, kind?: string) =>
    countOf(server, `SELECT COUNT(*) AS n FROM complaint_event WHERE complaint_id = ? AND kind ${kind ? '= ?' : "LIKE 'escalation_%'"}`, kind ? [Number(complaintId), kind] : [Number(complaintId)]);
  const notified = (username: string, complaintId: string, kind: string) =>
    countOf(server, 'SELECT COUNT(*) AS n FROM notification n JOIN staff s ON s.id = n.staff_id WHERE s.username = ? AND n.complaint_id = ? AND n.kind = ?', [username, Number(complaintId), kind]);
  async function at(time: string) {
    setClock(time);
    [agent, manager, agent2] = [await server.signIn('agent'), await server.signIn('manager'), await server.signIn('agent2')];
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    bj = await branchIdOf(server, 'BJ');
    // The demo complaints would escalate too: start from an empty register.
    await server.db.query('DELETE FROM notification');
    await server.db.query('DELETE FROM complaint');
  });
  afterAll(() => server.stop());

  it('warns at 80% of the 48-hour first response, then tells the branch manager once it is breached, each once', async () => {
    await at('2026-11-02T09:00:00+08:00');
    const x = await register(agent, baseComplaint(bj, { receivedAt: '2026-11-02T09:00:00+08:00' }));
    expect((await job()).escalated).toBe(0);
    // 80% of 48 h is 38 h 24 min.
    await at('2026-11-03T23:20:00+08:00');
    await job();
    expect(await escalations(x.id)).toBe(0);
    await at('2026-11-03T23:30:00+08:00');
    await job();
    await job();
    expect(await escalations(x.id, 'escalation_warning')).toBe(1);
    // No handler yet: the warning goes to whoever registered the complaint.
    expect(await notified('agent', x.id, 'escalation_warning')).toBe(1);
    expect(await notified('manager', x.id, 'escalation_warning')).toBe(0);

    await at('2026-11-04T09:01:00+08:00');
    await job();
    await job();
    expect(await escalations(x.id, 'escalation_breach')).toBe(1);
    expect(await notified('manager', x.id, 'escalation_breach')).toBe(1);
    expect(await notified('agent2', x.id, 'escalation_breach')).toBe(0);
    // A general complaint never goes to compliance.
    await at('2026-11-09T09:01:00+08:00');
    await job();
    expect(await escalations(x.id, 'escalation_compliance')).toBe(0);
    const { timeline } = await fetchComplaint(manager, x.id);
    expect(timeline!.filter((e) => e.kind.startsWith('escalation_') && e.data?.clock === 'first_response')).toEqual([
      expect.objectContaining({ kind: 'escalation_warning', staffId: null, data: expect.objectContaining({ clock: 'first_response', level: 'warning' }) }),
      expect.objectContaining({ kind: 'escalation_breach', data: expect.objectContaining({ clock: 'first_response', level: 'breach' }) }),
    ]);
    // Meanwhile the 5-working-day materials notice reached its 80% too: every escalation is audited.
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'complaint.escalate' AND subject_id = ?", [x.id])).toBe(await escalations(x.id));
  });

  it('warns the handler, once assigned, at 80% of the working time of a working-day clock', async () => {
    await at('2026-11-02T09:00:00+08:00');
    let x = await register(manager, baseComplaint(bj, { receivedAt: '2026-11-02T09:00:00+08:00' }));
    x = await step(manager, 'acceptComplaint', x);
    x = await step(manager, 'assignComplaint', x, { assigneeId: await staffIdOf(server, 'agent') });
    // The 7-working-day target runs from Mon 11/2 09:00 to the end of Wed 11/11: 183 working hours, the
    // weekend not counted. 80% of them (146.4 h) have run on Tue 11/10 at 11:24.
    await at('2026-11-10T11:20:00+08:00');
    await job();
    expect(await notified('agent', x.id, 'escalation_warning')).toBe(0);
    await at('2026-11-10T11:30:00+08:00');
    await job();
    expect(await notified('agent', x.id, 'escalation_warning')).toBe(1);
    expect(await notified('manager', x.id, 'escalation_warning')).toBe(0);
  });

  it('sends a major complaint breached by more than one working day to compliance, counting working days', async () => {
    // Friday 10:00; the head-office report is due Saturday 10:00; one working day later is Monday 10:00.
    await at('2026-11-06T10:00:00+08:00');
    let x = await register(agent, baseComplaint(bj, { involvesLitigation: true, receivedAt: '2026-11-06T10:00:00+08:00' }));
    // Answered at once, so only the head-office report clock runs late.
    x = await step(agent, 'acceptComplaint', x);
    await at('2026-11-07T10:01:00+08:00');
    await job();
    expect(await notified('manager', x.id, 'escalation_breach')).toBe(1);
    await at('2026-11-09T09:59:00+08:00');
    await job();
    expect(await notified('compliance', x.id, 'escalation_compliance')).toBe(0);
    await at('2026-11-09T10:01:00+08:00');
    await job();
    await job();
    expect(await notified('compliance', x.id, 'escalation_compliance')).toBe(1);
    expect(await escalations(x.id, 'escalation_compliance')).toBe(1);
  });

  it('escalates once even when two job runs race', async () => {
    await at('2026-11-16T09:00:00+08:00');
    const x = await register(agent, baseComplaint(bj, { receivedAt: '2026-11-16T09:00:00+08:00' }));
    await at('2026-11-18T10:00:00+08:00');
    const runs = await Promise.all([job(), job(), job()]);
    expect(runs.reduce((sum, r) => sum + r.escalated, 0)).toBeGreaterThanOrEqual(1);
    expect(await escalations(x.id, 'escalation_breach')).toBe(1);
    expect(await notified('manager', x.id, 'escalation_breach')).toBe(1);
  });

  it('shows each staff member only their own notifications, and marks them read', async () => {
    await at('2026-11-20T09:00:00+08:00');
    const mine = await manager.ok(NOTIFICATIONS, { unread: true });
    expect(mine._myNotificationsMeta.count).toBeGreaterThanOrEqual(3);
    expect(mine.myNotifications.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    const first = mine.myNotifications[0];
    expect(first.title).toMatch(/^(重大)?投诉 TS\d{12}/);
    // Someone else's notification is as good as missing.
    expect((await agent.request('mutation($id: ID!) { markNotificationRead(id: $id) { id } }', { id: first.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const read = await manager.ok('mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }', { id: first.id });
    expect(read.markNotificationRead.readAt).not.toBeNull();
    expect((await manager.ok(NOTIFICATIONS, { unread: true }))._myNotificationsMeta.count).toBe(mine._myNotificationsMeta.count - 1);
    const { markAllNotificationsRead } = await manager.ok('mutation { markAllNotificationsRead }');
    expect(markAllNotificationsRead).toBe(mine._myNotificationsMeta.count - 1);
    expect((await manager.ok(NOTIFICATIONS, { unread: true }))._myNotificationsMeta.count).toBe(0);
    expect((await agent2.ok(NOTIFICATIONS, {}))._myNotificationsMeta.count).toBe(0);
  });

  it('escalates nothing on a paused clock, and stores each complaint\'s next deadline for the list', async () => {
    await at('2026-11-23T09:00:00+08:00');
    let x = await register(agent, baseComplaint(bj, { receivedAt: '2026-11-23T09:00:00+08:00' }));
    x = await step(agent, 'requestComplaintMaterials', x, { materials: '身份证明', notifiedVia: 'sms' });
    await at('2026-12-31T09:00:00+08:00');
    await job();
    expect(await escalations(x.id)).toBe(0);
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM complaint WHERE id = ? AND next_due_at IS NULL', [Number(x.id)])).toBe(1);
    // A stored next deadline that went stale (say, edited in the database) is put right by the next run.
    await server.db.query('UPDATE complaint SET next_due_at = NULL');
    expect((await job()).refreshed).toBeGreaterThan(0);
    expect((await job()).refreshed).toBe(0);
  });

  it('walks every complaint with a clock counting, batch by batch, each once and in id order', async () => {
    const counting: { id: number }[] = await server.db.query(
      "SELECT id FROM complaint WHERE state <> 'closed' AND (state NOT IN ('withdrawn', 'not_accepted') OR next_due_at IS NOT NULL) ORDER BY id",
    );
    expect(counting.length).toBeGreaterThan(3);
    const walked: number[] = [];
    for await (const batch of complaintsWithClocksInBatches(server.db.manager, 2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      walked.push(...batch.map((c) => c.id));
    }
    expect(walked).toEqual(counting.map((row) => Number(row.id)));
    expect((await job()).checked).toBe(counting.length);
  });
});
