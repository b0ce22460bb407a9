import { blindIndex, decryptField } from '../../server/src/db/field-crypto';
import { runAnonymisation } from '../../server/src/jobs/anonymisation';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, countOf } from './complaints-helpers';
import { complaintBy, createCustomer, createPolicy, person, RECORD_CONSENT, REQUEST_DELETION, REVEAL } from './data-rights-helpers';
import { CHANNEL_INQUIRY, channelRequest, createChannelKey, RESET, tuneSettings } from './inquiry-helpers';

// When the legal retention period of a customer who asked for deletion ends, the job anonymises the
// record irreversibly: no personal value is left anywhere in the database — not in clear, not in an
// encrypted column, not as a blind index — while every row statistics count stays, and the audit
// chain still verifies.

const at = (day: string) => new Date(`${day}T04:00:00Z`);

describe('customer data rights: anonymisation when retention ends', () => {
  let server: TestServer;
  let manager: GqlClient;
  let agent: GqlClient;
  let compliance: GqlClient;
  let bj: string;
  const p = person(3);
  const newName = '欧阳静妍';
  const newPhone = '13912340303';
  const child = '欧阳明轩';
  let customerId: string;
  let policy: { id: string; policyNumber: string };
  let stats: Record<string, number>;

  const oldValues = () => [p.name, newName, p.idNumber, p.phone, newPhone, p.email, p.address, child];
  const tables = async (): Promise<string[]> => {
    const rows: Record<string, string>[] = server.database.url
      ? await server.db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')
      : await server.db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    return rows.map((r) => r.name ?? r.NAME ?? r.TABLE_NAME);
  };
  /** Every cell of every table that still holds an old value: in clear, inside an encrypted column, or as its blind index. */
  async function leftovers(): Promise<string[]> {
    const values = oldValues();
    const indexes = [blindIndex('idNumber', p.idNumber), blindIndex('phone', p.phone), blindIndex('phone', newPhone)];
    const found: string[] = [];
    for (const table of await tables()) {
      const rows: Record<string, unknown>[] = await server.db.query(`SELECT * FROM ${table}`);
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) {
          if (typeof cell !== 'string') continue;
          const clear = /^v1\.[\w-]+\.[\w-]+\.[\w-]*$/.test(cell) ? decryptField(cell)! : cell;
          for (const value of values) if (clear.includes(value)) found.push(`${table}.${column}: ${value}`);
          if (indexes.includes(cell)) found.push(`${table}.${column}: blind index`);
        }
      }
    }
    return [...new Set(found)].sort();
  }
  const statistics = async () => ({
    customers: await countOf(server, 'SELECT COUNT(*) AS n FROM customer'),
    policies: await countOf(server, 'SELECT COUNT(*) AS n FROM policy'),
    complaints: await countOf(server, 'SELECT COUNT(*) AS n FROM complaint'),
    claimsComplaints: await countOf(server, "SELECT COUNT(*) AS n FROM complaint WHERE category = 'claims'"),
    inquiries: await countOf(server, 'SELECT COUNT(*) AS n FROM inquiry_log'),
    verifiedInquiries: await countOf(server, "SELECT COUNT(*) AS n FROM inquiry_log WHERE outcome = 'verified'"),
    bjCustomers: await countOf(server, 'SELECT COUNT(*) AS n FROM customer WHERE branch_id = ?', [Number(bj)]),
    consents: await countOf(server, 'SELECT COUNT(*) AS n FROM customer_consent'),
  });

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 } });
    const admin = await server.signIn('admin');
    [manager, agent, compliance] = [await server.signIn('manager'), await server.signIn('agent'), await server.signIn('compliance')];
    await tuneSettings(admin, { minResponseMs: 0 });
    bj = await branchIdOf(server, 'BJ');
    const created = await createCustomer(manager, bj, p);
    customerId = created.id;
    policy = await createPolicy(manager, bj, customerId, 'PBJ2025AN0001', '2025-01-01', '2025-12-31', [{ name: child, relationship: '子女', sharePercent: 100 }]);
    // Named as the beneficiary of someone else's policy too.
    const [other]: { id: number }[] = await server.db.query("SELECT id FROM customer WHERE branch_id = ? AND kind = 'individual' AND id <> ? LIMIT 1", [Number(bj), Number(customerId)]);
    await createPolicy(manager, bj, String(other.id), 'PBJ2025AN0002', '2025-03-01', '2026-02-28', [{ name: p.name, relationship: '配偶', sharePercent: 100, customerId }]);
    await complaintBy(agent, bj, customerId, p, policy.id);
    await agent.ok(RECORD_CONSENT, { customerId, kind: 'marketing', granted: true, channel: 'counter', textVersion: 'MKT-2025-01', note: `${p.name}本人签字` });
    await manager.ok(REVEAL, { id: customerId, field: 'phone' });
    await manager.ok(RESET, { policyId: policy.id, idNumber: p.idNumber, identityCheck: 'id_document_at_counter', newPassword: '730215' });
    const key = (await createChannelKey(admin, 'website')).secret;
    await channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: policy.policyNumber, idNumber: p.idNumber, queryPassword: '730215', clientIp: '203.0.113.77' });
    // Corrections: a new name and phone; the old ones live on in the complaint and the audit trail.
    const { Customer } = await manager.ok('query C($id: ID!) { Customer(id: $id) { version } }', { id: customerId });
    await manager.ok('mutation U($id: ID!, $v: Int!, $name: String, $phone: String) { updateCustomer(id: $id, version: $v, name: $name, phone: $phone) { id } }', { id: customerId, v: Customer.version, name: newName, phone: newPhone });
    await compliance.ok(REQUEST_DELETION, { customerId, channel: 'counter', note: `${newName}申请删除` });
    stats = await statistics();
  });
  afterAll(() => server.stop());

  it('finds the old values before: the search looks where they are kept', async () => {
    const before = await leftovers();
    for (const place of ['customer.id_number_enc', 'customer.id_number_hash', 'customer.phone_hash', 'complaint.complainant_phone_enc', 'complaint.details', 'audit_entry.changes', 'policy.beneficiaries', 'customer_consent.note']) {
      expect(before.some((f) => f.startsWith(`${place}:`))).toBe(true);
    }
  });

  it('waits until the retention period has ended', async () => {
    const early = await runAnonymisation(server.db, server.config, at('2030-12-30'));
    expect(early).toMatchObject({ checked: 1, anonymised: [], nextDue: '2030-12-31' });
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM customer WHERE status = 'anonymised'")).toBe(0);
  });

  it('anonymises on the day it ends and reports what it did', async () => {
    const run = await runAnonymisation(server.db, server.config, at('2030-12-31'));
    expect(run.checked).toBe(1);
    expect(run.anonymised).toHaveLength(1);
    expect(run.anonymised[0]).toMatchObject({ customerId: Number(customerId), policiesTouched: 2, queryPasswordsRemoved: 1, complaints: 1, inquiryLogLines: 1, consentNotes: 1, requestNotes: 1, auditEntriesKept: 0 });
    expect(run.anonymised[0].auditEntriesRedacted).toBeGreaterThan(3);
    const { allDataRightsRequests } = await compliance.ok('{ allDataRightsRequests(filter: { kind: deletion }) { status completedAt outcome } }');
    expect(allDataRightsRequests[0]).toMatchObject({ status: 'anonymised', outcome: expect.objectContaining({ customerId: Number(customerId) }) });
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'customer.anonymise' AND subject_id = ?", [customerId])).toBe(1);
    // Nothing left to do on the next run.
    expect((await runAnonymisation(server.db, server.config, at('2031-01-01'))).anonymised).toHaveLength(0);
  });

  it('leaves no personal value anywhere in the database: clear text, encrypted columns, blind indexes', async () => {
    expect(await leftovers()).toEqual([]);
  });

  it('keeps every row statistics count', async () => {
    expect(await statistics()).toEqual(stats);
    const [row]: Record<string, unknown>[] = await server.db.query('SELECT kind, branch_id, status, name, phone_enc, birth_date FROM customer WHERE id = ?', [Number(customerId)]);
    expect(row).toMatchObject({ kind: 'individual', branch_id: Number(bj), status: 'anonymised', name: '已匿名化', phone_enc: null, birth_date: null });
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM policy WHERE holder_id = ?', [Number(customerId)])).toBe(1);
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM policy_query_password WHERE policy_id = ?', [Number(policy.id)])).toBe(0);
  });

  it('keeps the audit chain verifiable after redacting the entries about the customer', async () => {
    const { verifyAuditChain } = await compliance.ok('{ verifyAuditChain { ok checked problem } }');
    expect(verifyAuditChain).toMatchObject({ ok: true, problem: null });
    expect(await countOf(server, 'SELECT COUNT(*) AS n FROM audit_entry WHERE redacted_at IS NOT NULL')).toBeGreaterThan(3);
    // A redacted entry altered afterwards is caught: its content no longer matches the redaction record.
    const [entry]: { seq: number | string; reason: string | null }[] = await server.db.query('SELECT seq, reason FROM audit_entry WHERE redacted_at IS NOT NULL ORDER BY seq LIMIT 1');
    await server.db.query("UPDATE audit_entry SET reason = 'altered' WHERE seq = ?", [Number(entry.seq)]);
    expect((await compliance.ok('{ verifyAuditChain { ok } }')).verifyAuditChain.ok).toBe(false);
    await server.db.query('UPDATE audit_entry SET reason = ? WHERE seq = ?', [entry.reason, Number(entry.seq)]);
    expect((await compliance.ok('{ verifyAuditChain { ok } }')).verifyAuditChain.ok).toBe(true);
  });

  it('shows the anonymised record to compliance only, with nothing personal in it', async () => {
    const { Customer } = await compliance.ok('query C($id: ID!) { Customer(id: $id) { name idNumber phone email address status } }', { id: customerId });
    expect(Customer).toMatchObject({ name: '已匿名化', phone: null, email: null, address: null, status: 'anonymised' });
    expect(Customer.idNumber).not.toContain(p.idNumber.slice(-4));
    expect(await manager.errorCode('query C($id: ID!) { Customer(id: $id) { id } }', { id: customerId })).toBe('NOT_FOUND');
  });
});
