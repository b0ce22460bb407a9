import type { Pool, RowDataPacket } from 'mysql2/promise';
import { sqlTime } from '../../server/src/db/columns';
import { addDays, todayIn } from '../../server/src/time/local-date';
import type { BenchFixture } from '../bench-db';

/**
 * The operations measured, each twice: as the console asks the API (GraphQL over HTTP, signed in,
 * row rules applied by the server), and as a hand-written SQL query through mysql2 fetching the same
 * rows (the row rule written into the WHERE by hand). `ids` picks the rows' ids from either answer so
 * the benchmark can check both return the same rows before it measures them.
 */
export interface RawParams {
  /** The manager's branch; null for compliance (every branch). */
  branchId: number | null;
  namePrefix: string;
  customerId: number;
  /** Local date (Asia/Shanghai) and UTC now as the server sees them. */
  today: string;
  in30days: string;
  now: string;
  inquiry: { policyNumber: string };
}

export interface Scenario {
  name: string;
  query: string;
  variables: (p: RawParams) => Record<string, unknown>;
  apiIds: (data: any) => number[];
  raw: (db: Pool, p: RawParams) => Promise<unknown>;
  rawIds: (result: any) => number[];
}

const rows = async (db: Pool, sql: string, params: unknown[]) => (await db.query<RowDataPacket[]>(sql, params))[0];
const ids = (list: { id: number | string }[]) => list.map((r) => Number(r.id));
/** The console counts a list up to this many rows (admin-ui/src/providers/countLimit.ts), and so do both sides here. */
const COUNT_LIMIT = 10_000;
const COUNT = `countUpTo(limit: ${COUNT_LIMIT}) { count more }`;
/** The capped count by hand: the ids of at most one row past the limit, counted. */
const cappedCount = (db: Pool, fromWhere: string, params: unknown[]) => rows(db, `SELECT COUNT(*) AS count FROM (SELECT id ${fromWhere} LIMIT ${COUNT_LIMIT + 1}) counted`, params);
/** The branch row rule, written by hand: nothing for compliance. */
const rule = (p: RawParams, column: string) => (p.branchId === null ? { sql: '', params: [] as unknown[] } : { sql: ` AND ${column} = ?`, params: [p.branchId] });
/** The manager's customer rule also hides customers who asked for deletion or were anonymised; compliance sees them. */
const customerRule = (p: RawParams, alias: string) => {
  const r = rule(p, `${alias}.branch_id`);
  return p.branchId === null ? r : { sql: `${r.sql} AND ${alias}.status NOT IN ('restricted', 'anonymised')`, params: r.params };
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'customer list (name prefix, sorted, 25 + count)',
    query: `query($f: CustomerFilter) {
      items: allCustomers(page: 0, perPage: 25, sortField: "name", sortOrder: ASC, filter: $f) { id name kind gender idNumber phone status branchId }
      total: _allCustomersMeta(filter: $f) { ${COUNT} }
    }`,
    variables: (p) => ({ f: { name: p.namePrefix } }),
    apiIds: (d) => ids(d.items),
    raw: async (db, p) => {
      const r = customerRule(p, 'c');
      const items = await rows(db, `SELECT c.id, c.name, c.kind, c.gender, c.id_number_enc, c.phone_enc, c.status, c.branch_id FROM customer c WHERE c.name LIKE ?${r.sql} ORDER BY c.name ASC, c.id ASC LIMIT 25`, [`${p.namePrefix}%`, ...r.params]);
      const [total] = await cappedCount(db, `FROM customer c WHERE c.name LIKE ?${r.sql}`, [`${p.namePrefix}%`, ...r.params]);
      return { items, total };
    },
    rawIds: (r) => ids(r.items),
  },
  {
    name: "policy list with holder's name (renewals due in 30 days)",
    query: `query {
      items: allPolicies(page: 0, perPage: 25, sortField: "expiryDate", sortOrder: ASC, filter: { renewalDueWithinDays: 30 }) {
        id policyNumber productName status expiryDate premiumFen holder { id name }
      }
      total: _allPoliciesMeta(filter: { renewalDueWithinDays: 30 }) { ${COUNT} }
    }`,
    variables: () => ({}),
    apiIds: (d) => ids(d.items),
    raw: async (db, p) => {
      const r = rule(p, 'p.branch_id');
      const h = customerRule(p, 'c');
      const where = `p.status = 'in_force' AND p.expiry_date >= ? AND p.expiry_date <= ?${r.sql}`;
      const params = [p.today, p.in30days, ...r.params];
      const items = await rows(
        db,
        `SELECT p.id, p.policy_number, p.product_name, p.status, p.expiry_date, p.premium_fen, c.id AS holder_id, c.name AS holder_name
         FROM policy p LEFT JOIN customer c ON c.id = p.holder_id${h.sql} WHERE ${where} ORDER BY p.expiry_date ASC, p.id ASC LIMIT 25`,
        [...h.params, ...params],
      );
      const [total] = await cappedCount(db, `FROM policy p WHERE ${where}`, params);
      return { items, total };
    },
    rawIds: (r) => ids(r.items),
  },
  {
    name: 'customer page with its policies and complaints',
    query: `query($id: ID!, $f: ComplaintFilter) {
      Customer(id: $id) {
        id name kind gender birthDate idNumber phone email address occupation status branch { id name }
        policies { id policyNumber productName status effectiveDate expiryDate premiumFen }
      }
      complaints: allComplaints(page: 0, perPage: 25, sortField: "receivedAt", sortOrder: DESC, filter: $f) { id number state category receivedAt nextDueAt }
    }`,
    variables: (p) => ({ id: String(p.customerId), f: { complainantCustomerId: String(p.customerId) } }),
    apiIds: (d) => [Number(d.Customer.id), ...ids(d.Customer.policies), ...ids(d.complaints)],
    raw: async (db, p) => {
      const c = customerRule(p, 'c');
      const [customer] = await rows(
        db,
        `SELECT c.id, c.name, c.kind, c.gender, c.birth_date, c.id_number_enc, c.phone_enc, c.email_enc, c.address_enc, c.occupation, c.status, b.id AS branch_id, b.name AS branch_name
         FROM customer c JOIN branch b ON b.id = c.branch_id WHERE c.id = ?${c.sql}`,
        [p.customerId, ...c.params],
      );
      const pr = rule(p, 'branch_id');
      const policies = await rows(
        db,
        `SELECT id, policy_number, product_name, status, effective_date, expiry_date, premium_fen FROM policy
         WHERE (holder_id = ? OR insured_id = ?)${pr.sql} ORDER BY effective_date DESC, id DESC LIMIT 200`,
        [p.customerId, p.customerId, ...pr.params],
      );
      const complaints = await rows(
        db,
        `SELECT id, number, state, category, received_at, next_due_at FROM complaint WHERE complainant_customer_id = ?${pr.sql} ORDER BY received_at DESC, id DESC LIMIT 25`,
        [p.customerId, ...pr.params],
      );
      return { customer, policies, complaints };
    },
    rawIds: (r) => [Number(r.customer.id), ...ids(r.policies), ...ids(r.complaints)],
  },
  {
    name: 'complaint register: overdue (own branch / all)',
    query: `query {
      items: allComplaints(page: 0, perPage: 25, sortField: "nextDueAt", sortOrder: ASC, filter: { overdue: true }) {
        id number state category severity receivedAt nextDueAt complainantName assignee { id displayName }
      }
      total: _allComplaintsMeta(filter: { overdue: true }) { ${COUNT} }
    }`,
    variables: () => ({}),
    apiIds: (d) => ids(d.items),
    raw: async (db, p) => {
      const r = rule(p, 'c.branch_id');
      const items = await rows(
        db,
        `SELECT c.id, c.number, c.state, c.category, c.severity, c.received_at, c.next_due_at, c.complainant_name, s.id AS assignee_id, s.display_name
         FROM complaint c LEFT JOIN staff s ON s.id = c.assignee_id WHERE c.next_due_at < ?${r.sql} ORDER BY c.next_due_at ASC, c.id ASC LIMIT 25`,
        [p.now, ...r.params],
      );
      const [total] = await cappedCount(db, `FROM complaint c WHERE c.next_due_at < ?${r.sql}`, [p.now, ...r.params]);
      return { items, total };
    },
    rawIds: (r) => ids(r.items),
  },
];

/** The verified inquiry, measured as the manager (hotline); its twin is the three lookups without the password hash. */
export const INQUIRY: Scenario = {
  name: 'verified policy inquiry (hotline)',
  query: `mutation($n: String!, $i: String!, $q: String!) {
    assistedPolicyInquiry(policyNumber: $n, idNumber: $i, queryPassword: $q, channel: hotline) { policyNumber productName status expiryDate }
  }`,
  variables: () => ({}),
  apiIds: (d) => (d.assistedPolicyInquiry ? [1] : []),
  raw: async (db, p) => {
    const [policy] = await rows(db, 'SELECT id, policy_number, product_name, status, expiry_date, holder_id, insured_id, branch_id FROM policy WHERE policy_number = ?', [p.inquiry.policyNumber]);
    const [password] = await rows(db, 'SELECT password_hash FROM policy_query_password WHERE policy_id = ?', [policy.id]);
    const parties = await rows(db, 'SELECT id, id_number_hash FROM customer WHERE id IN (?, ?)', [policy.holder_id, policy.insured_id]);
    return { policy, password: Boolean(password), parties: parties.length };
  },
  rawIds: (r) => (r.policy ? [1] : []),
};

/** The scenarios' parameters for the bench's two roles, from the seeded fixture, as of now. */
export function scenarioParams(fixture: BenchFixture): Record<'manager' | 'compliance', RawParams> {
  const today = todayIn('Asia/Shanghai');
  const base = { namePrefix: fixture.namePrefix, customerId: fixture.customerId, today, in30days: addDays(today, 30), now: sqlTime(new Date()), inquiry: { policyNumber: fixture.inquiry.policyNumber } };
  return { manager: { ...base, branchId: fixture.managerBranchId }, compliance: { ...base, branchId: null } };
}
