import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { now } from '../../server/src/clock';
import { runRectificationEscalations } from '../../server/src/modules/quality/rectification-escalation';
import { setClock } from './complaints-helpers';
import { addStaff, branchIdOf, staffIdOf } from './rights-helpers';
import {
  auditCount,
  createInspection,
  createTeam,
  createTemplate,
  inspect,
  CREATE_RECTIFICATION,
  GET_RECTIFICATION,
  publishedInspection,
  rectificationStep,
  rectify,
  RECTIFICATION,
  sqlCount,
  type InspectionView,
  type RectificationView,
} from './quality-helpers';

// The rectification ledger: a finding of a published report becomes a rectification with an owner
// and a working-day due date; open → in progress → done (with evidence) → verified by an inspector
// who is not the owner, or reopened; overdue items are flagged and escalated; complaints point at them.
jest.setTimeout(90_000);

const LEDGER = `query($filter: QualityRectificationFilter) { allQualityRectifications(filter: $filter, perPage: 100) { id state overdue } _allQualityRectificationsMeta(filter: $filter) { count } }`;

describe('rectifications', () => {
  let server: TestServer;
  let inspector: GqlClient;
  let inspector2: GqlClient;
  let manager: GqlClient;
  let agent: GqlClient;
  let agent2: GqlClient;
  let agentId: string;
  let teamId: string;
  let templateId: string;

  async function signInAll() {
    [inspector, inspector2, manager, agent, agent2] = await Promise.all(['inspector', 'inspector2', 'manager', 'agent', 'agent2'].map((u) => server.signIn(u)));
  }

  async function newRectification(extra: Record<string, unknown> = {}): Promise<{ inspection: InspectionView; r: RectificationView }> {
    const inspection = await publishedInspection(inspector, inspector2, teamId, templateId);
    const r = (await inspector.ok<{ createQualityRectification: RectificationView }>(CREATE_RECTIFICATION, { findingId: inspection.findings[0].id, ownerId: agentId, requiredAction: '重新培训身份核验话术', dueWorkingDays: 5, ...extra })).createQualityRectification;
    return { inspection, r };
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 } });
    await addStaff(server, 'inspector2', ['inspector']);
    // Monday 2026-11-02, 10:00 in Beijing.
    setClock('2026-11-02T10:00:00+08:00');
    await signInAll();
    agentId = String(await staffIdOf(server, 'agent'));
    teamId = (await createTeam(inspector, '热线二组', await branchIdOf(server, 'BJ'))).id;
    templateId = (await createTemplate(inspector, 'T-RECT')).id;
  });
  afterAll(() => server.stop());

  it('is created from a finding of a published report only, with a due date on working days', async () => {
    const { inspection, r } = await newRectification();
    // 5 working days from Monday 2026-11-02 is Monday 2026-11-09; overdue after its end in Beijing.
    expect(r).toMatchObject({ state: 'open', ownerId: agentId, inspectionId: inspection.id, branchId: inspection.branchId, dueDate: '2026-11-09', dueAt: '2026-11-09T15:59:59.999Z', overdue: false });
    expect(r.number).toMatch(/^ZG2026-\d{6}$/);
    expect(await auditCount(server, 'quality_rectification.create', r.id)).toBe(1);
    // A due date on a weekend moves to the next working day.
    const second = await publishedInspection(inspector, inspector2, teamId, templateId);
    const weekend = (await inspector.ok<{ createQualityRectification: RectificationView }>(CREATE_RECTIFICATION, { findingId: second.findings[0].id, ownerId: agentId, requiredAction: '整改', dueDate: '2026-11-07' })).createQualityRectification;
    expect(weekend.dueDate).toBe('2026-11-09');
    // Bad input names the field and writes nothing.
    const before = await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_rectification');
    const again = await inspector.request(CREATE_RECTIFICATION, { findingId: inspection.findings[0].id, ownerId: agentId, requiredAction: 'x', dueWorkingDays: 3 });
    expect(again.errors?.[0]?.extensions?.fields).toEqual({ findingId: 'the finding already has a rectification' });
    const third = await publishedInspection(inspector, inspector2, teamId, templateId);
    const missing = await inspector.request(CREATE_RECTIFICATION, { findingId: third.findings[0].id });
    expect(missing.errors?.[0]?.extensions?.fields).toEqual({ ownerId: 'is required', requiredAction: 'is required' });
    const both = await inspector.request(CREATE_RECTIFICATION, { findingId: third.findings[0].id, ownerId: agentId, requiredAction: 'x', dueDate: '2026-12-01', dueWorkingDays: 3 });
    expect(both.errors?.[0]?.extensions?.fields).toEqual({ dueWorkingDays: 'give either dueDate or dueWorkingDays, not both' });
    const noOwner = await inspector.request(CREATE_RECTIFICATION, { findingId: third.findings[0].id, ownerId: '999999', requiredAction: 'x', dueWorkingDays: 3 });
    expect(noOwner.errors?.[0]?.extensions?.fields).toEqual({ ownerId: 'no such staff member' });
    // A finding of a report still in draft is not a rectification yet.
    const draft = await createInspection(inspector, { kind: 'periodic', teamId, templateId });
    const withFinding = await inspect(inspector, 'addQualityFinding', draft, { dimension: 'timeliness', severity: 'minor', description: '回复超时', needsAction: true });
    const early = await inspector.request(CREATE_RECTIFICATION, { findingId: withFinding.findings[0].id, ownerId: agentId, requiredAction: 'x', dueWorkingDays: 3 });
    expect(early.errors?.[0]?.extensions?.fields).toEqual({ findingId: 'findings become rectifications once their report is published' });
    expect(await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_rectification')).toBe(before);
    // An agent does not raise rectifications.
    expect(await agent.errorCode(CREATE_RECTIFICATION, { findingId: third.findings[0].id, ownerId: agentId, requiredAction: 'x', dueWorkingDays: 3 })).toBe('FORBIDDEN');
  });

  it('goes open → in progress → done with evidence → verified by an inspector who is not the owner, or reopened', async () => {
    let { r } = await newRectification();
    // Only the owner works on it; the owner cannot move their own due date.
    expect((await rectificationStep(inspector, 'startQualityRectification', r)).errors?.[0]?.extensions?.reason).toBe('RECTIFICATION_NOT_OWNER');
    expect((await rectificationStep(agent, 'updateQualityRectification', r, { dueWorkingDays: 30 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await agent2.errorCode(`query($id: ID!) { QualityRectification(id: $id) { id } }`, { id: r.id })).toBe('NOT_FOUND');
    expect(r.availableActions).toEqual(['update']);
    const asOwner = (await agent.ok<{ QualityRectification: RectificationView }>(GET_RECTIFICATION, { id: r.id })).QualityRectification;
    expect(asOwner.availableActions).toEqual(['start', 'complete']);
    expect((await manager.ok<{ QualityRectification: RectificationView }>(GET_RECTIFICATION, { id: r.id })).QualityRectification.availableActions).toEqual(['update']);
    r = await rectify(agent, 'startQualityRectification', r);
    expect(r.state).toBe('in_progress');
    const noEvidence = await rectificationStep(agent, 'completeQualityRectification', r, { evidence: '  ' });
    expect(noEvidence.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { evidence: 'is required: say what was done and where the proof is' } });
    expect((await rectificationStep(inspector, 'verifyQualityRectification', r)).errors?.[0]?.extensions?.reason).toBe('RECTIFICATION_WRONG_STATE');
    r = await rectify(agent, 'completeQualityRectification', r, { evidence: '培训签到表与考试成绩已上传 OA-2026-118' });
    expect(r).toMatchObject({ state: 'done', evidence: '培训签到表与考试成绩已上传 OA-2026-118' });
    expect(r.availableActions).toEqual([]);
    expect((await inspector2.ok<{ QualityRectification: RectificationView }>(GET_RECTIFICATION, { id: r.id })).QualityRectification.availableActions).toEqual(['verify', 'reopen']);
    // The owner cannot verify (not even with an inspector's rights), a manager cannot either.
    expect((await rectificationStep(agent, 'verifyQualityRectification', r)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await rectificationStep(manager, 'verifyQualityRectification', r)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Reopened by an inspector with a reason and a new due date, then done again and verified.
    const reopened = await rectify(inspector2, 'reopenQualityRectification', r, { reason: '抽听录音仍有未核验情况', dueWorkingDays: 3 });
    expect(reopened).toMatchObject({ state: 'reopened', reopenCount: 1, dueDate: '2026-11-05' });
    r = await rectify(agent, 'completeQualityRectification', reopened, { evidence: '复训记录 OA-2026-131' });
    r = await rectify(inspector2, 'verifyQualityRectification', r, { note: '抽听 10 通合格' });
    expect(r).toMatchObject({ state: 'verified', verifiedById: String(await staffIdOf(server, 'inspector2')) });
    for (const step of ['start', 'complete', 'reopen', 'verify']) expect(await auditCount(server, `quality_rectification.${step}`, r.id)).toBeGreaterThanOrEqual(1);
  });

  it('an inspector who owns a rectification cannot verify it', async () => {
    const inspection = await publishedInspection(inspector2, manager, teamId, templateId);
    let r = (await inspector2.ok<{ createQualityRectification: RectificationView }>(CREATE_RECTIFICATION, { findingId: inspection.findings[0].id, ownerId: String(await staffIdOf(server, 'inspector')), requiredAction: '修订质检细则', dueWorkingDays: 5 })).createQualityRectification;
    r = await rectify(inspector, 'completeQualityRectification', r, { evidence: '细则 v2 已发布' });
    const own = await rectificationStep(inspector, 'verifyQualityRectification', r);
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECTIFICATION_OWN_VERIFY' });
    expect((await rectify(inspector2, 'verifyQualityRectification', r)).state).toBe('verified');
  });

  it('is overdue after the end of its due day, filtered as such, and escalated once to the owner, the inspector and the branch managers', async () => {
    const { r } = await newRectification({ dueWorkingDays: 1 });
    expect(r.dueDate).toBe('2026-11-03');
    const job = () => runRectificationEscalations(server.db, server.config, now());
    const notified = (username: string) => sqlCount(server, "SELECT COUNT(*) AS n FROM notification n JOIN staff s ON s.id = n.staff_id WHERE s.username = ? AND n.kind = 'rectification_overdue' AND n.title LIKE ?", [username, `%${r.number}%`]);
    setClock('2026-11-03T23:59:00+08:00');
    await signInAll();
    expect((await job()).escalated).toBe(0);
    expect((await inspector.ok<{ QualityRectification: RectificationView }>(GET_RECTIFICATION, { id: r.id })).QualityRectification.overdue).toBe(false);
    setClock('2026-11-04T00:00:01+08:00');
    await signInAll();
    const overdue = (await manager.ok<{ allQualityRectifications: Array<{ id: string; overdue: boolean }>; _allQualityRectificationsMeta: { count: number } }>(LEDGER, { filter: { overdue: true } }));
    expect(overdue.allQualityRectifications.map((x) => x.id)).toContain(r.id);
    expect(overdue.allQualityRectifications.every((x) => x.overdue)).toBe(true);
    expect(overdue._allQualityRectificationsMeta.count).toBe(overdue.allQualityRectifications.length);
    const notOverdue = await manager.ok<{ allQualityRectifications: Array<{ id: string }> }>(LEDGER, { filter: { overdue: false } });
    expect(notOverdue.allQualityRectifications.map((x) => x.id)).not.toContain(r.id);
    await job();
    await job();
    expect(await notified('agent')).toBe(1);
    expect(await notified('inspector')).toBe(1);
    expect(await notified('manager')).toBe(1);
    expect(await notified('agent2')).toBe(0);
    expect(await auditCount(server, 'quality_rectification.escalate', r.id)).toBe(1);
    const escalated = (await inspector.ok<{ QualityRectification: RectificationView }>(GET_RECTIFICATION, { id: r.id })).QualityRectification;
    expect(escalated).toMatchObject({ overdue: true, escalatedAt: expect.any(String) });
    // Done is not overdue any more.
    const done = await rectify(agent, 'completeQualityRectification', escalated, { evidence: '已完成' });
    expect(done.overdue).toBe(false);
  });

  it('lets a complaint point at the rectification addressing its root cause', async () => {
    setClock('2026-11-05T10:00:00+08:00');
    await signInAll();
    const { r } = await newRectification();
    const [complaint]: Array<{ id: number; version: number }> = await server.db.query('SELECT c.id, c.version FROM complaint c JOIN branch b ON b.id = c.branch_id WHERE b.code = ? ORDER BY c.id LIMIT 1', ['BJ']);
    const LINK = `mutation($complaintId: ID!, $version: Int!, $rectificationId: ID) { linkComplaintRectification(complaintId: $complaintId, version: $version, rectificationId: $rectificationId) { id version rectificationId rectification { id number } } }`;
    const bad = await manager.request(LINK, { complaintId: String(complaint.id), version: complaint.version, rectificationId: '999999' });
    expect(bad.errors?.[0]?.extensions?.fields).toEqual({ rectificationId: 'no such rectification' });
    const linked = (await manager.ok<{ linkComplaintRectification: { version: number; rectificationId: string; rectification: { id: string; number: string } } }>(LINK, { complaintId: String(complaint.id), version: complaint.version, rectificationId: r.id })).linkComplaintRectification;
    expect(linked).toMatchObject({ rectificationId: r.id, rectification: { id: r.id, number: r.number }, version: complaint.version + 1 });
    // An inspector reads the link but does not change complaints.
    expect(await inspector.errorCode(LINK, { complaintId: String(complaint.id), version: linked.version, rectificationId: null })).toBe('FORBIDDEN');
    const fromRectification = await inspector.ok<{ QualityRectification: { complaints: Array<{ id: string }> } }>(`query($id: ID!) { QualityRectification(id: $id) { complaints { id } } }`, { id: r.id });
    expect(fromRectification.QualityRectification.complaints).toEqual([{ id: String(complaint.id) }]);
    const stale = await manager.request(LINK, { complaintId: String(complaint.id), version: complaint.version, rectificationId: null });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await auditCount(server, 'complaint.link_rectification', String(complaint.id))).toBe(1);
  });

  it('filters the ledger by owner, branch and state, and scopes it by role', async () => {
    const mine = await agent.ok<{ allQualityRectifications: Array<{ id: string }>; _allQualityRectificationsMeta: { count: number } }>(LEDGER, { filter: { mine: true } });
    const all = await inspector.ok<{ allQualityRectifications: Array<{ id: string }> }>(LEDGER, { filter: { ownerId: agentId } });
    expect(mine.allQualityRectifications.map((x) => x.id).sort()).toEqual(all.allQualityRectifications.map((x) => x.id).sort());
    const verified = await inspector.ok<{ allQualityRectifications: Array<{ state: string }> }>(LEDGER, { filter: { state: 'verified' } });
    expect(verified.allQualityRectifications.length).toBeGreaterThan(0);
    expect(verified.allQualityRectifications.every((x) => x.state === 'verified')).toBe(true);
    const sh = await inspector.ok<{ _allQualityRectificationsMeta: { count: number } }>(LEDGER, { filter: { branchId: String(await branchIdOf(server, 'SH')) } });
    expect(sh._allQualityRectificationsMeta.count).toBe(0);
    // The branch manager re-plans an open item of their branch: new owner and due date, audited.
    const { r } = await newRectification();
    const managerId = String(await staffIdOf(server, 'manager'));
    const replanned = await rectify(manager, 'updateQualityRectification', r, { ownerId: managerId, dueWorkingDays: 10 });
    expect(replanned).toMatchObject({ ownerId: managerId, dueDate: '2026-11-19', version: r.version + 1 });
    expect(await auditCount(server, 'quality_rectification.update', r.id)).toBe(1);
    // agent2 owns nothing and sees nothing.
    expect((await agent2.ok<{ _allQualityRectificationsMeta: { count: number } }>(LEDGER, {}))._allQualityRectificationsMeta.count).toBe(0);
    expect(RECTIFICATION).toContain('overdue');
  });
});
