// The canary sweep: every sensitive value holds a unique marker; each role (and no role at all) calls every
// query of the schema, every export, reveal and the customer's data copy on records of its own and of other
// branches; the answers, the errors and the server's log lines are searched for markers that role may not see.
import { getNamedType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { appSchema } from '../../server/src/graphql/schema';
import { Complaint } from '../../server/src/modules/complaints/complaint.entity';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Policy } from '../../server/src/modules/policies/policy.entity';
import { ROLES, signInAll, type Fixture, type RoleName } from '../api/access-helpers';
import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { leaksIn, LogCapture, seedCanaries, type Marker } from './support/canary';
import { documentFor, rootFields, sampleValue } from './support/schema-walk';

const REVEALABLE: Record<string, string[]> = { Customer: ['idNumber', 'phone', 'email', 'address'], Complaint: ['complainantPhone', 'complainantEmail', 'complainantAddress'] };
// Operations that hand out clear values on purpose, audited: their data is checked by who got it, not searched.
const CLEAR_BY_DESIGN = new Set(['reveal', 'exportCustomerData']);

interface Call {
  label: string;
  document: string;
  variables: Record<string, unknown>;
}

/** One id of the caller's branch (BJ) and one of another (SH) for each record type that holds markers. */
async function targets(server: TestServer, f: Fixture) {
  const pick = async <T extends { id: number }>(entity: new () => T, branchId: number) =>
    String((await server.db.getRepository(entity).findOneOrFail({ where: { branchId } as never, order: { id: 'ASC' } as never })).id);
  const out: Record<string, string[]> = {};
  for (const [name, entity] of [['Customer', Customer], ['Policy', Policy], ['Complaint', Complaint]] as const) {
    out[name] = [await pick(entity as never, f.branch.BJ), await pick(entity as never, f.branch.SH)];
  }
  return out;
}

/** Every query of the schema with its required arguments filled, once per marked record where it takes an id. */
function queryCalls(schema: GraphQLSchema, ids: Record<string, string[]>): Call[] {
  const calls: Call[] = [];
  for (const field of rootFields(schema, 'query')) {
    const returned = getNamedType(field.type).name;
    const idChoices = ids[returned] ?? (field.args.some((a) => a.name === 'customerId') ? ids.Customer : ['1']);
    for (const id of idChoices) {
      const variables: Record<string, unknown> = {};
      for (const arg of field.args) {
        if (arg.name === 'perPage') variables.perPage = 1000;
        else if (arg.defaultValue === undefined && String(arg.type).endsWith('!')) variables[arg.name] = sampleValue(schema, arg.type, arg.name, { id, customerId: id });
      }
      calls.push({ label: `${field.name}(${JSON.stringify(variables)})`, document: documentFor('query', field, 2, field.args.filter((a) => a.name in variables)), variables });
      if (!field.args.some((a) => a.name === 'id' || a.name === 'customerId')) break;
    }
  }
  return calls;
}

/** The exports (each list's CSV), reveal of every sensitive field, and the customer's data copy. */
function mutationCalls(schema: GraphQLSchema, ids: Record<string, string[]>, typed: string[]): Call[] {
  const calls: Call[] = [];
  const exports = rootFields(schema, 'mutation').filter((f) => f.name.startsWith('export') && f.name !== 'exportCustomerData');
  for (const field of exports as GraphQLField<unknown, unknown>[]) {
    const required = field.args.filter((a) => a.defaultValue === undefined && String(a.type).endsWith('!'));
    const variables = Object.fromEntries(required.map((a) => [a.name, sampleValue(schema, a.type, a.name)]));
    calls.push({ label: field.name, document: documentFor('mutation', field, 1, required), variables });
  }
  for (const [type, fields] of Object.entries(REVEALABLE)) {
    for (const id of ids[type]) {
      for (const field of fields) {
        calls.push({ label: `reveal ${type} ${id} ${field}`, document: 'mutation R($type: String!, $id: ID!, $field: String!) { reveal(type: $type, id: $id, field: $field, reason: "red team") }', variables: { type, id, field } });
      }
    }
  }
  // Searches and exports by a clear value the caller typed: what is kept of them (the trail) must not hand it on.
  for (const value of typed) {
    const filter = /^1\d{10}$/.test(value) ? { q: value } : { idNumber: value };
    calls.push({ label: `exportCustomers by ${Object.keys(filter)[0]}`, document: 'mutation E($filter: CustomerFilter) { exportCustomers(filter: $filter) { rows } }', variables: { filter } });
  }
  for (const id of ids.Customer) {
    calls.push({
      label: `exportCustomerData ${id}`,
      document: 'mutation E($id: ID!) { exportCustomerData(customerId: $id, channel: counter, note: "red team") { content } }',
      variables: { id },
    });
  }
  return calls;
}

describe('canary: no marker reaches a role that may not see it, in answers, errors or logs', () => {
  let server: TestServer;
  let f: Fixture;
  let markers: Marker[];
  let ids: Record<string, string[]>;
  const logs = new LogCapture();
  const received = new Map<RoleName | 'anonymous', string[]>();
  const clearAnswers: Array<{ role: string; label: string; gotData: boolean }> = [];
  const internal: string[] = [];
  const answered = new Map<string, number>();
  const documents = new Map<string, number>();

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 16, policies: 16 }, logger: logs.logger });
    f = await signInAll(server);
    markers = await seedCanaries(server);
    logs.start();
    const schema = await appSchema();
    ids = await targets(server, f);
    // The clear ID number and phone of the first customer of each branch, as a counter would type them.
    const typed = markers.filter((m) => [`customer ${ids.Customer[0]} idNumber`, `customer ${ids.Customer[1]} phone`].includes(m.where)).map((m) => m.needle);
    const calls = [...queryCalls(schema, ids), ...mutationCalls(schema, ids, typed)];
    const callers: Array<[RoleName | 'anonymous', GqlClient]> = [['anonymous', server.anonymous], ...ROLES.map((r) => [r, f.clients[r]] as [RoleName, GqlClient])];
    for (const [role, client] of callers) {
      const texts: string[] = [];
      for (const call of calls) {
        const result: GqlResult = await client.request(call.document, call.variables);
        const operation = call.document.match(/\{ (\w+)/)![1];
        if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL')) internal.push(`${role}: ${call.label}`);
        if (!result.errors) answered.set(role, (answered.get(role) ?? 0) + 1);
        if (CLEAR_BY_DESIGN.has(operation)) {
          clearAnswers.push({ role, label: call.label, gotData: !!result.data?.[operation] });
          texts.push(JSON.stringify(result.errors ?? []));
        } else {
          texts.push(JSON.stringify(result));
        }
      }
      // The printable inspection reports (the HTML the PDF is printed from), as each role may fetch them.
      for (const { id } of await server.db.query('SELECT id FROM quality_inspection')) {
        const res = await fetch(`${server.url}/documents/quality-inspections/${id}.html`, { headers: client.token ? { authorization: `Bearer ${client.token}` } : {} });
        texts.push(await res.text());
        if (res.ok) documents.set(role, (documents.get(role) ?? 0) + 1);
      }
      received.set(role, texts);
    }
    logs.stop();
  }, 300_000);
  afterAll(async () => {
    logs.stop();
    await server.stop();
  });

  it('seeded a marker in every sensitive column', () => {
    expect(markers.filter((m) => m.where.includes('customer')).length).toBeGreaterThanOrEqual(16 * 6);
    expect(markers.filter((m) => m.where.includes('complaint')).length).toBeGreaterThan(0);
  });

  it.each(['anonymous', ...ROLES] as const)('%s receives no marker it may not see', (role) => {
    const text = received.get(role)!.join('\n');
    expect(text.length).toBeGreaterThan(1000);
    expect(leaksIn(text, role, markers)).toEqual([]);
  });

  it('lets the sweep see what each role may see (the canary can fail)', () => {
    // Most of the schema answers the roles that work with customers; the administrator reads staff and settings.
    expect(answered.get('anonymous') ?? 0).toBeLessThan(3);
    for (const role of ['manager', 'compliance', 'admin']) expect([role, answered.get(role)! > 15]).toEqual([role, true]);
    expect([documents.get('inspector') ?? 0, documents.get('anonymous') ?? 0, documents.get('admin') ?? 0]).toEqual([expect.any(Number), 0, 0]);
    expect(documents.get('inspector')).toBeGreaterThan(0);
    // The manager and the agent of BJ read BJ occupations and complaint texts; the inspector reads complaint texts.
    const visible = (role: RoleName) => markers.filter((m) => m.allowed.has(role) && received.get(role)!.join('\n').includes(m.needle));
    expect(visible('manager').length).toBeGreaterThan(0);
    expect(visible('inspector').length).toBeGreaterThan(0);
    expect(visible('agent2').length).toBeGreaterThan(0);
    expect(visible('compliance').length).toBeGreaterThan(0);
  });

  it('gives clear values only through the audited paths, to the roles entitled to them', () => {
    const got = clearAnswers.filter((a) => a.gotData).map((a) => `${a.role}: ${a.label}`);
    // Reveal: the BJ manager on BJ records only; the customer's copy: compliance only.
    const own = `(Customer ${ids.Customer[0]}|Complaint ${ids.Complaint[0]})`;
    for (const entry of got) expect(entry).toMatch(new RegExp(`^(manager: reveal ${own} \\w+|compliance: exportCustomerData \\d+)$`));
    expect(got.some((g) => g.startsWith('manager: reveal Customer'))).toBe(true);
    expect(got.filter((g) => g.startsWith('compliance: exportCustomerData'))).toHaveLength(2);
  });

  it('writes no marker to the server log (nor to stdout or stderr)', () => {
    expect(leaksIn(logs.text(), 'anonymous', markers)).toEqual([]);
  });

  it('answers no call of the sweep with INTERNAL', () => {
    expect(internal).toEqual([]);
  });
});
