import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { baseComplaint, branchIdOf, countOf, REGISTER, register, setClock, staffIdOf, step, stepRequest, type ComplaintView } from './complaints-helpers';

// Bad input gets a clear error naming the field, and nothing is written: no complaint, no number
// taken, no timeline event, no audit entry, no change to the record.
jest.setTimeout(60_000);

describe('bad complaint input is refused with the field named, and nothing is written', () => {
  let server: TestServer;
  let agent: GqlClient;
  let agent2: GqlClient;
  let manager: GqlClient;
  let admin: GqlClient;
  let compliance: GqlClient;
  let bj: string;
  let investigating: ComplaintView;
  let awaiting: ComplaintView;
  const otherId: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 } });
    setClock('2026-11-04T10:00:00+08:00');
    [agent, agent2, manager, admin, compliance] = [await server.signIn('agent'), await server.signIn('agent2'), await server.signIn('manager'), await server.signIn('admin'), await server.signIn('compliance')];
    bj = await branchIdOf(server, 'BJ');
    for (const name of ['agent2', 'compliance', 'inspector']) otherId[name] = await staffIdOf(server, name);
    let x = await register(agent, baseComplaint(bj));
    x = await step(agent, 'acceptComplaint', x);
    investigating = await step(manager, 'assignComplaint', x, { assigneeId: await staffIdOf(server, 'agent') });
    awaiting = await step(agent, 'requestComplaintMaterials', await register(agent, baseComplaint(bj)), { materials: '保单原件', notifiedVia: 'phone' });
  });
  afterAll(() => server.stop());

  async function snapshot() {
    return {
      complaints: await countOf(server, 'SELECT COUNT(*) AS n FROM complaint'),
      counters: await countOf(server, 'SELECT COALESCE(SUM(last_seq), 0) AS n FROM complaint_number_counter'),
      events: await countOf(server, 'SELECT COUNT(*) AS n FROM complaint_event'),
      audit: await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE outcome = 'success'"),
      versions: await countOf(server, 'SELECT SUM(version) AS n FROM complaint'),
      days: await countOf(server, 'SELECT COUNT(*) AS n FROM calendar_day'),
      policy: await countOf(server, 'SELECT version AS n FROM complaint_policy'),
    };
  }

  async function refused(run: () => Promise<GqlResult>, field: string, code = 'BAD_USER_INPUT'): Promise<GqlResult> {
    const before = await snapshot();
    const result = await run();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions?.code).toBe(code);
    expect(Object.keys(result.errors![0].extensions?.fields ?? {})).toContain(field);
    if (code === 'BAD_USER_INPUT') expect(result.errors![0].message).toContain(field);
    expect(await snapshot()).toEqual(before);
    return result;
  }

  const create = (extra: Record<string, unknown>, client = agent) => () => client.request(REGISTER, baseComplaint(bj, extra));

  describe('createComplaint', () => {
    it.each([
      ['summary', { summary: undefined }],
      ['summary', { summary: '   ' }],
      ['summary', { summary: '长'.repeat(201) }],
      ['category', { category: undefined }],
      ['channel', { channel: 'pigeon' }],
      ['complainantPhone', { complainantPhone: '12345' }],
      ['complainantEmail', { complainantEmail: 'not-an-address' }],
      ['complainantName', { complainantName: '' }],
      ['complainantPhone', { complainantPhone: null }],
      ['receivedAt', { receivedAt: '2026-11-05T10:00:00+08:00' }],
      ['receivedAt', { receivedAt: 'yesterday' }],
      ['regulatorReference', { channel: 'regulator', regulatorDueAt: '2026-11-20T17:00:00+08:00' }],
      ['regulatorDueAt', { channel: 'regulator', regulatorReference: '京银保监投〔2026〕1号' }],
      ['regulatorDueAt', { channel: 'regulator', regulatorReference: '京银保监投〔2026〕1号', regulatorDueAt: '2026-11-01T17:00:00+08:00' }],
      ['regulatorReference', { regulatorReference: '京银保监投〔2026〕1号' }],
      ['disputedAmountFen', { disputedAmountFen: -1 }],
      ['deathCount', { deathCount: -2 }],
      ['complainantCustomerId', { complainantCustomerId: '999999' }],
      ['policyId', { policyId: '999999' }],
    ])('refuses a bad %s', async (field, extra) => {
      await refused(create(extra), field);
    });

    it("refuses a customer or policy of another branch as if missing", async () => {
      const [policy] = (await server.db.query("SELECT p.id, p.holder_id FROM policy p JOIN branch b ON b.id = p.branch_id WHERE b.code = 'BJ' LIMIT 1")) as { id: number; holder_id: number }[];
      const sh = await branchIdOf(server, 'SH');
      await refused(() => agent2.request(REGISTER, baseComplaint(sh, { policyId: String(policy.id) })), 'policyId');
      await refused(() => agent2.request(REGISTER, baseComplaint(sh, { complainantCustomerId: String(policy.holder_id) })), 'complainantCustomerId');
    });

    it('refuses registering in another branch as not allowed, naming nothing written', async () => {
      const before = await snapshot();
      expect((await agent2.request(REGISTER, baseComplaint(bj))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('updateComplaint', () => {
    const UPDATE = `mutation($id: ID!, $version: Int!, $receivedAt: DateTimeISO, $complainantPhone: String, $summary: String) {
      updateComplaint(id: $id, version: $version, receivedAt: $receivedAt, complainantPhone: $complainantPhone, summary: $summary) { id version } }`;

    it('refuses moving the time received to another day, which the number carries', async () => {
      await refused(() => agent.request(UPDATE, { id: investigating.id, version: investigating.version, receivedAt: '2026-11-03T10:00:00+08:00' }), 'receivedAt');
    });

    it('refuses a masked phone that is not the mask shown, and keeps the number when the shown mask comes back', async () => {
      await refused(() => agent.request(UPDATE, { id: investigating.id, version: investigating.version, complainantPhone: '139****0000' }), 'complainantPhone');
      const kept = await agent.ok(UPDATE, { id: investigating.id, version: investigating.version, complainantPhone: investigating.complainantPhone, summary: '理赔款到账延迟' });
      expect(kept.updateComplaint.version).toBe(investigating.version + 1);
      const rows: { complainant_phone_hash: string }[] = await server.db.query('SELECT complainant_phone_hash FROM complaint WHERE id = ?', [Number(investigating.id)]);
      expect(rows[0].complainant_phone_hash).toHaveLength(64);
      investigating = { ...investigating, version: kept.updateComplaint.version };
    });
  });

  describe('workflow steps', () => {
    it.each([
      ['satisfaction', 'closeComplaint', { satisfaction: 6 }],
      ['satisfaction', 'closeComplaint', { satisfaction: 0 }],
      ['reason', 'withdrawComplaint', { reason: '  ' }],
      ['reason', 'withdrawComplaint', {}],
      ['compensationFen', 'proposeComplaintResolution', { resolution: '补偿', compensationFen: -100 }],
      ['resolution', 'proposeComplaintResolution', { resolution: ' ', compensationFen: 100 }],
    ])('refuses a bad %s (%s)', async (field, mutation, args) => {
      await refused(() => stepRequest(agent, mutation, investigating, args), field);
    });

    it('refuses a handler who does not exist, or cannot work complaints of the branch', async () => {
      await refused(() => stepRequest(manager, 'assignComplaint', investigating, { assigneeId: '999999' }), 'assigneeId');
      await refused(() => stepRequest(manager, 'assignComplaint', investigating, { assigneeId: investigating.assigneeId }), 'assigneeId');
      for (const other of ['agent2', 'compliance', 'inspector']) {
        const result = await refused(() => stepRequest(manager, 'assignComplaint', investigating, { assigneeId: otherId[other] }), 'assigneeId');
        expect(result.errors![0].extensions!.fields!.assigneeId).toMatch(/cannot work on complaints of this branch/);
      }
    });

    it('refuses materials said to arrive before they were asked for, or in the future', async () => {
      await refused(() => stepRequest(agent, 'acceptComplaint', awaiting, { materialsReceivedAt: '2026-11-01T10:00:00+08:00' }), 'materialsReceivedAt');
      await refused(() => stepRequest(agent, 'acceptComplaint', awaiting, { materialsReceivedAt: '2026-11-06T10:00:00+08:00' }), 'materialsReceivedAt');
    });

    it('refuses an unknown contact method', async () => {
      const x = await register(agent, baseComplaint(bj));
      await refused(() => stepRequest(agent, 'requestComplaintMaterials', x, { materials: '发票', notifiedVia: 'carrier_pigeon' }), 'notifiedVia');
    });
  });

  describe('calendar and policy', () => {
    const DAY = 'mutation($day: String, $kind: CalendarDayKind, $name: String) { createCalendarDay(day: $day, kind: $kind, name: $name) { id } }';
    const POLICY = `mutation($version: Int!, $ext: Int, $warn: Int, $limits: [ApprovalLimitInput!], $role: String) {
      updateComplaintPolicy(version: $version, regulatoryExtendedDays: $ext, warnAtPercent: $warn, approvalLimits: $limits, breachEscalationRole: $role) { version } }`;

    it.each([
      ['day', { day: '2027-02-30', kind: 'holiday', name: '不存在' }],
      ['kind', { day: '2027-02-03', kind: 'workday', name: '周三不能调休上班' }],
      ['name', { day: '2027-02-06' }],
    ])('refuses a calendar day with a bad %s', async (field, vars) => {
      await refused(() => admin.request(DAY, vars), field);
    });

    it('refuses a day already in the calendar with CONFLICT', async () => {
      await refused(() => admin.request(DAY, { day: '2026-10-01', kind: 'holiday', name: '国庆节' }), 'day', 'CONFLICT');
    });

    it.each([
      ['regulatoryExtendedDays', { ext: 10 }],
      ['warnAtPercent', { warn: 150 }],
      ['approvalLimits.0.role', { limits: [{ role: 'cashier', limitFen: 100 }] }],
      ['breachEscalationRole', { role: 'nobody' }],
    ])('refuses a policy with a bad %s', async (field, vars) => {
      const { complaintPolicy } = await compliance.ok('{ complaintPolicy { version } }');
      await refused(() => compliance.request(POLICY, { version: complaintPolicy.version, ...vars }), field);
    });
  });
});
