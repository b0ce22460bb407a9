import fs from 'node:fs';
import { sqlTime } from '../../server/src/db/columns';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, setClock, staffIdOf } from './complaints-helpers';
import { download, GENERATE, generate, pdfOf, sheet, tableOf, xlsxSheets } from './reports-helpers';

// Report 3, policy-inquiry and information-security indicators, against an inquiry log and an audit trail
// written by hand (below) whose every figure was worked out on paper for 2026 Q3 (1 July – 30 September,
// Beijing time). Rows just outside the quarter check its bounds. A last test makes a reveal and a refusal
// through the API and sees them counted, so the fixture's rows are the shape the server writes.
jest.setTimeout(120_000);

const KIND = 'inquiry_security';
const Q3 = { kind: 'quarter', year: 2026, index: 3 };
const bj = (local: string) => sqlTime(new Date(`${local}:00+08:00`));

// [local time, channel, policy (BJ / SH / unknown), outcome, reason, response ms]
const INQUIRIES: Array<[string, string, 'BJ' | 'SH' | 'unknown', string, string, number]> = [
  ['2026-07-01T00:00', 'website', 'BJ', 'verified', 'verified', 100], // the first instant of Q3
  ['2026-07-02T09:00', 'website', 'BJ', 'failed', 'password_mismatch', 120],
  ['2026-07-02T09:01', 'website', 'BJ', 'failed', 'password_mismatch', 140],
  ['2026-07-02T09:02', 'website', 'BJ', 'locked', 'policy_locked', 10],
  ['2026-08-03T10:00', 'app', 'SH', 'verified', 'verified', 200],
  ['2026-08-03T11:00', 'app', 'unknown', 'failed', 'unknown_policy', 300],
  ['2026-08-03T11:01', 'app', 'unknown', 'rate_limited', 'source_rate_limited', 5],
  ['2026-09-01T10:00', 'hotline', 'BJ', 'verified', 'verified', 80],
  ['2026-09-01T11:00', 'hotline', 'SH', 'failed', 'id_mismatch', 90],
  ['2026-09-30T23:59', 'counter', 'SH', 'verified', 'verified', 60],
  ['2026-09-15T15:00', 'counter', 'SH', 'failed', 'other_branch', 70],
  ['2026-06-30T23:59', 'website', 'BJ', 'verified', 'verified', 1000], // Q2
  ['2026-10-01T00:00', 'hotline', 'BJ', 'failed', 'id_mismatch', 500], // Q4
];

// Audit entries: [local time, staff username or null, action, subject type, subject id, changes, outcome, reason]
type Entry = [string, string | null, string, string | null, string | null, Record<string, unknown> | null, string, string | null];

describe('policy-inquiry and information-security report', () => {
  let server: TestServer;
  let compliance: GqlClient;
  let manager: GqlClient;
  let agent: GqlClient;
  const branch: Record<string, string> = {};
  const policy: Record<string, { id: number; number: string }> = {};

  async function insertAudit(entries: Entry[]) {
    for (const [i, [at, who, action, type, id, changes, outcome, reason]] of entries.entries()) {
      const staffId = who ? Number(await staffIdOf(server, who)) : null;
      await server.db.query(
        'INSERT INTO audit_entry (seq, at, staff_id, staff_username, action, subject_type, subject_id, changes, reason, request_id, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [1_000_000 + i, bj(at), staffId, who, action, type, id, changes ? JSON.stringify(changes) : null, reason, `fixture-${i}`, outcome, 'fixture', `fixture-${i}`],
      );
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    await server.db.query('DELETE FROM inquiry_log');
    for (const code of ['BJ', 'SH']) {
      branch[code] = await branchIdOf(server, code);
      const [row] = await server.db.query('SELECT id, policy_number FROM policy WHERE branch_id = ? ORDER BY id LIMIT 1', [Number(branch[code])]);
      policy[code] = { id: Number(row.id), number: String(row.policy_number) };
    }
    for (const [at, channel, which, outcome, reason, ms] of INQUIRIES) {
      const known = which === 'unknown' ? null : policy[which];
      const staff = channel === 'hotline' || channel === 'counter' ? Number(await staffIdOf(server, which === 'SH' ? 'agent2' : 'agent')) : null;
      await server.db.query(
        'INSERT INTO inquiry_log (at, channel, policy_number, policy_id, branch_id, outcome, reason, staff_id, channel_key_id, source_ip, response_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [bj(at), channel, known?.number ?? 'P9999999999', known?.id ?? null, which === 'unknown' ? null : Number(branch[which]), outcome, reason, staff, null, '10.0.0.1', ms],
      );
    }
    // agent2 (Shanghai) also becomes a manager from 1 August; every demo grant dates from January, so the roles held at each reveal are known.
    await server.db.query('UPDATE role_grant SET created_at = ?', [bj('2026-01-01T00:00')]);
    const [{ id: managerRole }] = await server.db.query("SELECT id FROM role WHERE name = 'manager'");
    await server.db.query("INSERT INTO role_grant (staff_id, role_id, status, reason, created_at) VALUES (?, ?, 'active', 'fixture', ?)", [Number(await staffIdOf(server, 'agent2')), managerRole, bj('2026-08-01T00:00')]);
    const lock = (n: string) => ({ policyNumber: n, failures: 5, windowMinutes: 15, channel: 'website' });
    await insertAudit([
      // Lock-outs: two of the Beijing policy, one of an unknown number; one in Q4.
      ['2026-07-02T09:01', null, 'inquiry.lock', 'Policy', String(policy.BJ.id), lock(policy.BJ.number), 'failed', '5 failed verifications within 15 minutes'],
      ['2026-08-20T10:00', null, 'inquiry.lock', 'Policy', String(policy.BJ.id), lock(policy.BJ.number), 'failed', '5 failed verifications within 15 minutes'],
      ['2026-08-03T11:00', null, 'inquiry.lock', null, null, lock('P9999999999'), 'failed', '5 failed verifications within 15 minutes'],
      ['2026-10-02T10:00', null, 'inquiry.lock', 'Policy', String(policy.SH.id), lock(policy.SH.number), 'failed', '5 failed verifications within 15 minutes'],
      // Reveals: the manager four times (customer 101 twice), agent2 once; one in Q4.
      ['2026-07-10T10:00', 'manager', 'reveal', 'Customer', '101', { field: 'idNumber' }, 'success', '核实身份'],
      ['2026-07-11T10:00', 'manager', 'reveal', 'Customer', '101', { field: 'idNumber' }, 'success', '核实身份'],
      ['2026-08-05T10:00', 'manager', 'reveal', 'Customer', '102', { field: 'phone' }, 'success', '回访客户'],
      ['2026-09-01T10:00', 'manager', 'reveal', 'Complaint', '5', { field: 'complainantPhone' }, 'success', '联系投诉人'],
      ['2026-08-20T10:00', 'agent2', 'reveal', 'Customer', '103', { field: 'idNumber' }, 'success', '核实身份'],
      ['2026-10-02T10:00', 'manager', 'reveal', 'Customer', '104', { field: 'idNumber' }, 'success', '核实身份'],
      // Refusals: the agent twice, agent2 once, a sign-in without a known account; one in Q2. Successes do not count.
      ['2026-07-15T10:00', 'agent', 'query.allAuditEntries', 'AuditEntry', null, null, 'denied', 'operation not allowed for this role'],
      ['2026-07-16T10:00', 'agent', 'query.allAuditEntries', 'AuditEntry', null, null, 'denied', 'operation not allowed for this role'],
      ['2026-08-21T10:00', 'agent2', 'mutation.reveal', 'Customer', '9', null, 'denied', 'No such record'],
      ['2026-09-02T10:00', null, 'auth.login', 'Staff', '77', null, 'denied', 'account locked'],
      ['2026-06-30T10:00', 'agent', 'query.allAuditEntries', 'AuditEntry', null, null, 'denied', 'operation not allowed for this role'],
      ['2026-07-20T10:00', 'agent', 'auth.login', 'Staff', null, null, 'success', null],
    ]);
    setClock('2026-11-22T12:00:00+08:00');
    [compliance, manager, agent] = [await server.signIn('compliance'), await server.signIn('manager'), await server.signIn('agent')];
  });
  afterAll(() => server.stop());

  const row = (channel: string, total: number, verified: number, failed: number, locked: number, rateLimited: number, failureRate: number | null, meanMs: number | null, medianMs: number | null, p90Ms: number | null, maxMs: number | null) => ({
    channel, total, verified, failed, locked, rateLimited, failureRate, meanMs, medianMs, p90Ms, maxMs,
  });
  const reasons = (set: Record<string, number>) => ['unknown_policy', 'id_mismatch', 'password_mismatch', 'no_query_password', 'other_branch'].map((key) => ({ key, count: set[key] ?? 0 }));

  it('computes every figure of the company-wide quarter', async () => {
    const report = await generate(compliance, KIND, Q3);
    expect(report).toMatchObject({ kind: KIND, periodLabel: '2026-Q3', branchId: null, scopeName: '全公司', hashVerified: true });
    const c = report.content;
    expect(c.scope).toEqual({ branchId: null, name: '全公司' });
    // website 100,120,140,10; app 200,300,5; hotline 80,90; counter 60,70 (ms).
    expect(c.inquiries.byChannel).toEqual([
      row('website', 4, 1, 2, 1, 0, 0.67, 92.5, 110, 140, 140),
      row('app', 3, 1, 1, 0, 1, 0.5, 168.33, 200, 300, 300),
      row('hotline', 2, 1, 1, 0, 0, 0.5, 85, 85, 90, 90),
      row('counter', 2, 1, 1, 0, 0, 0.5, 65, 65, 70, 70),
    ]);
    // All 11: sorted 5 10 60 70 80 90 100 120 140 200 300 → median the 6th (90), p90 the ⌈9.9⌉ = 10th (200); mean 1175 / 11.
    expect(c.inquiries.totals).toEqual(row('all', 11, 4, 5, 1, 1, 0.56, 106.82, 90, 200, 300));
    expect(c.inquiries.failureReasons).toEqual(reasons({ unknown_policy: 1, id_mismatch: 1, password_mismatch: 2, other_branch: 1 }));
    expect(c.lockouts).toEqual({ locks: 3, policyNumbers: 2 });
    expect(c.reveals).toMatchObject({ total: 5, staff: 2, records: 4 });
    expect(c.reveals.byStaff).toEqual([
      { staffId: Number(await staffIdOf(server, 'manager')), username: 'manager', name: '王强', reveals: 4, records: 3 },
      { staffId: Number(await staffIdOf(server, 'agent2')), username: 'agent2', name: '陈静', reveals: 1, records: 1 },
    ]);
    // agent2 holds agent and manager: only the manager role may reveal, so every reveal counts under it once.
    expect(c.reveals.byRole).toEqual([{ role: 'manager', label: '客服主管', reveals: 5, staff: 2 }]);
    expect(c.reveals.byField).toEqual([
      { key: 'Customer.idNumber', count: 3 },
      { key: 'Complaint.complainantPhone', count: 1 },
      { key: 'Customer.phone', count: 1 },
    ]);
    expect(c.refusals).toMatchObject({ total: 4, staff: 2 });
    expect(c.refusals.byAction).toEqual([
      { key: 'query.allAuditEntries', count: 2 },
      { key: 'auth.login', count: 1 },
      { key: 'mutation.reveal', count: 1 },
    ]);
    expect(c.refusals.byStaff).toEqual([
      { staffId: Number(await staffIdOf(server, 'agent')), username: 'agent', count: 2 },
      { staffId: null, username: '—', count: 1 },
      { staffId: Number(await staffIdOf(server, 'agent2')), username: 'agent2', count: 1 },
    ]);
    // The console's tables come from the same content.
    expect(tableOf(report, 'overview')).toEqual(expect.arrayContaining([['保单查询次数', 11], ['验证失败率', '56%'], ['查询锁定次数', 3], ['敏感信息查看次数', 5], ['越权访问被拒次数', 4]]));
    expect(tableOf(report, 'channel')).toContainEqual(['官网', 4, 1, 2, '67%', 1, 0]);
    expect(tableOf(report, 'responseTime')).toContainEqual(['官网', 92.5, 110, 140, 140]);
    expect(tableOf(report, 'revealsByRole')).toEqual([['角色', '敏感信息查看次数', '人数'], ['客服主管', 5, 2]]);
  });

  it("computes a branch's share: its policies' inquiries and lock-outs, its staff's reveals and refusals", async () => {
    const c = (await generate(compliance, KIND, Q3, branch.BJ)).content;
    // Beijing: website as above, hotline 80 → all 100,120,140,10,80.
    expect(c.inquiries.byChannel).toEqual([
      row('website', 4, 1, 2, 1, 0, 0.67, 92.5, 110, 140, 140),
      row('app', 0, 0, 0, 0, 0, null, null, null, null, null),
      row('hotline', 1, 1, 0, 0, 0, 0, 80, 80, 80, 80),
      row('counter', 0, 0, 0, 0, 0, null, null, null, null, null),
    ]);
    expect(c.inquiries.totals).toEqual(row('all', 5, 2, 2, 1, 0, 0.5, 90, 100, 140, 140));
    expect(c.inquiries.failureReasons).toEqual(reasons({ password_mismatch: 2 }));
    expect(c.lockouts).toEqual({ locks: 2, policyNumbers: 1 });
    expect(c.reveals).toMatchObject({ total: 4, staff: 1, records: 3, byRole: [{ role: 'manager', label: '客服主管', reveals: 4, staff: 1 }] });
    expect(c.refusals).toEqual({ total: 2, staff: 1, byAction: [{ key: 'query.allAuditEntries', count: 2 }], byStaff: [{ staffId: Number(await staffIdOf(server, 'agent')), username: 'agent', count: 2 }] });

    const sh = (await generate(compliance, KIND, Q3, branch.SH)).content;
    expect(sh.inquiries.totals).toEqual(row('all', 4, 2, 2, 0, 0, 0.5, 105, 80, 200, 200));
    expect(sh.lockouts).toEqual({ locks: 0, policyNumbers: 0 });
    expect(sh.reveals).toMatchObject({ total: 1, staff: 1, records: 1 });
    expect(sh.refusals).toMatchObject({ total: 1, staff: 1 });
  });

  it("gives a manager their branch's inquiries and no audit-trail figures (they may not read it), and refuses other scopes", async () => {
    const report = await generate(manager, KIND, Q3, branch.BJ);
    const c = report.content;
    expect(c.inquiries.totals).toEqual(row('all', 5, 2, 2, 1, 0, 0.5, 90, 100, 140, 140));
    expect(c.lockouts).toBeNull();
    expect(c.reveals).toBeNull();
    expect(c.refusals).toBeNull();
    expect(tableOf(report, 'overview')).toEqual(expect.arrayContaining([['保单查询次数', 5], ['敏感信息查看次数', '无权查看（不计入）']]));
    expect(tableOf(report, 'revealsByStaff')).toEqual([['用户名', '姓名', '敏感信息查看次数', '记录数'], ['无权查看（不计入）']]);
    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3 })).toBe('FORBIDDEN');
    expect(await manager.errorCode(GENERATE, { kind: KIND, period: Q3, branchId: branch.SH })).toBe('FORBIDDEN');
    expect(await agent.errorCode(GENERATE, { kind: KIND, period: Q3, branchId: branch.BJ })).toBe('FORBIDDEN');
  });

  it('exports XLSX and PDF (Chinese) that read back with the figures', async () => {
    const report = await generate(compliance, KIND, Q3);
    const sheets = await xlsxSheets(await download(server, `/documents/compliance-reports/${report.id}.xlsx`, compliance.token));
    expect(sheet(sheets, '查询与信息安全指标').flat()).toEqual(expect.arrayContaining(['2026-Q3（2026-07-01 ~ 2026-09-30）', '全公司', report.contentHash]));
    expect(sheet(sheets, '总体情况')).toEqual(expect.arrayContaining([['保单查询次数', 11], ['验证失败', 5], ['验证失败率', '56%'], ['平均响应（毫秒）', 106.82], ['响应90分位（毫秒）', 200], ['被锁定保单号', 2], ['涉及记录数', 4]]));
    expect(sheet(sheets, '按查询渠道')).toEqual(expect.arrayContaining([['App', 3, 1, 1, '50%', 0, 1], ['合计', 11, 4, 5, '56%', 1, 1]]));
    expect(sheet(sheets, '查询响应时间')).toEqual(expect.arrayContaining([['App', 168.33, 200, 300, 300], ['合计', 106.82, 90, 200, 300]]));
    expect(sheet(sheets, '验证失败原因')).toEqual(expect.arrayContaining([['查询密码错误', 2], ['保单号不存在', 1], ['未设置查询密码', 0]]));
    expect(sheet(sheets, '敏感信息查看（按员工）')).toEqual([['用户名', '姓名', '敏感信息查看次数', '记录数'], ['manager', '王强', 4, 3], ['agent2', '陈静', 1, 1]]);
    expect(sheet(sheets, '敏感信息查看（按字段）')).toEqual(expect.arrayContaining([['客户证件号码', 3], ['投诉人电话', 1]]));
    expect(sheet(sheets, '越权访问被拒（按操作）')).toEqual(expect.arrayContaining([['query.allAuditEntries', 2], ['auth.login', 1]]));

    const en = await xlsxSheets(await download(server, `/documents/compliance-reports/${report.id}.xlsx?locale=en`, compliance.token));
    expect(sheet(en, 'Overview')).toEqual(expect.arrayContaining([['Policy inquiries', 11], ['Verification failure rate', '56%']]));

    const { bytes, text } = await pdfOf(await download(server, `/documents/compliance-reports/${report.id}.pdf`, compliance.token));
    // To look at it: REPORT_PDF_OUT=/tmp/x.pdf.
    if (process.env.REPORT_PDF_OUT) fs.writeFileSync(process.env.REPORT_PDF_OUT, bytes);
    for (const expected of ['查询与信息安全指标', '全公司', '2026-Q3', '按查询渠道', '官网', '67%', '106.82', '168.33', '敏感信息查看（按角色）', '客服主管', '越权访问被拒', 'query.allAuditEntries', '口径说明', report.contentHash.slice(0, 16)]) {
      expect(text).toContain(expected);
    }
  });

  it('counts a reveal and a refusal made through the API in the next report', async () => {
    const today = { kind: 'custom', from: '2026-11-22', to: '2026-11-22' };
    const before = (await generate(compliance, KIND, today)).content;
    const [{ id: customerId }] = await server.db.query('SELECT id FROM customer WHERE branch_id = ? ORDER BY id LIMIT 1', [Number(branch.BJ)]);
    await manager.ok('mutation R($id: ID!) { reveal(type: "Customer", id: $id, field: "idNumber", reason: "核实客户身份") }', { id: String(customerId) });
    expect(await agent.errorCode('{ allAuditEntries(perPage: 1) { id } }')).toBe('FORBIDDEN');
    const after = (await generate(compliance, KIND, today)).content;
    expect(after.reveals.total).toBe(before.reveals.total + 1);
    expect(after.reveals.byField).toContainEqual({ key: 'Customer.idNumber', count: 1 });
    const refused = (c: typeof after) => c.refusals.byAction.find((r: { key: string }) => r.key === 'query.allAuditEntries')?.count ?? 0;
    expect(refused(after)).toBe(refused(before) + 1);
    expect(after.refusals.total).toBe(before.refusals.total + 1);
  });
});
