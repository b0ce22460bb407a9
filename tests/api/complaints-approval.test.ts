import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { baseComplaint, branchIdOf, fetchComplaint, register, setClock, staffIdOf, step, stepRequest, type ComplaintView } from './complaints-helpers';

// Starting a server (migrations, demo data) takes longer than jest's default 5 s on MariaDB.
jest.setTimeout(60_000);

// Approval authority: a resolution above the proposer's authority (defaults: agent ¥1,000, manager
// ¥50,000, compliance unlimited) must be approved by someone else whose authority covers it.
const YUAN = 100;
const POLICY = '{ complaintPolicy { version approvalLimits { role limitFen } } }';
const SET_LIMITS = `mutation($version: Int!, $limits: [ApprovalLimitInput!]) {
  updateComplaintPolicy(version: $version, approvalLimits: $limits) { version approvalLimits { role limitFen } }
}`;

describe('approval authority', () => {
  let server: TestServer;
  let agent: GqlClient;
  let manager: GqlClient;
  let compliance: GqlClient;
  let bj: string;
  let agentId: string;
  let managerId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    setClock('2026-11-03T10:00:00+08:00');
    [agent, manager, compliance] = [await server.signIn('agent'), await server.signIn('manager'), await server.signIn('compliance')];
    bj = await branchIdOf(server, 'BJ');
    agentId = await staffIdOf(server, 'agent');
    managerId = await staffIdOf(server, 'manager');
  });
  afterAll(() => server.stop());

  /** A complaint under investigation by `handler`, with a resolution proposed by them. */
  async function proposedBy(handler: GqlClient, handlerId: string, fen: number): Promise<ComplaintView> {
    let x = await register(agent, baseComplaint(bj));
    x = await step(agent, 'acceptComplaint', x);
    x = await step(manager, 'assignComplaint', x, { assigneeId: handlerId });
    return step(handler, 'proposeComplaintResolution', x, { resolution: '补偿方案', compensationFen: fen });
  }

  it('ships the default authorities', async () => {
    const { complaintPolicy } = await compliance.ok(POLICY);
    expect(complaintPolicy.approvalLimits).toEqual([
      { role: 'agent', limitFen: 1_000 * YUAN },
      { role: 'manager', limitFen: 50_000 * YUAN },
      { role: 'compliance', limitFen: null },
    ]);
  });

  it('needs no approval up to the agent\'s ¥1,000, so the decision can be communicated at once', async () => {
    const x = await proposedBy(agent, agentId, 1_000 * YUAN);
    expect(x.approvalRequired).toBe(false);
    expect(x.availableActions).toContain('communicate_decision');
    expect((await fetchComplaint(manager, x.id)).availableActions).not.toContain('approve_resolution');
    expect((await step(agent, 'communicateComplaintDecision', x, { method: 'phone' })).state).toBe('communicated');
  });

  it('needs approval one fen above it: not communicable until a manager approves', async () => {
    const x = await proposedBy(agent, agentId, 1_000 * YUAN + 1);
    expect(x.approvalRequired).toBe(true);
    const early = await stepRequest(agent, 'communicateComplaintDecision', x, { method: 'phone' });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMPLAINT_STEP_NOT_APPLICABLE' });
    const approved = await step(manager, 'approveComplaintResolution', x);
    expect(approved.state).toBe('approved');
    const { timeline } = await fetchComplaint(manager, x.id);
    expect(timeline!.at(-1)).toMatchObject({ kind: 'resolution_approved', staffId: managerId });
  });

  it('lets the manager decide up to ¥50,000 alone, and sends more to compliance', async () => {
    expect((await proposedBy(manager, managerId, 50_000 * YUAN)).approvalRequired).toBe(false);
    const big = await proposedBy(manager, managerId, 50_000 * YUAN + 1);
    expect(big.approvalRequired).toBe(true);
    expect(big.availableActions).not.toContain('approve_resolution');
    expect((await fetchComplaint(compliance, big.id)).availableActions).toContain('approve_resolution');
    expect((await step(compliance, 'approveComplaintResolution', big)).state).toBe('approved');
  });

  it('never lets a proposer approve their own proposal, even with the authority for it', async () => {
    // The manager proposes ¥60,000 and also holds approve rights on the branch.
    const own = await proposedBy(manager, managerId, 60_000 * YUAN);
    const result = await stepRequest(manager, 'approveComplaintResolution', own);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COMPLAINT_OWN_PROPOSAL' });
    expect((await stepRequest(manager, 'rejectComplaintResolution', own, { reason: '自己驳回' })).errors?.[0].extensions?.reason).toBe('COMPLAINT_OWN_PROPOSAL');
    expect((await fetchComplaint(manager, own.id)).state).toBe('resolution_proposed');
  });

  it("refuses a manager approving above ¥50,000 and hides the button; compliance approves", async () => {
    const x = await proposedBy(agent, agentId, 80_000 * YUAN);
    expect((await fetchComplaint(manager, x.id)).availableActions).not.toContain('approve_resolution');
    const result = await stepRequest(manager, 'approveComplaintResolution', x);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COMPLAINT_ABOVE_AUTHORITY' });
    // Sending it back is not approving: a manager may reject what they could not approve.
    expect((await fetchComplaint(manager, x.id)).availableActions).toContain('reject_resolution');
    expect((await step(compliance, 'approveComplaintResolution', x)).approvalRequired).toBe(true);
  });

  it('sends a rejected resolution back to investigation for a new proposal', async () => {
    const x = await proposedBy(agent, agentId, 5_000 * YUAN);
    const back = await step(manager, 'rejectComplaintResolution', x, { reason: '补偿金额依据不足' });
    expect(back.state).toBe('investigating');
    expect((await step(agent, 'proposeComplaintResolution', back, { resolution: '调整后方案', compensationFen: 800 * YUAN })).approvalRequired).toBe(false);
  });

  it('follows the configured authorities, and audits their change', async () => {
    const { complaintPolicy } = await compliance.ok(POLICY);
    const limits = [{ role: 'agent', limitFen: 2_000 * YUAN }, { role: 'manager', limitFen: 50_000 * YUAN }, { role: 'compliance', limitFen: null }];
    const updated = (await compliance.ok(SET_LIMITS, { version: complaintPolicy.version, limits })).updateComplaintPolicy;
    expect(updated.approvalLimits[0]).toEqual({ role: 'agent', limitFen: 2_000 * YUAN });
    expect((await proposedBy(agent, agentId, 1_500 * YUAN)).approvalRequired).toBe(false);
    expect((await proposedBy(agent, agentId, 2_500 * YUAN)).approvalRequired).toBe(true);
    const audit: { changes: string }[] = await server.db.query("SELECT changes FROM audit_entry WHERE action = 'complaint_policy.update'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].changes).approvalLimits.from[0]).toEqual({ role: 'agent', limitFen: 1_000 * YUAN });
    // Agents and inspectors read the policy; they cannot change it.
    expect((await agent.request(SET_LIMITS, { version: updated.version, limits })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
