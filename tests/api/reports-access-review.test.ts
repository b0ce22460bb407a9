import fs from 'node:fs';
import { sqlTime } from '../../server/src/db/columns';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, setClock, staffIdOf } from './complaints-helpers';
import { addStaff, CREATE_GRANT } from './rights-helpers';
import { download, GENERATE, generate, pdfOf, sheet, tableOf, xlsxSheets } from './reports-helpers';

// Report 4, access-review evidence, against access reviews, grants, accounts and audit entries written by
// hand (below) whose every figure was worked out on paper for 2026 Q3 (1 July – 30 September, Beijing
// time), generated on 22 November 2026 12:00 (the dormant accounts and standing violations are judged
// then; the access policy's dormant days are 90). A refused grant made through the API is counted too.
jest.setTimeout(120_000);

const KIND = 'access_review_evidence';
const Q3 = { kind: 'quarter', year: 2026, index: 3 };
const bj = (local: string) => sqlTime(new Date(`${local}:00+08:00`));

interface Campaign {
  name: string;
  scope: 'everyone' | 'branch' | 'role';
  scopeBranch?: 'BJ' | 'SH';
  rule: 'revoke' | 'keep_and_flag';
  status: 'open' | 'completed' | 'closed' | 'cancelled';
  created: string;
  due: string;
  closed: string | null;
  // [staff, grant (role name held), outcome, decision, decided at, settled at]
  items: Array<[string, string, string, 'keep' | 'revoke' | null, string | null, string | null]>;
}

// The comments give what each campaign adds to the company-wide Q3 figures.
const CAMPAIGNS: Record<string, Campaign> = {
  // Launched in Q2, closed at its deadline in Q3: c1 lapsed (kept, flagged) in Q3; c2 decided in Q2 (not counted).
  C: { name: '年中复核', scope: 'role', rule: 'keep_and_flag', status: 'closed', created: '2026-05-01T10:00', due: '2026-07-05T18:00', closed: '2026-07-05T18:00', items: [
    ['manager', 'manager', 'kept_flagged', null, null, '2026-07-05T18:00'],
    ['agent', 'agent', 'kept', 'keep', '2026-06-10T10:00', '2026-06-10T10:00'],
  ] },
  // Launched and completed in Q3: 2 kept, 1 revoked, 1 on a grant already ended.
  A: { name: '2026年三季度全员复核', scope: 'everyone', rule: 'revoke', status: 'completed', created: '2026-07-01T10:00', due: '2026-07-31T18:00', closed: '2026-07-20T10:00', items: [
    ['agent', 'agent', 'kept', 'keep', '2026-07-05T10:00', '2026-07-05T10:00'],
    ['agent2', 'agent', 'revoked', 'revoke', '2026-07-06T10:00', '2026-07-06T10:00'],
    ['manager', 'manager', 'already_ended', 'revoke', '2026-07-07T10:00', '2026-07-07T10:00'],
    ['inspector', 'inspector', 'kept', 'keep', '2026-07-20T10:00', '2026-07-20T10:00'],
  ] },
  // Shanghai only, closed at its deadline in Q3: 1 kept, 1 lapsed and revoked by the rule.
  B: { name: '上海分公司复核', scope: 'branch', scopeBranch: 'SH', rule: 'revoke', status: 'closed', created: '2026-08-01T10:00', due: '2026-08-31T18:00', closed: '2026-08-31T18:00', items: [
    ['agent2', 'agent', 'kept', 'keep', '2026-08-10T10:00', '2026-08-10T10:00'],
    ['agent2', 'inspector', 'revoked_at_deadline', null, null, '2026-08-31T18:00'],
  ] },
  // Cancelled in Q3.
  E: { name: '九月专项复核', scope: 'everyone', rule: 'revoke', status: 'cancelled', created: '2026-09-20T10:00', due: '2026-10-20T18:00', closed: '2026-09-25T10:00', items: [
    ['manager', 'manager', 'cancelled', null, null, '2026-09-25T10:00'],
    ['agent2', 'agent', 'cancelled', null, null, '2026-09-25T10:00'],
  ] },
  // Still open when generated: 1 pending, 1 kept in Q3.
  F: { name: '年末复核', scope: 'everyone', rule: 'keep_and_flag', status: 'open', created: '2026-09-28T10:00', due: '2026-12-31T18:00', closed: null, items: [
    ['agent', 'agent', 'pending', null, null, null],
    ['agent2', 'agent', 'kept', 'keep', '2026-09-29T10:00', '2026-09-29T10:00'],
  ] },
  // Launched in Q4, and ended in Q2: neither is in Q3.
  D: { name: '十月复核', scope: 'everyone', rule: 'revoke', status: 'open', created: '2026-10-10T10:00', due: '2026-12-10T18:00', closed: null, items: [['agent', 'agent', 'pending', null, null, null]] },
  G: { name: '一季度复核', scope: 'everyone', rule: 'revoke', status: 'completed', created: '2026-03-01T10:00', due: '2026-03-31T18:00', closed: '2026-04-01T10:00', items: [['agent', 'agent', 'kept', 'keep', '2026-03-05T10:00', '2026-03-05T10:00']] },
};

describe('access-review evidence report', () => {
  let server: TestServer;
  let compliance: GqlClient;
  let manager: GqlClient;
  let admin: GqlClient;
  const branch: Record<string, string> = {};
  const staff: Record<string, number> = {};
  const grantOf: Record<string, number> = {};
  const role: Record<string, number> = {};

  async function grantRole(username: string, roleName: string, status = 'active', revokedAt: string | null = null) {
    await server.db.query('INSERT INTO role_grant (staff_id, role_id, status, reason, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)', [
      staff[username], role[roleName], status, 'fixture', bj('2026-01-05T10:00'), revokedAt ? bj(revokedAt) : null,
    ]);
  }

  async function insertCampaign(c: Campaign): Promise<void> {
    const values: Record<string, unknown> = {
      name: c.name, description: '', scope: c.scope, scope_branch_id: c.scopeBranch ? Number(branch[c.scopeBranch]) : null, due_at: bj(c.due),
      remind_days_before: 3, deadline_rule: c.rule, status: c.status, created_by_id: staff.admin, closed_at: c.closed ? bj(c.closed) : null,
      version: 1, created_at: bj(c.created), updated_at: bj(c.created),
    };
    await server.db.query(`INSERT INTO access_review_campaign (${Object.keys(values).join(', ')}) VALUES (${Object.keys(values).map(() => '?').join(', ')})`, Object.values(values));
    const [{ id }] = await server.db.query('SELECT id FROM access_review_campaign WHERE name = ?', [c.name]);
    for (const [who, roleName, outcome, decision, decidedAt, settledAt] of c.items) {
      const [home] = await server.db.query('SELECT branch_id FROM staff WHERE id = ?', [staff[who]]);
      const item: Record<string, unknown> = {
        campaign_id: Number(id), grant_id: grantOf[`${who}:${roleName}`], staff_id: staff[who], staff_username: who, staff_name: who, branch_id: home.branch_id,
        role_id: role[roleName], role_name: roleName, role_label: roleName, grant_reason: 'fixture', granted_at: bj('2026-01-05T10:00'), reviewer_id: staff.admin,
        decision, comment: decision ? '复核意见' : null, decided_at: decidedAt ? bj(decidedAt) : null, decided_by_id: decision ? staff.admin : null,
        outcome, flagged: outcome === 'kept_flagged', settled_at: settledAt ? bj(settledAt) : null, created_at: bj(c.created),
      };
      await server.db.query(`INSERT INTO access_review_item (${Object.keys(item).join(', ')}) VALUES (${Object.keys(item).map(() => '?').join(', ')})`, Object.values(item));
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 4, policies: 4 } });
    await server.db.query('DELETE FROM access_review_item');
    await server.db.query('DELETE FROM access_review_campaign');
    for (const code of ['BJ', 'SH', 'HQ']) branch[code] = await branchIdOf(server, code);
    for (const r of await server.db.query('SELECT id, name FROM role')) role[r.name] = Number(r.id);
    // Separation of duties: a manager in each branch who also holds the administrator role (slipped in
    // around the grant workflow), both never signed in or idle since August, so dormant too; an account
    // idle 52 days (not dormant) and a disabled one (never dormant).
    await addStaff(server, 'sod_bj', ['manager'], 'BJ');
    await addStaff(server, 'sod_sh', ['manager'], 'SH');
    await addStaff(server, 'recent_sh', ['agent'], 'SH');
    await addStaff(server, 'gone_bj', ['agent'], 'BJ');
    for (const username of ['agent', 'agent2', 'manager', 'inspector', 'admin', 'compliance', 'sod_bj', 'sod_sh', 'recent_sh', 'gone_bj']) staff[username] = Number(await staffIdOf(server, username));
    await grantRole('sod_bj', 'admin');
    await grantRole('sod_sh', 'admin');
    await grantRole('agent2', 'inspector', 'revoked', '2026-08-31T18:00');
    await server.db.query('UPDATE staff SET created_at = ?, last_login_at = NULL WHERE username IN (?, ?, ?, ?)', [bj('2026-01-05T10:00'), 'sod_bj', 'sod_sh', 'recent_sh', 'gone_bj']);
    await server.db.query('UPDATE staff SET last_login_at = ? WHERE username = ?', [bj('2026-08-01T10:00'), 'sod_sh']);
    await server.db.query('UPDATE staff SET last_login_at = ? WHERE username = ?', [bj('2026-10-01T10:00'), 'recent_sh']);
    await server.db.query("UPDATE staff SET status = 'disabled' WHERE username = ?", ['gone_bj']);
    for (const g of await server.db.query('SELECT g.id, s.username, r.name FROM role_grant g JOIN staff s ON s.id = g.staff_id JOIN role r ON r.id = g.role_id')) {
      grantOf[`${g.username}:${g.name}`] = Number(g.id);
    }
    for (const c of Object.values(CAMPAIGNS)) await insertCampaign(c);
    // Grants refused in Q3: one for separation of duties (counted), one to oneself (not); one in Q2.
    const refusal = (seq: number, at: string, reason: string) =>
      server.db.query(
        "INSERT INTO audit_entry (seq, at, staff_id, staff_username, action, subject_type, outcome, reason, prev_hash, hash) VALUES (?, ?, ?, 'admin', 'mutation.createRoleGrant', 'RoleGrant', 'denied', ?, 'fixture', ?)",
        [seq, bj(at), staff.admin, reason, `fixture-${seq}`],
      );
    const sod = '王强 (manager) cannot hold "admin" with their other roles: separation of duties "reveal-vs-access-administration" (revealing customer data together with staff or role administration)';
    await refusal(1_000_001, '2026-08-10T10:00', sod);
    await refusal(1_000_002, '2026-08-11T10:00', 'Nobody grants a role to themselves: ask another administrator');
    await refusal(1_000_003, '2026-06-10T10:00', sod);
    setClock('2026-11-22T12:00:00+08:00');
    [compliance, manager, admin] = [await server.signIn('compliance'), await server.signIn('manager'), await server.signIn('admin')];
  });
  afterAll(() => server.stop());

  const campaign = (name: string, counts: Partial<Record<'items' | 'kept' | 'revoked' | 'lapsedRevoked' | 'lapsedFlagged' | 'alreadyEnded' | 'cancelled' | 'pending', number>>) => expect.objectContaining({
    name, items: 0, kept: 0, revoked: 0, lapsedRevoked: 0, lapsedFlagged: 0, alreadyEnded: 0, cancelled: 0, pending: 0, ...counts,
  });

  it('computes every figure of the company-wide quarter', async () => {
    const report = await generate(compliance, KIND, Q3);
    expect(report).toMatchObject({ kind: KIND, periodLabel: '2026-Q3', branchId: null, scopeName: '全公司', hashVerified: true });
    const c = report.content;
    expect(c.campaigns.rows).toEqual([
      campaign('年中复核', { items: 2, kept: 1, lapsedFlagged: 1 }),
      campaign('2026年三季度全员复核', { items: 4, kept: 2, revoked: 1, alreadyEnded: 1 }),
      campaign('上海分公司复核', { items: 2, kept: 1, lapsedRevoked: 1 }),
      campaign('九月专项复核', { items: 2, cancelled: 2 }),
      campaign('年末复核', { items: 2, kept: 1, pending: 1 }),
    ]);
    expect(c.campaigns.rows[1]).toMatchObject({ scope: 'everyone', status: 'completed', createdAt: new Date(`2026-07-01T10:00+08:00`).toISOString(), closedAt: new Date('2026-07-20T10:00+08:00').toISOString() });
    expect(c.campaigns).toMatchObject({ launched: 4, completed: 1, closed: 2, cancelled: 1, openNow: 1 });
    expect(c.items).toEqual({ reviewed: 6, kept: 4, revoked: 1, alreadyEnded: 1, lapsed: 2, lapsedRevoked: 1, lapsedFlagged: 1, grantsRevoked: 2 });
    expect(c.duties).toMatchObject({ standing: 2, staff: 2, refusedGrants: 1 });
    expect(c.duties.rows).toEqual([
      { rule: 'reveal-vs-access-administration', description: expect.any(String), staffId: staff.sod_bj, username: 'sod_bj', name: 'sod_bj', branchName: expect.any(String) },
      { rule: 'reveal-vs-access-administration', description: expect.any(String), staffId: staff.sod_sh, username: 'sod_sh', name: 'sod_sh', branchName: expect.any(String) },
    ]);
    // 90 days before 22 Nov 12:00: sod_bj never signed in since 5 Jan (321 days), sod_sh idle since 1 Aug (113 days).
    expect(c.dormant).toMatchObject({ days: 90, total: 2 });
    expect(c.dormant.byBranch.map((b: { branchId: number; count: number }) => [b.branchId, b.count])).toEqual(
      [[Number(branch.BJ), 1], [Number(branch.SH), 1]].sort((a, b) => a[0] - b[0]),
    );
    expect(c.dormant.accounts).toEqual([
      { staffId: staff.sod_bj, username: 'sod_bj', name: 'sod_bj', branchName: expect.any(String), lastLoginAt: null, idleDays: 321 },
      { staffId: staff.sod_sh, username: 'sod_sh', name: 'sod_sh', branchName: expect.any(String), lastLoginAt: new Date('2026-08-01T10:00+08:00').toISOString(), idleDays: 113 },
    ]);
    expect(tableOf(report, 'overview')).toEqual(expect.arrayContaining([['期间内进行的复核', 5], ['已复核项', 6], ['逾期未复核', 2], ['因复核撤销的授权', 2], ['职责分离冲突（现存）', 2], ['休眠账户', 2]]));
    expect(tableOf(report, 'campaigns')).toContainEqual(['2026年三季度全员复核', '全员', '已完成', '2026-07-01', '2026-07-31', '2026-07-20']);
    expect(tableOf(report, 'campaignItems')).toContainEqual(['2026年三季度全员复核', 4, 2, 1, 0, 0, 1, 0, 0]);
    // Every heading in words, none a missing label's key.
    expect(tableOf(report, 'items')[0][0]).toBe('指标');
    expect(tableOf(report, 'dormant')).toContainEqual(['sod_bj', 'sod_bj', expect.any(String), '从未登录', 321]);
  });

  it("computes a branch's share: its staff's review items, violations and dormant accounts", async () => {
    const c = (await generate(compliance, KIND, Q3, branch.BJ)).content;
    expect(c.campaigns.rows).toEqual([
      campaign('年中复核', { items: 2, kept: 1, lapsedFlagged: 1 }),
      campaign('2026年三季度全员复核', { items: 2, kept: 1, alreadyEnded: 1 }),
      campaign('九月专项复核', { items: 1, cancelled: 1 }),
      campaign('年末复核', { items: 1, pending: 1 }),
    ]);
    expect(c.campaigns).toMatchObject({ launched: 3, completed: 1, closed: 1, cancelled: 1, openNow: 1 });
    expect(c.items).toEqual({ reviewed: 2, kept: 1, revoked: 0, alreadyEnded: 1, lapsed: 1, lapsedRevoked: 0, lapsedFlagged: 1, grantsRevoked: 0 });
    // The refused grant was an HQ administrator's.
    expect(c.duties).toMatchObject({ standing: 1, staff: 1, refusedGrants: 0, rows: [expect.objectContaining({ username: 'sod_bj' })] });
    expect(c.dormant).toMatchObject({ total: 1, accounts: [expect.objectContaining({ username: 'sod_bj' })] });

    const sh = (await generate(compliance, KIND, Q3, branch.SH)).content;
    expect(sh.campaigns.rows.map((r: { name: string }) => r.name)).toEqual(['2026年三季度全员复核', '上海分公司复核', '九月专项复核', '年末复核']);
    expect(sh.items).toEqual({ reviewed: 3, kept: 2, revoked: 1, alreadyEnded: 0, lapsed: 1, lapsedRevoked: 1, lapsedFlagged: 0, grantsRevoked: 2 });
    expect(sh.duties).toMatchObject({ standing: 1, rows: [expect.objectContaining({ username: 'sod_sh' })] });
    expect(sh.dormant).toMatchObject({ total: 1, accounts: [expect.objectContaining({ username: 'sod_sh', idleDays: 113 })] });
  });

  it('gives a manager only what their rules let them read, and refuses other scopes', async () => {
    const report = await generate(manager, KIND, Q3, branch.BJ);
    const c = report.content;
    // A manager reads no campaigns nor separation-of-duties pairs; of the items only those they review (none here).
    expect(c.campaigns).toBeNull();
    expect(c.duties).toBeNull();
    expect(c.items).toEqual({ reviewed: 0, kept: 0, revoked: 0, alreadyEnded: 0, lapsed: 0, lapsedRevoked: 0, lapsedFlagged: 0, grantsRevoked: 0 });
    // Their branch's staff, whom they may read: the dormant Beijing account.
    expect(c.dormant).toMatchObject({ total: 1, accounts: [expect.objectContaining({ username: 'sod_bj' })] });
    expect(tableOf(report, 'overview')).toEqual(expect.arrayContaining([['期间内进行的复核', '无权查看（不计入）'], ['职责分离冲突（现存）', '无权查看（不计入）'], ['休眠账户', 1]]));
    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3 })).toBe('FORBIDDEN');
    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3, branchId: branch.SH })).toBe('FORBIDDEN');
    expect(await admin.errorCode(GENERATE, { kind: KIND, period: Q3 })).toBe('FORBIDDEN');
  });

  it('exports XLSX and PDF (Chinese) that read back with the figures', async () => {
    const report = await generate(compliance, KIND, Q3);
    const sheets = await xlsxSheets(await download(server, `/documents/compliance-reports/${report.id}.xlsx`, compliance.token));
    expect(sheet(sheets, '权限复核证据').flat()).toEqual(expect.arrayContaining(['2026-Q3（2026-07-01 ~ 2026-09-30）', '全公司', report.contentHash]));
    expect(sheet(sheets, '总体情况')).toEqual(expect.arrayContaining([['期间内发起', 4], ['已复核项', 6], ['撤销', 1], ['逾期按规则撤销', 1], ['逾期保留待跟进', 1], ['期间内因职责分离被拒的授权', 1], ['休眠认定天数', 90]]));
    expect(sheet(sheets, '复核活动')).toEqual(expect.arrayContaining([['上海分公司复核', '机构', '到期关闭', '2026-08-01', '2026-08-31', '2026-08-31']]));
    expect(sheet(sheets, '复核活动结果')).toEqual(expect.arrayContaining([['上海分公司复核', 2, 1, 0, 1, 0, 0, 0, 0]]));
    expect(sheet(sheets, '职责分离冲突明细')).toEqual(expect.arrayContaining([expect.arrayContaining(['reveal-vs-access-administration', 'sod_sh'])]));
    expect(sheet(sheets, '休眠账户明细')).toEqual(expect.arrayContaining([['sod_sh', 'sod_sh', expect.any(String), '2026-08-01', 113]]));

    const en = await xlsxSheets(await download(server, `/documents/compliance-reports/${report.id}.xlsx?locale=en`, compliance.token));
    expect(sheet(en, 'Overview')).toEqual(expect.arrayContaining([['Items reviewed', 6], ['Dormant accounts', 2]]));

    const { bytes, text } = await pdfOf(await download(server, `/documents/compliance-reports/${report.id}.pdf`, compliance.token));
    // To look at it: REPORT_PDF_OUT=/tmp/x.pdf.
    if (process.env.REPORT_PDF_OUT) fs.writeFileSync(process.env.REPORT_PDF_OUT, bytes);
    for (const expected of ['权限复核证据', '全公司', '2026-Q3', '复核活动', '2026年三季度全员复核', '上海分公司复核', '职责分离冲突明细', 'sod_bj', '休眠账户明细', '从未登录', '321', '口径说明', report.contentHash.slice(0, 16)]) {
      expect(text).toContain(expected);
    }
  });

  it('counts a grant the API refuses for separation of duties in the next report', async () => {
    const today = { kind: 'custom', from: '2026-11-22', to: '2026-11-22' };
    const before = (await generate(compliance, KIND, today)).content;
    const refused = await admin.request(CREATE_GRANT, { staffId: String(staff.manager), roleId: String(role.admin), reason: '兼任系统管理' });
    expect(refused.errors?.[0]?.extensions?.reason).toBe('DUTY_CONFLICT');
    const after = (await generate(compliance, KIND, today)).content;
    expect(after.duties.refusedGrants).toBe(before.duties.refusedGrants + 1);
    // Nothing was granted: the standing violations are the same two.
    expect(after.duties.standing).toBe(2);
  });
});
