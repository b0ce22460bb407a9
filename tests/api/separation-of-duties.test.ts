import { Customer } from '../../server/src/modules/customers/customer.entity';
import { BUILT_IN_ROLES } from '../../server/src/seed/built-in-roles';
import { ensureBuiltInRoles } from '../../server/src/seed/roles';
import { startTestServer, type TestServer } from '../support/test-server';

const REVEAL = `mutation Reveal($id: ID!) { reveal(type: "Customer", id: $id, field: "idNumber", reason: "客户来电核实身份") }`;

describe('separation of duties (layer 7)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 8 } });
  });
  afterAll(() => server.stop());

  it('withdraws reveal from a manager who is also granted administration, on the next request', async () => {
    const manager = await server.signIn('manager');
    const me = (await manager.ok('{ me { branchId dutyConflicts } }')).me;
    expect(me.dutyConflicts).toEqual([]);
    const customer = (await server.db.getRepository(Customer).findOneBy({ branchId: Number(me.branchId) }))!;
    expect((await manager.ok(REVEAL, { id: String(customer.id) })).reveal).toBe(customer.idNumber);

    await server.db.query(
      `INSERT INTO role_grant (staff_id, role_id, status, reason, created_at)
       SELECT s.id, r.id, 'active', 'test', '2026-01-01 00:00:00.000' FROM staff s, role r WHERE s.username = 'manager' AND r.name = 'admin'`,
    );
    const after = (await manager.ok('{ me { roles dutyConflicts } }')).me;
    expect(after.roles.sort()).toEqual(['admin', 'manager']);
    expect(after.dutyConflicts).toEqual(['revealing customer data together with staff or role administration']);
    expect(await manager.errorCode(REVEAL, { id: String(customer.id) })).toBe('FORBIDDEN');
    // The rest of the manager's work goes on.
    expect((await manager.ok('{ _allCustomersMeta { count } }'))._allCustomersMeta.count).toBeGreaterThan(0);
  });
});

describe('built-in roles on upgrade', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 4, policies: 2 } });
  });
  afterAll(() => server.stop());

  it('brings an untouched built-in role up to the release defaults, and leaves an edited one alone', async () => {
    await server.db.query(`UPDATE role SET rules = '[]' WHERE name = 'agent'`);
    await server.db.query(`UPDATE role SET rules = '[]', version = 2 WHERE name = 'inspector'`);
    await server.db.transaction((em) => ensureBuiltInRoles(em));
    const rows: { name: string; rules: string }[] = await server.db.query(`SELECT name, rules FROM role WHERE name IN ('agent', 'inspector') ORDER BY name`);
    expect(JSON.parse(rows[0].rules)).toEqual(BUILT_IN_ROLES.find((r) => r.name === 'agent')!.rules);
    expect(JSON.parse(rows[1].rules)).toEqual([]);
  });
});
