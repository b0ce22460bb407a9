import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { mask } from '../../server/src/access/mask';
import { entryHash } from '../../server/src/modules/audit/audit-chain';
import { AuditEntry } from '../../server/src/modules/audit/audit-entry.entity';
import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';

// Server start and seeding can take more than jest's 5 s default on a loaded machine (the api
// project's testTimeout in jest.config.js is not applied to hooks run under `projects`).
jest.setTimeout(60_000);

// The audit trail is hash-chained: verifyAuditChain (and `npm run audit:verify`) walk it and name the
// first entry that was altered, or that follows a removed one.

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/dist/server/src/cli/audit-verify.js');
const VERIFY = '{ verifyAuditChain { ok checked firstBrokenId problem } }';
const ENTRIES = `query E($filter: AuditEntryFilter) {
  allAuditEntries(filter: $filter, perPage: 100) { id seq action subjectType subjectId changes reason outcome staffUsername }
}`;

const FIRST17 = '11010519791103352';
const ID_NUMBER = FIRST17 + residentIdCheckDigit(FIRST17);
const PHONE = '13912345678';
const EMAIL = 'wu.fang@example.cn';

const run = promisify(execFile);

/**
 * The compiled tool, the server built once if server/dist is missing. Both run as child processes
 * without blocking this process: the test server lives here, and a blocked event loop would let its
 * keep-alive timers close sockets under the next request (ECONNRESET).
 */
let built: Promise<unknown> | undefined;
function ensureBuilt(): Promise<unknown> {
  // One build shared by every caller: a second caller must wait for it, not find a half-written server/dist.
  built ??= fs.existsSync(CLI) ? Promise.resolve() : run('npm', ['run', 'build:server'], { cwd: ROOT });
  return built;
}

/** `npm run audit:verify`, compiled, against the test database: its exit code and what it printed. */
async function runCli(server: TestServer): Promise<{ status: number | null; output: string }> {
  await ensureBuilt();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: server.database.dataDir,
    FIELD_ENCRYPTION_KEY: server.config.fieldEncryptionKey!.toString('base64'),
    BLIND_INDEX_KEY: server.config.blindIndexKey!.toString('base64'),
    AUDIT_CHAIN_KEY: server.config.auditChainKey!.toString('base64'),
    ...(server.database.url ? { DATABASE_URL: server.database.url } : {}),
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { status: typeof failed.code === 'number' ? failed.code : null, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the audit chain', () => {
  let server: TestServer;
  let manager: GqlClient;
  let compliance: GqlClient;
  let agent: GqlClient;
  let customerId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    [manager, compliance, agent] = await Promise.all(['manager', 'compliance', 'agent'].map((u) => server.signIn(u)));
    const { allBranches } = await manager.ok('{ allBranches { id code } }');
    const branchId = allBranches.find((b: { code: string }) => b.code === 'BJ').id;
    const created = await manager.ok(
      `mutation C($idNumber: String, $branchId: ID, $phone: String, $email: String) {
        createCustomer(kind: individual, name: "吴芳", idType: resident_id, idNumber: $idNumber, branchId: $branchId, source: application,
          phone: $phone, email: $email, address: "北京市朝阳区建国路88号") { id version } }`,
      { idNumber: ID_NUMBER, branchId, phone: PHONE, email: EMAIL },
    );
    customerId = created.createCustomer.id;
    await manager.ok('mutation U($id: ID!, $v: Int!) { updateCustomer(id: $id, version: $v, occupation: "会计") { id } }', { id: customerId, v: created.createCustomer.version });
    const revealed = await manager.ok('mutation R($id: ID!) { reveal(type: "Customer", id: $id, field: "idNumber", reason: "客户来电核实身份") }', { id: customerId });
    expect(revealed.reveal).toBe(ID_NUMBER);
  });
  afterAll(() => server.stop());

  async function entryCount(): Promise<number> {
    const rows: { n: number | string }[] = await server.db.query('SELECT COUNT(*) AS n FROM audit_entry');
    return Number(rows[0].n);
  }
  async function idOfSeq(seq: number): Promise<string> {
    const rows: { id: number | string }[] = await server.db.query('SELECT id FROM audit_entry WHERE seq = ?', [seq]);
    return String(rows[0].id);
  }
  it('verifies an intact chain and counts every entry', async () => {
    const total = await entryCount();
    expect(total).toBeGreaterThanOrEqual(6);
    const { verifyAuditChain } = await compliance.ok(VERIFY);
    expect(verifyAuditChain).toEqual({ ok: true, checked: total, firstBrokenId: null, problem: null });
  });

  it('records the create, the update and the reveal with who, what and why', async () => {
    const { allAuditEntries } = await compliance.ok(ENTRIES, { filter: { subjectType: 'Customer', subjectId: customerId } });
    const actions = allAuditEntries.map((e: { action: string }) => e.action).sort();
    expect(actions).toEqual(['customer.create', 'customer.update', 'reveal']);
    const reveal = allAuditEntries.find((e: { action: string }) => e.action === 'reveal');
    expect(reveal).toMatchObject({ staffUsername: 'manager', reason: '客户来电核实身份', outcome: 'success', changes: { field: 'idNumber' } });
    const update = allAuditEntries.find((e: { action: string }) => e.action === 'customer.update');
    expect(update.changes).toEqual({ occupation: { from: null, to: '会计' } });
  });

  it('shows compliance the sensitive values of a change masked, never in clear', async () => {
    const { allAuditEntries } = await compliance.ok(ENTRIES, { filter: { action: 'customer.create', subjectId: customerId } });
    expect(allAuditEntries).toHaveLength(1);
    const { changes } = allAuditEntries[0];
    expect(changes.idNumber).toEqual({ from: null, to: mask('idNumber', ID_NUMBER) });
    expect(changes.idNumber.to).toMatch(/^110\*{11}\d{3}[\dX]$/);
    expect(changes.phone.to).toBe('139****5678');
    expect(changes.email.to).toBe('w***@example.cn');
    expect(changes.name).toEqual({ from: null, to: '吴芳' });
    const everything = JSON.stringify((await compliance.ok(ENTRIES)).allAuditEntries);
    for (const clear of [ID_NUMBER, PHONE, EMAIL, '建国路88号']) expect(everything).not.toContain(clear);
    // Nor in the stored rows themselves.
    const stored = JSON.stringify(await server.db.query('SELECT changes, reason FROM audit_entry'));
    for (const clear of [ID_NUMBER, PHONE, EMAIL]) expect(stored).not.toContain(clear);
  });

  it('does not let an agent, a manager or an administrator read the audit trail', async () => {
    const admin = await server.signIn('admin');
    for (const client of [agent, manager, admin]) {
      expect(await client.errorCode(ENTRIES)).toBe('FORBIDDEN');
      expect(await client.errorCode('{ _allAuditEntriesMeta { count } }')).toBe('FORBIDDEN');
      expect(await client.errorCode(VERIFY)).toBe('FORBIDDEN');
      expect(await client.errorCode('{ AuditEntry(id: 1) { id action } }')).toBe('FORBIDDEN');
    }
    // The refusals themselves are on record.
    const { allAuditEntries } = await compliance.ok(ENTRIES, { filter: { action: 'query.allAuditEntries', outcome: 'denied' } });
    expect(allAuditEntries.map((e: { staffUsername: string }) => e.staffUsername).sort()).toEqual(['admin', 'agent', 'manager']);
  });

  it('names an entry altered directly in the database', async () => {
    const [original]: { reason: string | null }[] = await server.db.query('SELECT reason FROM audit_entry WHERE seq = 3');
    const brokenId = await idOfSeq(3);
    await server.db.query("UPDATE audit_entry SET reason = 'x' WHERE seq = 3");
    try {
      const { verifyAuditChain } = await compliance.ok(VERIFY);
      expect(verifyAuditChain).toMatchObject({ ok: false, checked: 2, firstBrokenId: brokenId });
      expect(verifyAuditChain.problem).toMatch(/hash/);
    } finally {
      await server.db.query('UPDATE audit_entry SET reason = ? WHERE seq = 3', [original.reason]);
    }
    expect((await compliance.ok(VERIFY)).verifyAuditChain.ok).toBe(true);
  });

  it('detects an altered change record and a rewritten hash alike', async () => {
    const created: { seq: number | string }[] = await server.db.query("SELECT seq FROM audit_entry WHERE action = 'customer.create'");
    const seq = Number(created[0].seq);
    await server.db.query('UPDATE audit_entry SET changes = ? WHERE seq = ?', ['{"name":{"from":null,"to":"别人"}}', seq]);
    expect((await compliance.ok(VERIFY)).verifyAuditChain).toMatchObject({ ok: false, checked: seq - 1, firstBrokenId: await idOfSeq(seq) });
    // Recomputing that entry's own hash does not help: the next entry no longer links to it.
    const entry = await server.db.getRepository(AuditEntry).findOneByOrFail({ seq });
    await server.db.query('UPDATE audit_entry SET hash = ? WHERE seq = ?', [entryHash(entry, true), seq]);
    expect((await compliance.ok(VERIFY)).verifyAuditChain).toMatchObject({ ok: false, checked: seq, firstBrokenId: await idOfSeq(seq + 1) });
  });
});

describe('the audit chain with an entry removed, and the audit:verify command', () => {
  let server: TestServer;
  let compliance: GqlClient;

  beforeAll(async () => {
    const building = ensureBuilt();
    server = await startTestServer({ demo: { customers: 4, policies: 4 } });
    await building;
    compliance = await server.signIn('compliance');
    for (const user of ['manager', 'agent', 'inspector', 'agent2']) await server.signIn(user);
  });
  afterAll(() => server.stop());

  it('exits 0 on an intact chain', async () => {
    const rows: { n: number | string }[] = await server.db.query('SELECT COUNT(*) AS n FROM audit_entry');
    const { status, output } = await runCli(server);
    expect(output).toContain(`${Number(rows[0].n)} entries verified`);
    expect(status).toBe(0);
  });

  it('detects an entry deleted from the middle, in the API and in the command (exit 2)', async () => {
    const repo = server.db.getRepository(AuditEntry);
    const removed = await repo.findOneByOrFail({ seq: 3 });
    const next = await repo.findOneByOrFail({ seq: 4 });
    await server.db.query('DELETE FROM audit_entry WHERE seq = 3');
    const { verifyAuditChain } = await compliance.ok('{ verifyAuditChain { ok checked firstBrokenId problem } }');
    expect(verifyAuditChain).toMatchObject({ ok: false, checked: 2, firstBrokenId: String(next.id) });
    expect(verifyAuditChain.problem).toMatch(/3 is missing/);
    const { status, output } = await runCli(server);
    expect(output).toMatch(/BROKEN/);
    expect(output).toContain(`first broken entry id ${next.id}`);
    expect(status).toBe(2);

    // Put back exactly as it was, the chain verifies again: the check is about that entry, nothing else.
    await repo.save(removed);
    expect((await compliance.ok('{ verifyAuditChain { ok } }')).verifyAuditChain.ok).toBe(true);
    expect((await runCli(server)).status).toBe(0);
  });

  it('detects the last entries cut off the end of the chain', async () => {
    await server.db.query('DELETE FROM audit_entry WHERE seq = (SELECT m FROM (SELECT MAX(seq) AS m FROM audit_entry) AS t)');
    const { verifyAuditChain } = await compliance.ok('{ verifyAuditChain { ok problem } }');
    expect(verifyAuditChain.ok).toBe(false);
    expect(verifyAuditChain.problem).toMatch(/head/);
    expect((await runCli(server)).status).toBe(2);
  });
});
