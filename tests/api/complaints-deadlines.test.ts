import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { advanceClock } from '../../server/src/clock';
import { baseComplaint, branchIdOf, fetchComplaint, register, setClock, step, stepRequest, type ComplaintView } from './complaints-helpers';

// Starting a server (migrations, demo data) takes longer than jest's default 5 s on MariaDB.
jest.setTimeout(60_000);

// Every clock of a complaint, computed on the shipped PRC working-day calendar in Beijing time:
// deadlines in working days end at the end of the local day; the 48 h and 24 h clocks run on the wall.
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
const clock = (x: ComplaintView, kind: string) => x.clocks.find((k) => k.kind === kind)!;

describe('complaint clocks', () => {
  let server: TestServer;
  let agent: GqlClient;
  let manager: GqlClient;
  let admin: GqlClient;
  let compliance: GqlClient;
  let bj: string;

  async function signInAll() {
    [agent, manager, admin, compliance] = [await server.signIn('agent'), await server.signIn('manager'), await server.signIn('admin'), await server.signIn('compliance')];
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    bj = await branchIdOf(server, 'BJ');
  });
  afterAll(() => server.stop());

  it('counts across the 2026 National Day week: received Wed 30 Sep, the make-up Saturday 10/10 counts', async () => {
    setClock('2026-09-30T10:00:00+08:00');
    await signInAll();
    const x = await register(agent, baseComplaint(bj, { receivedAt: '2026-09-30T10:00:00+08:00' }));
    // 48 hours on the wall clock, holidays or not.
    expect(clock(x, 'first_response').dueAt).toBe(new Date('2026-10-02T10:00:00+08:00').toISOString());
    // 10/8 Thu, 10/9 Fri, 10/10 Sat (make-up), 10/12 Mon, 10/13 Tue.
    expect(clock(x, 'materials_notice').dueAt).toBe(endOf('2026-10-13'));
    // … 10/14, 10/15: the company's 7 working days.
    expect(clock(x, 'resolution_target').dueAt).toBe(endOf('2026-10-15'));
    // 15 calendar days: 10/15, a working day.
    expect(clock(x, 'resolution_regulatory').dueAt).toBe(endOf('2026-10-15'));
    expect(x.nextDueAt).toBe(clock(x, 'first_response').dueAt);
    expect(clock(x, 'first_response')).toMatchObject({ status: 'running', paused: false });
    expect(clock(x, 'first_response').timeLeftSeconds).toBeGreaterThan(48 * 3600 - 60);
  });

  it('counts across the 2026 Spring Festival with both make-up Saturdays', async () => {
    setClock('2026-02-13T10:00:00+08:00');
    await signInAll();
    const x = await register(agent, baseComplaint(bj));
    // 2/14 (Sat, make-up), holiday 2/15–2/23, then 2/24, 2/25, 2/26, 2/27.
    expect(clock(x, 'materials_notice').dueAt).toBe(endOf('2026-02-27'));
    // 2/28 (Sat, make-up) and Mon 3/2.
    expect(clock(x, 'resolution_target').dueAt).toBe(endOf('2026-03-02'));
    // 15 calendar days land on Sat 2/28, a make-up working day, so the limit stays there.
    expect(clock(x, 'resolution_regulatory').dueAt).toBe(endOf('2026-02-28'));
  });

  it('skips a plain weekend and runs a calendar-day limit ending on a weekend on to Monday', async () => {
    setClock('2026-11-06T16:00:00+08:00'); // Friday
    await signInAll();
    const x = await register(agent, baseComplaint(bj));
    expect(clock(x, 'materials_notice').dueAt).toBe(endOf('2026-11-13'));
    expect(clock(x, 'resolution_target').dueAt).toBe(endOf('2026-11-17'));
    // 11/21 is a Saturday: the period ends on Monday 11/23.
    expect(clock(x, 'resolution_regulatory').dueAt).toBe(endOf('2026-11-23'));
  });

  it('follows the calendar as administrators edit it (a 2027 holiday added later)', async () => {
    setClock('2026-12-28T10:00:00+08:00'); // Monday
    await signInAll();
    const x = await register(agent, baseComplaint(bj));
    // Nothing is shipped for 2027 yet: 12/29, 12/30, 12/31, Fri 1/1, Mon 1/4.
    expect(clock(x, 'materials_notice').dueAt).toBe(endOf('2027-01-04'));
    const created = await admin.ok('mutation { createCalendarDay(day: "2027-01-01", kind: holiday, name: "元旦") { id day kind } }');
    expect(created.createCalendarDay).toMatchObject({ day: '2027-01-01', kind: 'holiday' });
    expect(clock(await fetchComplaint(agent, x.id), 'materials_notice').dueAt).toBe(endOf('2027-01-05'));
  });

  it('pauses the resolution clocks while materials are awaited, and runs them from their arrival', async () => {
    setClock('2026-11-02T09:00:00+08:00'); // Monday
    await signInAll();
    let x = await register(agent, baseComplaint(bj));
    advanceClock(20 * 60_000);
    x = await step(agent, 'requestComplaintMaterials', x, { materials: '诊断证明', notifiedVia: 'phone' });
    for (const kind of ['resolution_target', 'resolution_regulatory']) {
      expect(clock(x, kind)).toMatchObject({ status: 'paused', paused: true, dueAt: null, timeLeftSeconds: null });
    }
    expect(clock(x, 'materials_notice').status).toBe('met');
    expect(clock(x, 'first_response').status).toBe('met');
    expect(x.nextDueAt).toBeNull();
    // More than three weeks later, still paused: nothing breached while the complainant owed materials.
    advanceClock(23 * DAY);
    await signInAll();
    x = await fetchComplaint(agent, x.id);
    expect(clock(x, 'resolution_regulatory').status).toBe('paused');
    const overdue = await agent.ok('{ allComplaints(filter: { overdue: true }) { id } }');
    expect(overdue.allComplaints.map((c: { id: string }) => c.id)).not.toContain(x.id);
    // Materials arrived on Wednesday 11/25 at 09:00: 7 working days from then, 15 calendar days from then.
    x = await step(agent, 'acceptComplaint', x, { materialsReceivedAt: '2026-11-25T09:00:00+08:00' });
    expect(x.materialsCompleteAt).toBe(new Date('2026-11-25T09:00:00+08:00').toISOString());
    expect(clock(x, 'resolution_target')).toMatchObject({ status: 'running', paused: false, dueAt: endOf('2026-12-04') });
    expect(clock(x, 'resolution_regulatory').dueAt).toBe(endOf('2026-12-10'));
  });

  it('marks a late first response breached, with negative time left, and keeps it breached once given', async () => {
    setClock('2026-11-02T09:00:00+08:00');
    await signInAll();
    let x = await register(agent, baseComplaint(bj, { receivedAt: '2026-11-02T09:00:00+08:00' }));
    advanceClock(49 * HOUR);
    await signInAll();
    x = await fetchComplaint(agent, x.id);
    expect(clock(x, 'first_response')).toMatchObject({ status: 'breached' });
    expect(clock(x, 'first_response').timeLeftSeconds).toBeLessThanOrEqual(-3600);
    expect(clock(x, 'first_response').timeLeftSeconds).toBeGreaterThan(-3660);
    x = await step(agent, 'acknowledgeComplaint', x);
    expect(clock(x, 'first_response')).toMatchObject({ status: 'breached', timeLeftSeconds: null });
    expect(clock(x, 'first_response').completedAt).toBe(x.firstResponseAt);
  });

  it('extends the regulatory limit to 30 days with a recorded approval, once', async () => {
    setClock('2026-11-02T09:00:00+08:00');
    await signInAll();
    let x = await step(agent, 'acceptComplaint', await register(agent, baseComplaint(bj)));
    expect(clock(x, 'resolution_regulatory').dueAt).toBe(endOf('2026-11-17'));
    expect((await stepRequest(agent, 'extendComplaintDeadline', x, { reason: '情况复杂' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    x = await step(manager, 'extendComplaintDeadline', x, { reason: '需调取银行流水，情况复杂' });
    expect(clock(x, 'resolution_regulatory').dueAt).toBe(endOf('2026-12-02'));
    // The company target is not extended.
    expect(clock(x, 'resolution_target').dueAt).toBe(endOf('2026-11-11'));
    const { timeline } = await fetchComplaint(manager, x.id);
    expect(timeline!.at(-1)).toMatchObject({ kind: 'deadline_extended', data: { reason: '需调取银行流水，情况复杂', fromDays: 15, toDays: 30 } });
    expect((await stepRequest(manager, 'extendComplaintDeadline', x, { reason: '再次延长' })).errors?.[0].extensions?.reason).toBe('COMPLAINT_STEP_NOT_APPLICABLE');
  });

  it('gives a major complaint its 24-hour head-office report clock, met by the report', async () => {
    setClock('2026-11-02T09:00:00+08:00');
    await signInAll();
    let x = await register(agent, baseComplaint(bj, { involvesLitigation: true, receivedAt: '2026-11-02T09:00:00+08:00' }));
    expect(x.severity).toBe('major');
    expect(x.majorReasons).toEqual(['litigation']);
    expect(clock(x, 'head_office_report').dueAt).toBe(new Date('2026-11-03T09:00:00+08:00').toISOString());
    advanceClock(5 * HOUR);
    await signInAll();
    x = await step(agent, 'reportComplaintToHeadOffice', x, { report: '诉讼风险报告' });
    expect(clock(x, 'head_office_report').status).toBe('met');
  });

  it("runs a regulator-transferred complaint's report clock to the regulator's deadline and keeps the report text", async () => {
    setClock('2026-11-02T09:00:00+08:00');
    await signInAll();
    const due = '2026-11-09T17:00:00+08:00';
    let x = await register(agent, baseComplaint(bj, { channel: 'regulator', regulatorReference: '京银保监投〔2026〕123号', regulatorDueAt: due }));
    expect(x.majorReasons).toEqual(['regulator_transferred']);
    expect(clock(x, 'regulator_report').dueAt).toBe(new Date(due).toISOString());
    x = await step(agent, 'reportComplaintToRegulator', x, { report: '关于京银保监投〔2026〕123号的书面答复……' });
    expect(clock(x, 'regulator_report').status).toBe('met');
    const kept = await agent.ok('query($id: ID!) { Complaint(id: $id) { regulatorReport regulatorReportedAt } }', { id: x.id });
    expect(kept.Complaint.regulatorReport).toBe('关于京银保监投〔2026〕123号的书面答复……');
  });

  it('takes the deadlines from the policy record: regulatory days counted as working days once compliance says so', async () => {
    setClock('2026-11-02T09:00:00+08:00');
    await signInAll();
    const x = await register(agent, baseComplaint(bj, { receivedAt: '2026-11-02T09:00:00+08:00' }));
    const { complaintPolicy } = await compliance.ok('{ complaintPolicy { version } }');
    await compliance.ok('mutation($v: Int!) { updateComplaintPolicy(version: $v, regulatoryDayKind: working, firstResponseHours: 24) { version } }', { v: complaintPolicy.version });
    const after = await fetchComplaint(agent, x.id);
    // 15 working days from Mon 11/2: Mon 11/23.
    expect(clock(after, 'resolution_regulatory').dueAt).toBe(endOf('2026-11-23'));
    expect(clock(after, 'first_response').dueAt).toBe(new Date('2026-11-03T09:00:00+08:00').toISOString());
    // The stored next deadline (for the list filters) follows at once.
    expect(after.nextDueAt).toBe(clock(after, 'first_response').dueAt);
  });
});
