// A list page loads only the columns its query asks for, plus those its field resolvers and the caller's
// rules need (server/src/graphql/projection.ts). What each role sees must be exactly what the whole record
// shows: the same values, the same masks, the same hidden fields — field rules with conditions included.
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { signInAll, type Fixture } from './access-helpers';

type Row = Record<string, unknown> & { id: string };

const LISTS = [
  ['allCustomers', 'Customer', 'id name kind idNumber phone status branchId branch { id }'],
  ['allPolicies', 'Policy', 'id policyNumber status expiryDate premiumFen holder { id name } insured { id phone }'],
  ['allComplaints', 'Complaint', 'id number state severity nextDueAt complainantName complainantPhone assignee { id } policy { id }'],
] as const;

describe('list pages load only the columns they show', () => {
  let server: TestServer;
  let f: Fixture;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 40, policies: 80 } });
    f = await signInAll(server);
  });
  afterAll(() => server.stop());

  /** A page of the list, and each of its rows asked for one by one (a whole row each). */
  async function pageAndRecords(client: GqlClient, list: string, type: string, fields: string) {
    const page = (await client.ok<Record<string, Row[]>>(`{ rows: ${list}(perPage: 60) { ...F } } fragment F on ${type} { ${fields} }`)).rows;
    const records = await Promise.all(page.map(async (row) => (await client.ok<Record<string, Row>>(`query($id: ID!) { one: ${type}(id: $id) { ${fields} } }`, { id: row.id })).one));
    return { page, records };
  }

  it.each(['agent', 'manager', 'inspector', 'compliance'] as const)('as %s, every row of every list equals the record', async (role) => {
    for (const [list, type, fields] of LISTS) {
      const client = f.clients[role];
      const allowed = await client.request(`{ ${list}(perPage: 1) { id } }`);
      if (allowed.errors) continue; // not this role's list
      const { page, records } = await pageAndRecords(client, list, type, fields);
      expect(page).toEqual(records);
    }
  });

  it('judges a field rule by its condition even when the condition field is not shown', async () => {
    // The agent may no longer read the name of group customers: the page asks for `name`, never `kind`.
    const [role]: { id: number; rules: string }[] = await server.db.query("SELECT id, rules FROM role WHERE name = 'agent'");
    const hideGroupNames = { action: 'read', subject: 'Customer', fields: ['name'], inverted: true, conditions: { kind: 'group' } };
    await server.db.query('UPDATE role SET rules = ? WHERE id = ?', [JSON.stringify([...JSON.parse(role.rules), hideGroupNames]), role.id]);
    try {
      const rows = (await f.clients.agent.ok<{ allCustomers: Row[] }>('{ allCustomers(perPage: 100) { id name } }')).allCustomers;
      const kinds: { id: number; kind: string; name: string }[] = await server.db.query('SELECT id, kind, name FROM customer');
      const byId = new Map(kinds.map((c) => [String(c.id), c]));
      const groups = rows.filter((row) => byId.get(row.id)!.kind === 'group');
      expect(groups.length).toBeGreaterThan(0);
      expect(groups.length).toBeLessThan(rows.length);
      for (const row of rows) expect(row.name).toBe(byId.get(row.id)!.kind === 'group' ? null : byId.get(row.id)!.name);
    } finally {
      await server.db.query('UPDATE role SET rules = ? WHERE id = ?', [role.rules, role.id]);
    }
  });

  it('loads whole rows for a field it cannot tell the columns of (the complaint clocks)', async () => {
    const { page, records } = await pageAndRecords(f.clients.manager, 'allComplaints', 'Complaint', 'id number clocks { kind status dueAt }');
    expect(page.some((row) => (row.clocks as unknown[]).length > 0)).toBe(true);
    expect(page).toEqual(records);
  });
});
