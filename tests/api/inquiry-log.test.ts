import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { addDays, todayIn } from '../../server/src/time/local-date';
import { CHANNEL_INQUIRY, channelRequest, countOf, createChannelKey, policiesOf, setQueryPassword, STAFF_INQUIRY, tuneSettings, type PolicyWithHolder } from './inquiry-helpers';

// Every inquiry is logged (channel, policy, outcome and reason, assisting staff, response time) and the
// log is listed, filtered, counted and exported for compliance; it feeds the inquiry indicators. The
// renewal and premium reminders are listed per branch and exported.

const LOG = `query L($filter: PolicyInquiryFilter, $sortField: String, $sortOrder: SortOrder) {
  allPolicyInquiries(filter: $filter, sortField: $sortField, sortOrder: $sortOrder, perPage: 100) { id at channel policyNumber policyId branchId outcome reason staffId channelKeyId sourceIp responseMs }
  _allPolicyInquiriesMeta(filter: $filter) { count }
}`;

describe('policy inquiry: the log, its indicators, and the reminders', () => {
  let server: TestServer;
  let compliance: GqlClient;
  let manager: GqlClient;
  let agent: GqlClient;
  let bj: PolicyWithHolder;
  let sh: PolicyWithHolder;
  let agentId: number;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 20, policies: 40 } });
    const admin = await server.signIn('admin');
    [compliance, manager, agent] = [await server.signIn('compliance'), await server.signIn('manager'), await server.signIn('agent')];
    await tuneSettings(admin, { minResponseMs: 0 });
    const key = (await createChannelKey(admin, 'website')).secret;
    [bj] = await policiesOf(server, 'BJ', 1);
    [sh] = await policiesOf(server, 'SH', 1);
    await setQueryPassword(manager, bj, '730215');
    await server.db.query('DELETE FROM inquiry_log');
    // The demo gives a few policies a query password: this one has none.
    await server.db.query('DELETE FROM policy_query_password WHERE policy_id = ?', [Number(sh.id)]);
    const right = { policyNumber: bj.policyNumber, idNumber: bj.holderIdNumber, queryPassword: '730215' };
    await channelRequest(server.url, key, CHANNEL_INQUIRY, { ...right, clientIp: '203.0.113.9' });
    await channelRequest(server.url, key, CHANNEL_INQUIRY, { ...right, queryPassword: '111112', clientIp: '203.0.113.9' });
    await channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: sh.policyNumber, idNumber: sh.holderIdNumber, queryPassword: 'whatever' });
    await agent.ok(STAFF_INQUIRY, { channel: 'counter', ...right });
    agentId = Number((await server.db.query("SELECT id FROM staff WHERE username = 'agent'"))[0].id);
  });
  afterAll(() => server.stop());

  it('lists every inquiry for compliance: channel, policy, outcome and reason, who assisted, response time', async () => {
    const { allPolicyInquiries, _allPolicyInquiriesMeta } = await compliance.ok(LOG, { sortField: 'at', sortOrder: 'ASC' });
    expect(_allPolicyInquiriesMeta.count).toBe(4);
    expect(allPolicyInquiries.map((i: { channel: string; outcome: string; reason: string }) => [i.channel, i.outcome, i.reason])).toEqual([
      ['website', 'verified', 'verified'],
      ['website', 'failed', 'password_mismatch'],
      ['website', 'failed', 'no_query_password'],
      ['counter', 'verified', 'verified'],
    ]);
    expect(allPolicyInquiries[0]).toMatchObject({ policyNumber: bj.policyNumber, policyId: bj.id, branchId: String(bj.branchId), sourceIp: '203.0.113.9', staffId: null });
    expect(allPolicyInquiries[3]).toMatchObject({ staffId: String(agentId), channelKeyId: null });
    for (const i of allPolicyInquiries) expect(typeof i.responseMs).toBe('number');
  });

  it('filters and counts on the server', async () => {
    const failed = await compliance.ok(LOG, { filter: { outcome: 'failed' } });
    expect(failed._allPolicyInquiriesMeta.count).toBe(2);
    const byStaff = await compliance.ok(LOG, { filter: { staffId: String(agentId), channel: 'counter' } });
    expect(byStaff._allPolicyInquiriesMeta.count).toBe(1);
    const byNumber = await compliance.ok(LOG, { filter: { policyNumber: bj.policyNumber.toLowerCase() } });
    expect(byNumber._allPolicyInquiriesMeta.count).toBe(3);
  });

  it("shows a manager their own branch's inquiries only, and no agent the log", async () => {
    const { allPolicyInquiries, _allPolicyInquiriesMeta } = await manager.ok(LOG);
    expect(_allPolicyInquiriesMeta.count).toBe(3);
    expect(allPolicyInquiries.every((i: { branchId: string }) => i.branchId === String(bj.branchId))).toBe(true);
    expect(await agent.errorCode(LOG)).toBe('FORBIDDEN');
  });

  it('counts the inquiry indicators by channel and outcome', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const { inquiryIndicators } = await compliance.ok('query I($from: DateTimeISO!, $to: DateTimeISO!) { inquiryIndicators(from: $from, to: $to) { channel outcome count averageResponseMs } }', { from, to });
    expect(inquiryIndicators.map((i: { channel: string; outcome: string; count: number }) => [i.channel, i.outcome, i.count])).toEqual([
      ['counter', 'verified', 1],
      ['website', 'failed', 2],
      ['website', 'verified', 1],
    ]);
  });

  it('exports the log as CSV, audited', async () => {
    const { exportPolicyInquiries } = await compliance.ok('mutation { exportPolicyInquiries(filter: { outcome: failed }) { filename csv rows } }');
    expect(exportPolicyInquiries.rows).toBe(2);
    expect(exportPolicyInquiries.csv).toContain('保单号');
    expect(exportPolicyInquiries.csv).toContain('password_mismatch');
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'export' AND subject_type = 'PolicyInquiry'")).toBe(1);
    expect(await manager.errorCode('mutation { exportPolicyInquiries { rows } }')).toBe('FORBIDDEN');
  });

  describe('renewal and premium reminders', () => {
    const REMINDERS = `query R($filter: PolicyReminderFilter) {
      allPolicyReminders(filter: $filter, perPage: 200) { id kinds renewalDate premiumDueDate daysLeft policy { id policyNumber branchId status expiryDate nextPremiumDueDate } }
      _allPolicyRemindersMeta(filter: $filter) { count }
    }`;
    let today: string;

    beforeAll(async () => {
      today = todayIn(server.config.defaultTimezone);
      // One policy of each kind in Beijing, at known distances, so the counts below are exact.
      const [a, b] = await policiesOf(server, 'BJ', 2);
      await server.db.query("UPDATE policy SET status = 'in_force', expiry_date = ?, next_premium_due_date = NULL WHERE id = ?", [addDays(today, 10), Number(a.id)]);
      await server.db.query("UPDATE policy SET status = 'in_force', expiry_date = ?, next_premium_due_date = ? WHERE id = ?", [addDays(today, 400), addDays(today, 20), Number(b.id)]);
    });

    async function expected(branchId: number | null, days: number, kind?: 'renewal' | 'premium'): Promise<number> {
      const to = addDays(today, days);
      const renewal = 'p.expiry_date >= ? AND p.expiry_date <= ?';
      const premium = 'p.next_premium_due_date >= ? AND p.next_premium_due_date <= ?';
      const due = kind === 'renewal' ? renewal : kind === 'premium' ? premium : `((${renewal}) OR (${premium}))`;
      const params = kind ? [today, to] : [today, to, today, to];
      return countOf(server, `SELECT COUNT(*) AS n FROM policy p JOIN customer c ON c.id = p.holder_id WHERE p.status = 'in_force' AND c.status = 'active' AND (${due})${branchId ? ' AND p.branch_id = ?' : ''}`, branchId ? [...params, branchId] : params);
    }

    it('lists in-force policies expiring or with premium due in the next N days, per branch', async () => {
      const { allPolicyReminders, _allPolicyRemindersMeta } = await manager.ok(REMINDERS, { filter: { withinDays: 30 } });
      expect(_allPolicyRemindersMeta.count).toBe(await expected(bj.branchId, 30));
      expect(allPolicyReminders.length).toBe(_allPolicyRemindersMeta.count);
      expect(allPolicyReminders.every((r: { policy: { branchId: string } }) => r.policy.branchId === String(bj.branchId))).toBe(true);
      const renewal = allPolicyReminders.find((r: { renewalDate: string | null }) => r.renewalDate === addDays(today, 10));
      expect(renewal).toMatchObject({ kinds: ['renewal'], daysLeft: 10 });
      const premium = allPolicyReminders.find((r: { premiumDueDate: string | null }) => r.premiumDueDate === addDays(today, 20));
      expect(premium).toMatchObject({ kinds: ['premium'], renewalDate: null, daysLeft: 20 });
      const onlyPremiums = await manager.ok(REMINDERS, { filter: { withinDays: 30, kind: 'premium' } });
      expect(onlyPremiums._allPolicyRemindersMeta.count).toBe(await expected(bj.branchId, 30, 'premium'));
      const soon = await manager.ok(REMINDERS, { filter: { withinDays: 15, kind: 'renewal' } });
      expect(soon._allPolicyRemindersMeta.count).toBe(await expected(bj.branchId, 15, 'renewal'));
    });

    it('gives compliance every branch, narrowed by branch on request, with the look-ahead of the settings by default', async () => {
      const all = await compliance.ok(REMINDERS, {});
      expect(all._allPolicyRemindersMeta.count).toBe(await expected(null, 30));
      const sh2 = await compliance.ok(REMINDERS, { filter: { branchId: String(sh.branchId), withinDays: 60 } });
      expect(sh2._allPolicyRemindersMeta.count).toBe(await expected(sh.branchId, 60));
    });

    it('exports the reminders as CSV through the same guards, audited', async () => {
      const { exportPolicyReminders } = await manager.ok('mutation { exportPolicyReminders(filter: { withinDays: 30 }) { csv rows } }');
      expect(exportPolicyReminders.rows).toBe(await expected(bj.branchId, 30));
      expect(exportPolicyReminders.csv.split('\r\n')[0]).toContain('提醒类型');
      expect(exportPolicyReminders.csv).toContain('续保');
      expect(exportPolicyReminders.csv).toContain('缴费');
      expect(await agent.errorCode('mutation { exportPolicyReminders { rows } }')).toBe('FORBIDDEN');
    });
  });
});
