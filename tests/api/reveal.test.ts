// Revealing a masked field: who may, with what reason, and the audit trail it leaves either way.
import { mask } from '../../server/src/access/mask';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { countRows, customersOf, expectDeniedAndAudited, refusal, signInAll, type Fixture } from './access-helpers';

const REVEAL = `mutation R($type: String!, $id: ID!, $field: String!, $reason: String!) {
  reveal(type: $type, id: $id, field: $field, reason: $reason)
}`;
const REASON = '客户来电核实身份，需核对证件号码';

interface AuditRow { id: number; staff_id: number; action: string; subject_type: string; subject_id: string; reason: string; outcome: string; changes: string }

describe('reveal', () => {
  let server: TestServer;
  let f: Fixture;
  let bj: Customer[];
  let sh: Customer[];
  const reveal = (role: keyof Fixture['clients'], id: number | string, field = 'idNumber', reason = REASON) =>
    f.clients[role].request<{ reveal: string | null }>(REVEAL, { type: 'Customer', id: String(id), field, reason });
  const auditOf = (staffId: number): Promise<AuditRow[]> => server.db.query('SELECT * FROM audit_entry WHERE staff_id = ? ORDER BY seq', [staffId]);
  const revealsBy = (staffId: number) => countRows(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE staff_id = ? AND action = 'reveal'", [staffId]);

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 40, policies: 20 } });
    f = await signInAll(server);
    bj = (await customersOf(server, f.branch.BJ)).filter((c) => c.phone && c.email && c.address);
    sh = await customersOf(server, f.branch.SH);
    expect(bj.length).toBeGreaterThan(2);
  });
  afterAll(() => server.stop());

  it('gives a manager the clear ID number of a customer of their branch, and audits who, what and why', async () => {
    const c = bj[0];
    const shown = (await f.clients.manager.ok(`{ Customer(id: ${c.id}) { idNumber } }`)).Customer.idNumber;
    expect(shown).toBe(mask('idNumber', c.idNumber));
    const result = await reveal('manager', c.id);
    expect(result.errors).toBeUndefined();
    expect(result.data!.reveal).toBe(c.idNumber);
    expect(result.data!.reveal).not.toBe(shown);

    const entries = (await auditOf(f.staffId.manager)).filter((e) => e.action === 'reveal');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subject_type: 'Customer', subject_id: String(c.id), reason: REASON, outcome: 'success' });
    expect(Number(entries[0].staff_id)).toBe(f.staffId.manager);
    expect(JSON.stringify(entries[0])).not.toContain(c.idNumber);
    expect(entries[0].changes).toContain('idNumber');
  });

  it('reveals phone, e-mail and address the same way, each exactly as stored', async () => {
    const c = bj[1];
    for (const field of ['phone', 'email', 'address'] as const) {
      const result = await reveal('manager', c.id, field);
      expect(result.errors).toBeUndefined();
      expect(result.data!.reveal).toBe(c[field]);
    }
    // Revealing does not unmask anything else: the record still reads masked.
    const after = (await f.clients.manager.ok(`{ Customer(id: ${c.id}) { phone email address } }`)).Customer;
    expect(after).toEqual({ phone: mask('phone', c.phone), email: mask('email', c.email), address: mask('address', c.address) });
  });

  it.each([
    ['empty', ''],
    ['blank', '    '],
    ['too short', '看看'],
  ])('refuses a reveal whose reason is %s as BAD_USER_INPUT on reason, and reveals nothing', async (_label, reason) => {
    const before = await revealsBy(f.staffId.manager);
    const result = await reveal('manager', bj[0].id, 'idNumber', reason);
    const error = refusal(result);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fields ?? {})).toEqual(['reason']);
    expect(JSON.stringify(result)).not.toContain(bj[0].idNumber);
    expect(await revealsBy(f.staffId.manager)).toBe(before);
  });

  it('refuses an agent (FORBIDDEN) and records the refusal, naming the customer, in the audit trail', async () => {
    const c = bj[2];
    const result = await reveal('agent', c.id);
    expect(JSON.stringify(result)).not.toContain(c.idNumber);
    await expectDeniedAndAudited(server, f.staffId.agent, () => reveal('agent', c.id, 'phone'));
    const denied = (await auditOf(f.staffId.agent)).filter((e) => e.outcome === 'denied');
    expect(denied).toHaveLength(2);
    for (const entry of denied) {
      expect(entry).toMatchObject({ action: 'mutation.reveal', subject_type: 'Customer', subject_id: String(c.id) });
      expect(JSON.stringify(entry)).not.toContain(c.idNumber);
    }
    expect(await revealsBy(f.staffId.agent)).toBe(0);
  });

  it('answers a manager revealing a customer of another branch exactly like a missing one, and audits the attempt', async () => {
    const forbidden = await expectDeniedAndAudited(server, f.staffId.manager, () => reveal('manager', sh[0].id), 'NOT_FOUND');
    const missing = refusal(await reveal('manager', 999999));
    expect(forbidden).toEqual(missing);
    expect(refusal(await reveal('agent2', bj[0].id))).toEqual(missing);
  });

  it('refuses compliance and the inspector, who read customers, and the administrator, who does not', async () => {
    const c = sh[1];
    for (const role of ['compliance', 'inspector'] as const) {
      const error = await expectDeniedAndAudited(server, f.staffId[role], () => reveal(role, c.id));
      expect(error.message).not.toContain(c.idNumber);
    }
    // The administrator cannot even read the record: same answer as for a missing one.
    const admin = await expectDeniedAndAudited(server, f.staffId.admin, () => reveal('admin', c.id), 'NOT_FOUND');
    expect(admin).toEqual(refusal(await reveal('admin', 999999)));
    for (const role of ['compliance', 'inspector', 'admin'] as const) expect(await revealsBy(f.staffId[role])).toBe(0);
  });

  it('refuses what is not a masked field or not a revealable type, naming the argument', async () => {
    const field = refusal(await reveal('manager', bj[0].id, 'name'));
    expect([field.code, Object.keys(field.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['field']]);
    const type = refusal(await f.clients.manager.request(REVEAL, { type: 'Policy', id: '1', field: 'idNumber', reason: REASON }));
    expect([type.code, Object.keys(type.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['type']]);
  });

  it('keeps the audit chain intact through reveals and refusals', async () => {
    const check = await f.clients.compliance.ok('{ verifyAuditChain { ok checked firstBrokenId } }');
    expect(check.verifyAuditChain.ok).toBe(true);
    expect(check.verifyAuditChain.checked).toBe(await countRows(server, 'SELECT COUNT(*) AS n FROM audit_entry'));
  });
});
