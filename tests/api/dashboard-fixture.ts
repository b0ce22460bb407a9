// Shared by the dashboard-* suites: a register, a quality ledger and an access-rights state built by hand,
// judged on Wednesday 25 November 2026, 10:00 Beijing time (02:00 UTC). Every figure the suites check was
// worked out from this fixture; the comments say which rows make it up. Each suite builds it over its own
// fresh database.
import { sqlTime } from '../../server/src/db/columns';
import { AccessReviewCampaign } from '../../server/src/modules/access-reviews/access-review-campaign.entity';
import { AccessReviewItem } from '../../server/src/modules/access-reviews/access-review-item.entity';
import { QualityFinding } from '../../server/src/modules/quality/quality-parts.entity';
import { QualityInspection } from '../../server/src/modules/quality/quality-inspection.entity';
import { QualityRectification } from '../../server/src/modules/quality/quality-rectification.entity';
import { QualityTeam } from '../../server/src/modules/quality/quality-team.entity';
import { seedDemo } from '../../server/src/seed/demo';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, setClock, staffIdOf } from './complaints-helpers';

const NOW = '2026-11-25T10:00:00+08:00';
const bj = (local: string) => sqlTime(new Date(`${local}+08:00`));
const HOUR = 3600_000;
const fromNow = (ms: number) => sqlTime(new Date(new Date(NOW).getTime() + ms));

interface Row {
  branch: 'BJ' | 'SH';
  state: string;
  assignee: string | null;
  receivedAt: string;
  nextDueAt: string | null;
  closedAt?: string;
}

// Next deadlines relative to NOW: overdue (passed), due soon (later today, Beijing), on time (later), paused (none).
const FIXTURE: Record<string, Row> = {
  K1: { branch: 'BJ', state: 'accepted', assignee: 'agent', receivedAt: '2026-11-24T09:00', nextDueAt: fromNow(-2 * HOUR) },
  // Monday 00:00 local: the first instant of the current week.
  K2: { branch: 'BJ', state: 'investigating', assignee: 'agent', receivedAt: '2026-11-23T00:00', nextDueAt: fromNow(5 * HOUR) },
  // Sunday 23:30 local (already Sunday 15:30 UTC): the previous week, though UTC and local weeks differ.
  // Due half an hour after midnight: tomorrow, so on time.
  K3: { branch: 'BJ', state: 'registered', assignee: 'agent', receivedAt: '2026-11-22T23:30', nextDueAt: fromNow(14 * HOUR + 30 * 60_000) },
  K4: { branch: 'BJ', state: 'awaiting_materials', assignee: 'agent', receivedAt: '2026-11-16T10:00', nextDueAt: null },
  // The branch's, not the agent's; received before the 12 weeks; the longest overdue.
  K5: { branch: 'BJ', state: 'registered', assignee: null, receivedAt: '2026-09-01T10:00', nextDueAt: fromNow(-24 * HOUR) },
  K6: { branch: 'BJ', state: 'closed', assignee: 'agent', receivedAt: '2026-11-10T10:00', nextDueAt: null, closedAt: '2026-11-20T16:00' },
  // Closed in the first week of the twelve (Mon 7 Sep), received before it.
  K7: { branch: 'BJ', state: 'closed', assignee: null, receivedAt: '2026-08-01T10:00', nextDueAt: null, closedAt: '2026-09-08T10:00' },
  // Shanghai, agent2's queue: S2 falls due at the last minute of today.
  S1: { branch: 'SH', state: 'accepted', assignee: 'agent2', receivedAt: '2026-11-24T11:00', nextDueAt: fromNow(-3 * HOUR) },
  S2: { branch: 'SH', state: 'registered', assignee: 'agent2', receivedAt: '2026-11-25T08:00', nextDueAt: bj('2026-11-25T23:59:59.999') },
  // Decision communicated, waiting for the return call: still open in the register, no clock counting.
  K8: { branch: 'BJ', state: 'communicated', assignee: 'agent', receivedAt: '2026-11-12T10:00', nextDueAt: null },
};

// Breach escalations around the quarter's start (1 October, Beijing): K5's is the last minute of Q3 in Beijing, S1's the first half hour of Q4.
const EVENTS: Array<[string, string, string]> = [
  ['K1', 'escalation_breach', '2026-11-20T10:00'],
  ['K5', 'escalation_breach', '2026-09-30T23:59'],
  ['S1', 'escalation_breach', '2026-10-01T00:30'],
  ['K2', 'escalation_warning', '2026-11-24T10:00'],
];

/** The suite's server, set by useDashboardFixture's beforeAll (an ES live binding: read it inside tests and hooks). */
export let server: TestServer;
/** Signed-in clients, branch ids (by code) and staff ids (by username), filled in by useDashboardFixture's beforeAll. */
export const as: Record<string, GqlClient> = {};
export const branch: Record<string, string> = {};
export const staff: Record<string, number> = {};

async function insertComplaint(name: string, row: Row, seq: number) {
  const columns: Record<string, unknown> = {
    number: `TS${row.receivedAt.slice(0, 10).replace(/-/g, '')}${String(seq).padStart(4, '0')}`,
    state: row.state,
    channel: 'hotline',
    complainant_name: `投诉人${name}`,
    branch_id: Number(branch[row.branch]),
    category: 'claims',
    severity: 'general',
    major_reasons: '[]',
    summary: `工作台 ${name}`,
    received_at: bj(row.receivedAt),
    assignee_id: row.assignee ? staff[row.assignee] : null,
    next_due_at: row.nextDueAt,
    closed_at: row.closedAt ? bj(row.closedAt) : null,
    version: 1,
    created_at: bj(row.receivedAt),
    updated_at: bj(row.receivedAt),
  };
  const names = Object.keys(columns);
  await server.db.query(`INSERT INTO complaint (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, Object.values(columns));
  const rows: { id: number }[] = await server.db.query('SELECT id FROM complaint WHERE summary = ?', [`工作台 ${name}`]);
  return Number(rows[0].id);
}

/** An SH counter-team inspection carried out this half-year, with a finding whose rectification (agent2's) fell due yesterday. */
async function insertOverdueRectification() {
  const at = new Date(NOW);
  const stamp = { version: 1, createdAt: at, updatedAt: at };
  const team = await server.db.getRepository(QualityTeam).findOneByOrFail({ branchId: Number(branch.SH), name: '柜面组' });
  const inspection = await server.db.getRepository(QualityInspection).save(
    Object.assign(new QualityInspection(), {
      kind: 'periodic', state: 'submitted', title: '定期质检 柜面组', templateId: null, branchId: team.branchId, teamId: team.id, period: '2026H2',
      complaintId: null, inspectorId: staff.inspector, summary: null, totalScore: null, submittedAt: at, revision: 1, correctsId: null, ...stamp,
    }),
  );
  const finding = await server.db.getRepository(QualityFinding).save(
    Object.assign(new QualityFinding(), { inspectionId: inspection.id, dimension: 'script_compliance', severity: 'minor', description: '未复述客户诉求', concernedStaffId: staff.agent2, concernedProcess: null, needsAction: true, copiedFromId: null }),
  );
  await server.db.getRepository(QualityRectification).save(
    Object.assign(new QualityRectification(), {
      findingId: finding.id, inspectionId: inspection.id, branchId: team.branchId, ownerId: staff.agent2, requiredAction: '复述诉求话术培训', dueDate: '2026-11-24', dueAt: new Date('2026-11-24T15:59:59.999Z'),
      state: 'in_progress', evidence: null, reopenCount: 0, createdById: staff.inspector, ...stamp,
    }),
  );
}

async function insertAccessState() {
  const at = new Date(NOW);
  const roles: { id: number; name: string }[] = await server.db.query('SELECT id, name FROM role');
  const roleId = (name: string) => Number(roles.find((r) => r.name === name)!.id);
  // Two grants waiting for a second administrator.
  for (const [who, role] of [['agent2', 'manager'], ['agent', 'inspector']] as const) {
    await server.db.query('INSERT INTO role_grant (staff_id, role_id, status, reason, granted_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?)', [staff[who], roleId(role), 'pending_approval', '临时支援', staff.admin, sqlTime(at)]);
  }
  const campaign = (name: string, status: string, dueAt: string) =>
    server.db.getRepository(AccessReviewCampaign).save(
      Object.assign(new AccessReviewCampaign(), { name, description: '', scope: 'everyone', scopeBranchId: null, scopeRoleId: null, reviewerId: null, dueAt: new Date(dueAt), remindDaysBefore: 3, deadlineRule: 'keep_and_flag', status, createdById: staff.admin, version: 1, createdAt: at, updatedAt: at }),
    );
  const open = await campaign('2026 年第四季度访问复核', 'open', '2026-12-01T09:59:59.999Z');
  const later = await campaign('分行复核', 'open', '2026-12-15T09:59:59.999Z');
  const closed = await campaign('2026 年第三季度访问复核', 'closed', '2026-10-01T09:59:59.999Z');
  // One item per grant and review: the demo staff's active grants.
  const grants: { id: number; staff_id: number }[] = await server.db.query('SELECT id, staff_id FROM role_grant WHERE status = ? ORDER BY id', ['active']);
  let next = 0;
  const item = (campaignId: number, outcome: string) =>
    Object.assign(new AccessReviewItem(), {
      campaignId, grantId: Number(grants[next++ % grants.length].id), staffId: staff.agent, staffUsername: 'agent', staffName: '李娜', branchId: Number(branch.BJ), roleId: roleId('agent'), roleName: 'agent', roleLabel: '客服专员',
      grantReason: 'demo', grantedAt: at, validUntil: null, reviewerId: staff.admin, decision: null, comment: null, decidedAt: null, decidedById: null, outcome, flagged: false, settledAt: null, createdAt: at,
    });
  // Undecided in open reviews: two in the first, one in the second; the decided one and the closed review's do not count.
  await server.db.getRepository(AccessReviewItem).save([item(open.id, 'pending'), item(open.id, 'pending'), item(open.id, 'kept'), item(later.id, 'pending'), item(closed.id, 'pending')]);
}

async function insertDataRightsRequests() {
  await server.db.query('DELETE FROM data_rights_request');
  const [{ id: customerId }]: { id: number }[] = await server.db.query('SELECT id FROM customer WHERE branch_id = ? ORDER BY id', [branch.BJ]);
  // Due by 25 December: D1 (retention ends 10 December) and D4 (ended 1 November); D2 too late, D3 not a deletion awaiting anonymisation.
  const rows: Array<[string, string, string | null]> = [['deletion', 'restricted', '2026-12-10'], ['deletion', 'restricted', '2027-06-01'], ['access', 'completed', null], ['deletion', 'restricted', '2026-11-01']];
  for (const [kind, status, retention] of rows) {
    await server.db.query(
      'INSERT INTO data_rights_request (kind, customer_id, branch_id, status, channel, received_at, retention_until, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
      [kind, customerId, branch.BJ, status, 'counter', bj('2026-11-02T10:00'), retention, bj('2026-11-02T10:00'), bj('2026-11-02T10:00')],
    );
  }
}

/**
 * Starts a server over a fresh database and builds the fixture before the suite's tests, and stops it after
 * them. Call at the top of the suite's describe block.
 */
export function useDashboardFixture(): void {
  jest.setTimeout(120_000);
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    // The demo data (its inspections, the rectification due in 10 working days) is seeded on the judging day.
    setClock(NOW);
    await seedDemo(server.db, server.config, { customers: 8, policies: 8 });
    // The demo register would blur the figures: start from an empty one.
    await server.db.query('DELETE FROM notification');
    await server.db.query('DELETE FROM complaint_event');
    await server.db.query('UPDATE complaint SET rectification_id = NULL');
    await server.db.query('DELETE FROM complaint');
    branch.BJ = await branchIdOf(server, 'BJ');
    branch.SH = await branchIdOf(server, 'SH');
    for (const username of ['agent', 'agent2', 'manager', 'inspector', 'compliance', 'admin']) {
      staff[username] = Number(await staffIdOf(server, username));
      as[username] = await server.signIn(username);
    }
    const ids: Record<string, number> = {};
    let seq = 0;
    for (const [name, row] of Object.entries(FIXTURE)) ids[name] = await insertComplaint(name, row, ++seq);
    for (const [name, kind, at] of EVENTS) {
      await server.db.query('INSERT INTO complaint_event (complaint_id, at, kind, data) VALUES (?, ?, ?, ?)', [ids[name], bj(at), kind, '{}']);
    }
    await insertOverdueRectification();
    await insertAccessState();
    await insertDataRightsRequests();
    // Signed in above; two accounts then go quiet for 100 days (the policy's default: dormant after 90).
    await server.db.query('UPDATE staff SET last_login_at = ? WHERE username IN (?, ?)', [fromNow(-100 * 24 * HOUR), 'inspector', 'compliance']);
  });
  afterAll(() => server.stop());
}
