import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { advanceClock } from '../../server/src/clock';
import { baseComplaint, branchIdOf, countOf, register, setClock, staffIdOf, step, type ComplaintView } from './complaints-helpers';

// The register list: row rules before paging and counting, the console's filters (my queue, due
// today, overdue, major, regulator-transferred, category, channel, branch, state, date received),
// complainant contact details masked like customer data, and the holiday calendar screen.
jest.setTimeout(60_000);

const LIST = `query($filter: ComplaintFilter, $sortField: String, $sortOrder: SortOrder, $perPage: Int) {
  allComplaints(filter: $filter, sortField: $sortField, sortOrder: $sortOrder, perPage: $perPage) { id number nextDueAt }
  _allComplaintsMeta(filter: $filter) { count }
}`;

describe('the complaint register', () => {
  let server: TestServer;
  let agent: GqlClient;
  let agent2: GqlClient;
  let manager: GqlClient;
  let inspector: GqlClient;
  let compliance: GqlClient;
  let admin: GqlClient;
  let bj: string;
  let sh: string;
  const made: Record<string, ComplaintView> = {};

  const ids = async (client: GqlClient, filter: Record<string, unknown>) => {
    const { allComplaints, _allComplaintsMeta } = await client.ok(LIST, { filter, perPage: 1000 });
    expect(_allComplaintsMeta.count).toBe(allComplaints.length);
    return (allComplaints as { id: string }[]).map((c) => c.id).sort();
  };
  const of = (...names: string[]) => names.map((n) => made[n].id).sort();
  // Sessions live in clock time: after moving the clock, everyone signs in again.
  const signInAll = async () => {
    [agent, agent2, manager, inspector, compliance, admin] = await Promise.all(['agent', 'agent2', 'manager', 'inspector', 'compliance', 'admin'].map((u) => server.signIn(u)));
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 } });
    // Only this suite's complaints, so every expected list is exact.
    await server.db.query('DELETE FROM complaint');
    setClock('2026-11-02T09:00:00+08:00');
    await signInAll();
    bj = await branchIdOf(server, 'BJ');
    sh = await branchIdOf(server, 'SH');
    const agentId = await staffIdOf(server, 'agent');
    made.old = await register(agent, baseComplaint(bj, { receivedAt: '2026-10-20T10:00:00+08:00', category: 'sales', channel: 'counter', involvesMedia: true }));
    made.mine = await step(manager, 'assignComplaint', await step(agent, 'acceptComplaint', await register(agent, baseComplaint(bj, { receivedAt: '2026-10-30T15:00:00+08:00' }))), { assigneeId: agentId });
    made.today = await register(agent, baseComplaint(bj, { receivedAt: '2026-10-31T09:30:00+08:00' }));
    made.regulator = await register(manager, baseComplaint(bj, { channel: 'regulator', regulatorReference: '京银保监投〔2026〕9号', regulatorDueAt: '2026-11-20T17:00:00+08:00', complainantPhone: '13900001111' }));
    made.shanghai = await register(agent2, baseComplaint(sh, { category: 'service_manner', channel: 'wechat' }));
  });
  afterAll(() => server.stop());

  it('shows each role its rows, and counts them honestly', async () => {
    expect(await ids(agent, {})).toEqual(of('old', 'mine', 'today', 'regulator'));
    expect(await ids(agent2, {})).toEqual(of('shanghai'));
    expect(await ids(compliance, {})).toEqual(of('old', 'mine', 'today', 'regulator', 'shanghai'));
    expect(await ids(inspector, { branchId: sh })).toEqual(of('shanghai'));
    expect((await admin.request(LIST, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('filters my queue, major, regulator-transferred, category, channel, branch, state and date received', async () => {
    expect(await ids(agent, { mine: true })).toEqual(of('mine'));
    expect(await ids(manager, { mine: true })).toEqual([]);
    expect(await ids(compliance, { major: true })).toEqual(of('old', 'regulator'));
    expect(await ids(compliance, { major: false, branchId: bj })).toEqual(of('mine', 'today'));
    expect(await ids(compliance, { regulatorTransferred: true })).toEqual(of('regulator'));
    expect(await ids(compliance, { category: 'sales' })).toEqual(of('old'));
    expect(await ids(compliance, { channel: 'wechat' })).toEqual(of('shanghai'));
    expect(await ids(compliance, { branchId: bj, state: 'investigating' })).toEqual(of('mine'));
    expect(await ids(compliance, { states: ['investigating', 'registered'], branchId: sh })).toEqual(of('shanghai'));
    expect(await ids(compliance, { receivedAt_gte: '2026-10-30T00:00:00+08:00', receivedAt_lte: '2026-10-31T23:59:59+08:00' })).toEqual(of('mine', 'today'));
    expect(await ids(compliance, { q: made.regulator.number.slice(0, 13) })).toContain(made.regulator.id);
    expect(await ids(manager, { complainantPhone: '139-0000-1111' })).toEqual(of('regulator'));
  });

  it('filters what falls due today and what is overdue, on the local day', async () => {
    // Monday 11/2 09:00. "old" is long overdue; "today" got its 48 h on Sat 10/31 09:30 → due Mon 11/2 09:30.
    expect(await ids(manager, { overdue: true })).toEqual(of('old'));
    expect(await ids(manager, { dueToday: true })).toEqual(of('today'));
    advanceClock(60 * 60_000);
    await signInAll();
    expect(await ids(manager, { overdue: true })).toEqual(of('old', 'today'));
    const sorted = await manager.ok(LIST, { sortField: 'nextDueAt', sortOrder: 'ASC', filter: { open: true } });
    expect(sorted.allComplaints[0].id).toBe(made.old.id);
  });

  it('masks complainant contact details; the manager reveals them with a reason, audited; the agent may not', async () => {
    const phone = 'query($id: ID!) { Complaint(id: $id) { complainantPhone } }';
    expect((await manager.ok(phone, { id: made.regulator.id })).Complaint.complainantPhone).toBe('139****1111');
    expect((await inspector.ok(phone, { id: made.regulator.id })).Complaint.complainantPhone).toBeNull();
    const REVEAL = 'mutation($id: ID!) { reveal(type: "Complaint", id: $id, field: "complainantPhone", reason: "回访投诉人") }';
    expect((await manager.ok(REVEAL, { id: made.regulator.id })).reveal).toBe('13900001111');
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'reveal' AND subject_type = 'Complaint'")).toBe(1);
    expect((await agent.request(REVEAL, { id: made.regulator.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Stored encrypted, and the audit trail of the registration holds the mask only.
    const rows: { complainant_phone_enc: string }[] = await server.db.query('SELECT complainant_phone_enc FROM complaint WHERE id = ?', [Number(made.regulator.id)]);
    expect(rows[0].complainant_phone_enc).not.toContain('13900001111');
    const audit: { changes: string }[] = await server.db.query("SELECT changes FROM audit_entry WHERE action = 'complaint.create' AND subject_id = ?", [made.regulator.id]);
    expect(audit[0].changes).toContain('139****1111');
    expect(audit[0].changes).not.toContain('13900001111');
  });

  it('refuses filtering on contact details a role cannot read (no oracle)', async () => {
    const result = await inspector.request(LIST, { filter: { complainantPhone: '13900001111' } });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].extensions?.fields).toHaveProperty(['filter.complainantPhone']);
  });

  describe('holiday calendar', () => {
    const DAYS = `query($filter: CalendarDayFilter) { allCalendarDays(filter: $filter, perPage: 100) { id day kind name version } _allCalendarDaysMeta(filter: $filter) { count } }`;

    it('ships the 2025 and 2026 holidays and make-up days, readable by complaint workers', async () => {
      const { allCalendarDays, _allCalendarDaysMeta } = await agent.ok(DAYS, { filter: { year: 2026, kind: 'workday' } });
      expect(allCalendarDays.map((d: { day: string }) => d.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
      expect(_allCalendarDaysMeta.count).toBe(6);
      expect((await agent.ok(DAYS, { filter: { day_gte: '2026-10-01', day_lte: '2026-10-07', kind: 'holiday' } }))._allCalendarDaysMeta.count).toBe(7);
      // 2025: 元旦 1, 春节 8 + 2 make-up days, 清明 3, 劳动节 5 + 1, 端午 3, 国庆中秋 8 + 2.
      expect((await agent.ok(DAYS, { filter: { year: 2025 } }))._allCalendarDaysMeta.count).toBe(33);
    });

    it('lets administrators add, edit and remove days, audited; nobody else', async () => {
      const { createCalendarDay } = await admin.ok('mutation { createCalendarDay(day: "2027-02-06", kind: workday, name: "春节调休上班") { id version } }');
      const { updateCalendarDay } = await admin.ok('mutation($id: ID!, $v: Int!) { updateCalendarDay(id: $id, version: $v, name: "2027春节调休上班") { name version } }', { id: createCalendarDay.id, v: createCalendarDay.version });
      expect(updateCalendarDay).toEqual({ name: '2027春节调休上班', version: 2 });
      const stale = await admin.request('mutation($id: ID!) { updateCalendarDay(id: $id, version: 1, name: "x") { id } }', { id: createCalendarDay.id });
      expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
      await admin.ok('mutation($id: ID!) { deleteCalendarDay(id: $id) { id } }', { id: createCalendarDay.id });
      const actions: { action: string }[] = await server.db.query("SELECT action FROM audit_entry WHERE subject_type = 'CalendarDay' ORDER BY seq");
      expect(actions.map((a) => a.action)).toEqual(['calendar_day.create', 'calendar_day.update', 'calendar_day.delete']);
      for (const client of [agent, manager, compliance]) {
        expect((await client.request('mutation { createCalendarDay(day: "2027-02-07", kind: workday, name: "x") { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });
  });
});
