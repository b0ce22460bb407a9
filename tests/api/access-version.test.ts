// Built abilities are reused between requests (server/src/modules/auth/access-cache.ts) while the access
// version is unchanged. These changes are made straight in the database, as another server process
// sharing it (or an operator in SQL) would make them: no in-process event tells this server about them.
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { reasonOf, staffIdOf } from './rights-helpers';

const COUNT = '{ _allCustomersMeta { count } }';

describe('abilities reused between requests follow changes made by any process', () => {
  let server: TestServer;
  let agent2: GqlClient;
  let own: number;

  const version = async () => Number((await server.db.query('SELECT version FROM access_version WHERE id = 1'))[0].version);
  const count = async (client = agent2) => (await client.ok(COUNT))._allCustomersMeta.count as number;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 24, policies: 10 } });
    agent2 = await server.signIn('agent2');
    own = await count();
    expect(await count()).toBe(own);
  });
  afterAll(() => server.stop());

  it("a role's rules changed in the database apply to its holders on their next request", async () => {
    const [{ rules }] = await server.db.query("SELECT rules FROM role WHERE name = 'agent'");
    const before = await version();
    await server.db.query("UPDATE role SET rules = ? WHERE name = 'agent'", ['[]']);
    expect(await version()).toBeGreaterThan(before);
    expect(reasonOf(await agent2.request(COUNT))).toBe('NOT_ALLOWED');
    await server.db.query("UPDATE role SET rules = ? WHERE name = 'agent'", [typeof rules === 'string' ? rules : JSON.stringify(rules)]);
    expect(await count()).toBe(own);
  });

  it('a grant given and revoked in the database counts on the next request', async () => {
    const staffId = await staffIdOf(server, 'agent2');
    const [{ id: roleId }] = await server.db.query("SELECT id FROM role WHERE name = 'compliance'");
    await server.db.query("INSERT INTO role_grant (staff_id, role_id, status, reason, created_at) VALUES (?, ?, 'active', '另一进程', '2026-01-01 00:00:00.000')", [staffId, roleId]);
    const wider = await count();
    expect(wider).toBeGreaterThan(own);
    await server.db.query("UPDATE role_grant SET status = 'revoked' WHERE staff_id = ? AND role_id = ?", [staffId, roleId]);
    expect(await count()).toBe(own);
  });

  it('a disabled account is refused on its next request', async () => {
    const agent = await server.signIn('agent');
    const mine = await count(agent);
    expect(await count(agent)).toBe(mine);
    await server.db.query("UPDATE staff SET status = 'disabled' WHERE username = 'agent'");
    expect(reasonOf(await agent.request(COUNT))).toBe('SESSION_EXPIRED');
  });

  it('every write to roles, grants and separation-of-duties pairs moves the version', async () => {
    for (const [table, column] of [
      ['role', 'label'],
      ['role_grant', 'reason'],
      ['duty_conflict_rule', 'description'],
    ]) {
      const before = await version();
      const [{ id }] = await server.db.query(`SELECT MIN(id) AS id FROM ${table}`);
      await server.db.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [`改动 ${table}`, id]);
      expect(`${table}: ${await version()}`).toBe(`${table}: ${before + 1}`);
    }
  });
});
