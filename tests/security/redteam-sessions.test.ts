// Red team, identity and trail: a session kept after its role was revoked, its grant expired, its account
// disabled or signed out; a one-time code used twice (one after the other and at the same instant); an audit
// row changed in SQL, with and without its hash recomputed, or dressed up as a redaction; a whole tail
// rewritten with recomputed hashes, the chain head moved or cut back.
import { advanceClock, now } from '../../server/src/clock';
import { contentDigest, entryHash, GENESIS_HASH } from '../../server/src/modules/audit/audit-chain';
import { AuditEntry } from '../../server/src/modules/audit/audit-entry.entity';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { base32Decode, totp } from '../../server/src/modules/auth/totp';
import { GqlClient } from '../support/client';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { CREATE_GRANT, login, REVOKE_GRANT, reasonOf, roleIdOf, signInWith, staffIdOf } from '../api/rights-helpers';

const COUNT = '{ _allCustomersMeta { count } }';
const VERIFY = '{ verifyAuditChain { ok checked firstBrokenId problem } }';
const MINUTE = 60_000;

describe('red team: sessions, one-time codes and the audit trail', () => {
  let server: TestServer;
  let admin: GqlClient;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 } });
    admin = await server.signIn('admin');
  });
  afterAll(() => server.stop());

  const grantIdOf = async (username: string, role: string) => {
    const rows: { id: number }[] = await server.db.query("SELECT id FROM role_grant WHERE staff_id = ? AND role_id = ? AND status = 'active'", [
      await staffIdOf(server, username),
      await roleIdOf(server, role),
    ]);
    return String(rows[0].id);
  };

  it('refuses a session replayed after its only role was revoked: reads, writes and reveal alike, nothing written', async () => {
    const agent2 = await server.signIn('agent2');
    const [customer] = await server.db.getRepository(Customer).find({ where: { branchId: (await server.db.query("SELECT id FROM branch WHERE code = 'SH'"))[0].id }, take: 1 });
    expect((await agent2.ok(COUNT))._allCustomersMeta.count).toBeGreaterThan(0);
    await admin.ok(REVOKE_GRANT, { id: await grantIdOf('agent2', 'agent'), reason: '离岗' });
    expect(await agent2.errorCode(COUNT)).toBe('FORBIDDEN');
    expect(await agent2.errorCode(`{ Customer(id: "${customer.id}") { id name } }`)).toBe('FORBIDDEN');
    expect(await agent2.errorCode(`mutation { updateCustomer(id: "${customer.id}", version: ${customer.version}, occupation: "回放") { id } }`)).toBe('FORBIDDEN');
    expect(await agent2.errorCode(`mutation { reveal(type: "Customer", id: "${customer.id}", field: "phone", reason: "回访客户需要核对联系电话") }`)).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect(JSON.stringify((await agent2.ok('{ me { permissions } }')).me.permissions)).not.toContain('Customer');
    expect((await server.db.getRepository(Customer).findOneByOrFail({ id: customer.id })).occupation).toBe(customer.occupation);
  });

  it('refuses a session whose borrowed role expired while it was open', async () => {
    const agent = await server.signIn('agent');
    const own = (await agent.ok(COUNT))._allCustomersMeta.count;
    const until = new Date(now().getTime() + 10 * MINUTE).toISOString();
    await admin.ok(CREATE_GRANT, { staffId: String(await staffIdOf(server, 'agent')), roleId: String(await roleIdOf(server, 'inspector')), reason: '临时质检', validUntil: until });
    expect((await agent.ok(COUNT))._allCustomersMeta.count).toBeGreaterThan(own);
    advanceClock(11 * MINUTE);
    expect((await agent.ok(COUNT))._allCustomersMeta.count).toBe(own);
    expect(await agent.errorCode('{ allQualityTemplates { id } }')).toBe('FORBIDDEN');
  });

  it('refuses a token replayed after sign-out, and after the account was disabled', async () => {
    const manager = await server.signIn('manager');
    expect(await manager.errorCode(COUNT)).toBeUndefined();
    await manager.ok('mutation { logout }');
    expect(await manager.errorCode(COUNT)).toBe('UNAUTHENTICATED');
    const inspector = await server.signIn('inspector');
    await admin.ok(`mutation { disableStaff(id: "${await staffIdOf(server, 'inspector')}", reason: "离职") { status } }`);
    expect(await inspector.errorCode('{ allPolicies { id } }')).toBe('UNAUTHENTICATED');
    expect(reasonOf(await login(server, 'inspector'))).toBe('SIGN_IN_FAILED');
  });

  describe('an audit row altered in SQL', () => {
    const verify = async () => (await (await server.signIn('compliance')).ok(VERIFY)).verifyAuditChain;
    const entries = () => server.db.getRepository(AuditEntry).find({ order: { seq: 'ASC' } });
    const restore = (entry: AuditEntry) => server.db.getRepository(AuditEntry).save(entry);

    it('is named by the chain check, whether its content, its hash too, or a fake redaction was changed', async () => {
      expect(await verify()).toMatchObject({ ok: true, firstBrokenId: null });
      const all = await entries();
      const target = all[Math.floor(all.length / 2)];
      const original = { ...target };
      const repo = server.db.getRepository(AuditEntry);
      // 1. The reason rewritten.
      await server.db.query('UPDATE audit_entry SET reason = ? WHERE id = ?', ['nothing happened', target.id]);
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: String(target.id) });
      // 2. The outcome flipped and the row's own hash recomputed: the next entry no longer links to it.
      await restore(original as AuditEntry);
      const forged = Object.assign(new AuditEntry(), { ...original, outcome: original.outcome === 'denied' ? 'success' : 'denied' });
      await repo.update({ id: target.id }, { outcome: forged.outcome as never, hash: entryHash(forged, true) });
      const next = all[all.indexOf(target) + 1];
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: String(next.id) });
      // 3. Dressed up as a redaction: the old digest kept so the hash verifies, new content put in.
      await restore(original as AuditEntry);
      await repo.update({ id: target.id }, { redactedAt: now(), contentDigest: contentDigest(original), reason: 'redacted' } as never);
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: String(target.id) });
      // 4. A row removed.
      await restore(original as AuditEntry);
      expect(await verify()).toMatchObject({ ok: true });
      await repo.delete({ id: target.id });
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: String(next.id) });
      await restore(original as AuditEntry);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('is named when a tail or the whole chain is rewritten with every hash recomputed, keying moved past it, or the tail cut off', async () => {
      // One session for the whole test: a sign-in would append to the chain being tampered with.
      const compliance = await server.signIn('compliance');
      const check = async () => (await compliance.ok(VERIFY)).verifyAuditChain;
      const all = await entries();
      const [head] = await server.db.query('SELECT seq, hash, keyed_from, mac FROM audit_chain_head WHERE id = 1');
      // Without the chain key, all someone with SQL access can do is recompute plain SHA-256 links.
      const rewritePlain = async (from: number) => {
        let prevHash = from ? all[from - 1].hash : GENESIS_HASH;
        for (const entry of all.slice(from)) {
          const forged = Object.assign(new AuditEntry(), { ...entry, prevHash, reason: entry === all[from] ? 'nothing happened' : entry.reason });
          forged.hash = entryHash(forged, false);
          await server.db.getRepository(AuditEntry).update({ id: entry.id }, { reason: forged.reason, prevHash, hash: forged.hash });
          prevHash = forged.hash;
        }
        return prevHash;
      };
      try {
        // 1. The last four entries rewritten, the head pointed at the new last hash.
        const tail = all.length - 4;
        await server.db.query('UPDATE audit_chain_head SET hash = ? WHERE id = 1', [await rewritePlain(tail)]);
        expect(await check()).toMatchObject({ ok: false, firstBrokenId: String(all[tail].id), checked: tail });
        // 2. The same, and the head claiming keying began after the rewritten entries (so they look older
        //    than the key): a plain entry after a keyed one is still named.
        await server.db.query('UPDATE audit_chain_head SET keyed_from = ? WHERE id = 1', [all.length + 1]);
        expect(await check()).toMatchObject({ ok: false, firstBrokenId: String(all[tail].id), checked: tail, problem: expect.stringMatching(/without the audit key/) });
        // 3. The whole chain rewritten, and the head claiming keying began after it: no keyed entry is left
        //    to compare with, but the head's MAC no longer matches.
        await server.db.query('UPDATE audit_chain_head SET hash = ?, keyed_from = ? WHERE id = 1', [await rewritePlain(0), all.length + 1]);
        const moved = await check();
        expect(moved).toMatchObject({ ok: false, checked: all.length });
        expect(moved.problem).toMatch(/head is not vouched for/);
        // 4. The genuine chain with its last four entries cut off and the head pointed at what is left.
        for (const entry of all) await restore(entry);
        for (const entry of all.slice(tail)) await server.db.getRepository(AuditEntry).delete({ id: entry.id });
        await server.db.query('UPDATE audit_chain_head SET seq = ?, hash = ?, keyed_from = ? WHERE id = 1', [all[tail - 1].seq, all[tail - 1].hash, head.keyed_from]);
        const cut = await check();
        expect(cut).toMatchObject({ ok: false, checked: tail });
        expect(cut.problem).toMatch(/head is not vouched for/);
      } finally {
        for (const entry of all) await restore(entry);
        await server.db.query('UPDATE audit_chain_head SET seq = ?, hash = ?, keyed_from = ?, mac = ? WHERE id = 1', [head.seq, head.hash, head.keyed_from, head.mac]);
      }
      expect(await check()).toMatchObject({ ok: true, checked: all.length });
    });
  });

  describe('one-time codes', () => {
    let secret: string;
    const codeNow = () => totp(base32Decode(secret), now());
    beforeAll(async () => {
      const compliance = await signInWith(server, 'compliance');
      secret = (await compliance.ok(`mutation { beginMfaEnrolment(password: "${TEST_PASSWORD}") { secret } }`)).beginMfaEnrolment.secret;
      await compliance.ok(`mutation { confirmMfaEnrolment(code: "${codeNow()}") { enabledAt } }`);
      advanceClock(31_000);
    });

    it('accepts a code once: the same code again is refused, with the password right', async () => {
      const code = codeNow();
      expect((await login(server, 'compliance', TEST_PASSWORD, code)).errors).toBeUndefined();
      expect(reasonOf(await login(server, 'compliance', TEST_PASSWORD, code))).toBe('MFA_CODE_INVALID');
      // Nor does an earlier step's code work once a later one was used.
      advanceClock(31_000);
      const next = codeNow();
      expect((await login(server, 'compliance', TEST_PASSWORD, next)).errors).toBeUndefined();
      expect(reasonOf(await login(server, 'compliance', TEST_PASSWORD, code))).toBe('MFA_CODE_INVALID');
    });

    it('lets only one of several sign-ins sent at the same instant with the same code through', async () => {
      advanceClock(31_000);
      const code = codeNow();
      const results = await Promise.all(Array.from({ length: 6 }, () => login(server, 'compliance', TEST_PASSWORD, code)));
      expect(results.filter((r) => !r.errors).length).toBe(1);
      for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions!.code).toMatch(/UNAUTHENTICATED|RATE_LIMITED/);
    });
  });
});
