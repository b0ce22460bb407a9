import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { baseComplaint, branchIdOf, countOf, fetchComplaint, register, setClock, staffIdOf, step, stepRequest, type ComplaintView } from './complaints-helpers';

// Starting a server (migrations, demo data) takes longer than jest's default 5 s on MariaDB.
jest.setTimeout(60_000);

// Every step is a mutation that checks the state machine and the caller's rules. For each state the
// manager's available actions are listed by hand below; each listed one must work on a fresh
// complaint in that state, and each other one must be refused with CONFLICT, changing nothing.

const MUTATION: Record<string, string> = {
  update: 'updateComplaint',
  acknowledge: 'acknowledgeComplaint',
  request_materials: 'requestComplaintMaterials',
  accept: 'acceptComplaint',
  not_accept: 'notAcceptComplaint',
  assign: 'assignComplaint',
  propose_resolution: 'proposeComplaintResolution',
  approve_resolution: 'approveComplaintResolution',
  reject_resolution: 'rejectComplaintResolution',
  communicate_decision: 'communicateComplaintDecision',
  close: 'closeComplaint',
  appeal: 'appealComplaint',
  withdraw: 'withdrawComplaint',
  extend_deadline: 'extendComplaintDeadline',
  mark_major: 'markComplaintMajor',
  report_head_office: 'reportComplaintToHeadOffice',
  report_regulator: 'reportComplaintToRegulator',
};

const AFTER: Record<string, string | null> = {
  update: null, acknowledge: null, request_materials: 'awaiting_materials', accept: 'accepted', not_accept: 'not_accepted', assign: 'investigating',
  propose_resolution: 'resolution_proposed', approve_resolution: 'approved', reject_resolution: 'investigating',
  communicate_decision: 'communicated', close: 'closed', appeal: 'investigating', withdraw: 'withdrawn', extend_deadline: null,
  mark_major: null, report_head_office: null, report_regulator: null,
};

/** What the manager of the complaint's branch may do in each state (a general hotline complaint; the proposal is the agent's ¥5,000). */
const MANAGER_MAY: Record<string, string[]> = {
  registered: ['update', 'acknowledge', 'request_materials', 'accept', 'not_accept', 'withdraw', 'mark_major'],
  awaiting_materials: ['update', 'accept', 'not_accept', 'withdraw', 'mark_major'],
  accepted: ['update', 'assign', 'withdraw', 'extend_deadline', 'mark_major'],
  investigating: ['update', 'assign', 'propose_resolution', 'withdraw', 'extend_deadline', 'mark_major'],
  resolution_proposed: ['update', 'approve_resolution', 'reject_resolution', 'withdraw', 'extend_deadline', 'mark_major'],
  approved: ['update', 'communicate_decision', 'withdraw', 'extend_deadline', 'mark_major'],
  communicated: ['close'],
  closed: ['appeal'],
  not_accepted: [],
  withdrawn: [],
};

describe('complaint workflow', () => {
  let server: TestServer;
  let c: Record<'agent' | 'agent2' | 'manager' | 'inspector' | 'compliance' | 'admin', GqlClient>;
  let bj: string;
  let agentId: string;
  let managerId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    setClock('2026-11-02T09:00:00+08:00');
    c = {} as typeof c;
    for (const name of ['agent', 'agent2', 'manager', 'inspector', 'compliance', 'admin'] as const) c[name] = await server.signIn(name);
    bj = await branchIdOf(server, 'BJ');
    agentId = await staffIdOf(server, 'agent');
    managerId = await staffIdOf(server, 'manager');
  });
  afterAll(() => server.stop());

  const args = (action: string, complaint: ComplaintView): Record<string, unknown> => {
    switch (action) {
      case 'update': return { summary: '更正：理赔款到账延迟' };
      case 'request_materials': return { materials: '医院诊断证明原件', notifiedVia: 'phone' };
      case 'assign': return { assigneeId: complaint.assigneeId === agentId ? managerId : agentId };
      case 'propose_resolution': return { resolution: '同意补偿', compensationFen: 50_000 };
      case 'communicate_decision': return { method: 'phone' };
      case 'close': return { satisfaction: 4 };
      case 'report_head_office': case 'report_regulator': return { report: '书面报告全文' };
      case 'not_accept': case 'reject_resolution': case 'appeal': case 'withdraw': case 'extend_deadline': case 'mark_major': return { reason: '按流程办理' };
      default: return {};
    }
  };

  /** A fresh BJ complaint brought to `state` through the API. */
  async function inState(state: string): Promise<ComplaintView> {
    let x = await register(c.agent, baseComplaint(bj));
    if (state === 'registered') return x;
    if (state === 'awaiting_materials') return step(c.agent, 'requestComplaintMaterials', x, args('request_materials', x));
    if (state === 'not_accepted') return step(c.agent, 'notAcceptComplaint', x, { reason: '不属于本公司业务' });
    if (state === 'withdrawn') return step(c.agent, 'withdrawComplaint', x, { reason: '投诉人撤回' });
    x = await step(c.agent, 'acceptComplaint', x);
    if (state === 'accepted') return x;
    x = await step(c.manager, 'assignComplaint', x, { assigneeId: agentId });
    if (state === 'investigating') return x;
    // ¥5,000 is above the agent's ¥1,000 and within the manager's ¥50,000.
    x = await step(c.agent, 'proposeComplaintResolution', x, { resolution: '同意补偿 5000 元', compensationFen: 500_000 });
    if (state === 'resolution_proposed') return x;
    x = await step(c.manager, 'approveComplaintResolution', x);
    if (state === 'approved') return x;
    x = await step(c.agent, 'communicateComplaintDecision', x, { method: 'phone' });
    if (state === 'communicated') return x;
    return step(c.agent, 'closeComplaint', x, { satisfaction: 5 });
  }

  async function footprint(id: string) {
    return {
      events: await countOf(server, 'SELECT COUNT(*) AS n FROM complaint_event WHERE complaint_id = ?', [Number(id)]),
      audit: await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE subject_type = 'Complaint' AND subject_id = ? AND outcome = 'success'", [id]),
      version: (await countOf(server, 'SELECT version AS n FROM complaint WHERE id = ?', [Number(id)])),
    };
  }

  describe.each(Object.keys(MANAGER_MAY))('in state %s', (state) => {
    // Refusals change nothing (each test checks it), so they can all be tried on one complaint.
    let shared: ComplaintView;
    beforeAll(async () => {
      shared = await inState(state);
    });

    it('offers the manager exactly the listed actions', async () => {
      expect(shared.state).toBe(state);
      expect([...(await fetchComplaint(c.manager, shared.id)).availableActions].sort()).toEqual([...MANAGER_MAY[state]].sort());
    });

    it.each(Object.keys(MUTATION).filter((a) => !MANAGER_MAY[state].includes(a)))('refuses %s with CONFLICT and changes nothing', async (action) => {
      const x = shared;
      const before = await footprint(x.id);
      const result = await stepRequest(c.manager, MUTATION[action], x, args(action, x));
      expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(['COMPLAINT_WRONG_STATE', 'COMPLAINT_STEP_NOT_APPLICABLE']).toContain(result.errors?.[0].extensions?.reason);
      expect(await footprint(x.id)).toEqual(before);
    });

    // Ended states allow nothing: the first test of the block covers them.
    if (MANAGER_MAY[state].length === 0) return;
    it.each(MANAGER_MAY[state])('allows %s, with a timeline event and an audit entry', async (action) => {
      const x = await inState(state);
      const before = await footprint(x.id);
      const after = await step(c.manager, MUTATION[action], x, args(action, x));
      expect(after.state).toBe(AFTER[action] ?? state);
      expect(after.version).toBe(x.version + 1);
      expect(await footprint(x.id)).toEqual({ events: before.events + 1, audit: before.audit + 1, version: before.version + 1 });
    });
  });

  it('runs the whole way with materials, an appeal and a second round, keeping every step on the timeline', async () => {
    let x = await register(c.agent, baseComplaint(bj));
    x = await step(c.agent, 'requestComplaintMaterials', x, { materials: '费用清单', notifiedVia: 'sms' });
    x = await step(c.agent, 'acceptComplaint', x);
    x = await step(c.manager, 'assignComplaint', x, { assigneeId: agentId });
    expect(x.assigneeId).toBe(agentId);
    x = await step(c.agent, 'proposeComplaintResolution', x, { resolution: '解释说明', compensationFen: 0 });
    expect(x.approvalRequired).toBe(false);
    x = await step(c.agent, 'communicateComplaintDecision', x, { method: 'letter' });
    x = await step(c.agent, 'closeComplaint', x, { satisfaction: 2, note: '投诉人仍不满意' });
    x = await step(c.agent, 'appealComplaint', x, { reason: '投诉人申请复核' });
    expect(x.state).toBe('investigating');
    x = await step(c.agent, 'proposeComplaintResolution', x, { resolution: '复核后补偿 300 元', compensationFen: 30_000 });
    x = await step(c.agent, 'communicateComplaintDecision', x, { method: 'phone' });
    x = await step(c.agent, 'closeComplaint', x, { satisfaction: 4 });
    const full = await fetchComplaint(c.manager, x.id);
    expect(full.timeline!.map((e) => e.kind)).toEqual([
      'registered', 'materials_requested', 'accepted', 'assigned', 'resolution_proposed', 'decision_communicated', 'closed',
      'appealed', 'resolution_proposed', 'decision_communicated', 'closed',
    ]);
    expect(full.timeline![7]).toMatchObject({ fromState: 'closed', toState: 'investigating', data: { previousSatisfaction: 2, appeal: 1 } });
    expect(full.timeline![3]).toMatchObject({ kind: 'assigned', staffId: managerId, staffName: '王强', data: { assigneeId: Number(agentId) } });
    expect(full.timeline![6]).toMatchObject({ kind: 'closed', staffName: '李娜', note: '投诉人仍不满意', data: { satisfaction: 2 } });
    const actions: { action: string }[] = await server.db.query("SELECT action FROM audit_entry WHERE subject_type = 'Complaint' AND subject_id = ? ORDER BY seq", [x.id]);
    expect(actions.map((a) => a.action)).toEqual([
      'complaint.create', 'complaint.request_materials', 'complaint.accept', 'complaint.assign', 'complaint.propose_resolution',
      'complaint.communicate_decision', 'complaint.close', 'complaint.appeal', 'complaint.propose_resolution', 'complaint.communicate_decision', 'complaint.close',
    ]);
  });

  it('notifies the new handler on assignment', async () => {
    const x = await inState('accepted');
    await step(c.manager, 'assignComplaint', x, { assigneeId: agentId });
    const { myNotifications } = await c.agent.ok('{ myNotifications { kind complaintId title } }');
    expect(myNotifications[0]).toMatchObject({ kind: 'complaint_assigned', complaintId: x.id });
    expect(myNotifications[0].title).toContain(x.number);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const x = await inState('registered');
    await step(c.agent, 'acknowledgeComplaint', x);
    const result = await stepRequest(c.manager, 'acceptComplaint', x);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  describe('by role', () => {
    it('lets the agent work the steps of their branch but not assign or approve', async () => {
      const accepted = await inState('accepted');
      expect((await fetchComplaint(c.agent, accepted.id)).availableActions.sort()).toEqual(['mark_major', 'update', 'withdraw']);
      expect((await stepRequest(c.agent, 'assignComplaint', accepted, { assigneeId: agentId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const proposed = await inState('resolution_proposed');
      expect((await stepRequest(c.agent, 'approveComplaintResolution', proposed)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await stepRequest(c.agent, 'extendComplaintDeadline', proposed, { reason: '情况复杂' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it("hides another branch's complaint from an agent: NOT_FOUND, as if missing", async () => {
      const x = await inState('registered');
      expect((await c.agent2.request('query($id: ID!) { Complaint(id: $id) { id } }', { id: x.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await stepRequest(c.agent2, 'acceptComplaint', x)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await fetchComplaint(c.agent, x.id)).state).toBe('registered');
    });

    it('lets compliance read every branch and approve, but not work the case', async () => {
      const x = await inState('investigating');
      const proposed = await step(c.agent, 'proposeComplaintResolution', x, { resolution: '补偿 8 万元', compensationFen: 8_000_000 });
      expect((await fetchComplaint(c.compliance, x.id)).availableActions.sort()).toEqual(['approve_resolution', 'extend_deadline', 'reject_resolution']);
      expect((await stepRequest(c.compliance, 'communicateComplaintDecision', proposed, { method: 'phone' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await step(c.compliance, 'approveComplaintResolution', proposed)).state).toBe('approved');
    });

    it('lets the inspector read without contact details, and take no step', async () => {
      const x = await inState('registered');
      const seen = await fetchComplaint(c.inspector, x.id);
      expect(seen.number).toBe(x.number);
      expect(seen.complainantPhone).toBeNull();
      expect(seen.availableActions).toEqual([]);
      expect((await stepRequest(c.inspector, 'acceptComplaint', x)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await c.inspector.request('mutation { createComplaint(summary: "x") { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('gives the administrator no complaint at all, and records the refused attempt', async () => {
      const x = await inState('registered');
      const before = await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE outcome = 'denied' AND action = 'mutation.acceptComplaint'");
      expect((await c.admin.request('{ allComplaints { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await stepRequest(c.admin, 'acceptComplaint', x)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE outcome = 'denied' AND action = 'mutation.acceptComplaint'")).toBe(before + 1);
    });
  });
});
