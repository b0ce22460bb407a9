// Shared by the complaints-* suites: registering complaints, taking workflow steps, and moving the
// server's clock to a given instant (the server runs in this process, so advanceClock moves it).
import { advanceClock, now } from '../../server/src/clock';
import type { GqlClient, GqlResult } from '../support/client';
import type { TestServer } from '../support/test-server';

export const COMPLAINT = `id version number state severity majorReasons branchId assigneeId receivedAt nextDueAt approvalRequired
  compensationFen complainantName complainantPhone firstResponseAt materialsCompleteAt availableActions
  clocks { kind dueAt timeLeftSeconds paused status warnAt completedAt }`;

export const REGISTER = `mutation Register($channel: ComplaintChannel, $branchId: ID, $category: ComplaintCategory, $summary: String,
  $complainantName: String, $complainantPhone: String, $complainantEmail: String, $complainantCustomerId: ID, $policyId: ID,
  $receivedAt: DateTimeISO, $regulatorReference: String, $regulatorDueAt: DateTimeISO, $involvesMedia: Boolean,
  $involvesLitigation: Boolean, $disputedAmountFen: SafeInt, $deathCount: Int, $groupComplaint: Boolean, $details: String) {
  createComplaint(channel: $channel, branchId: $branchId, category: $category, summary: $summary, complainantName: $complainantName,
    complainantPhone: $complainantPhone, complainantEmail: $complainantEmail, complainantCustomerId: $complainantCustomerId,
    policyId: $policyId, receivedAt: $receivedAt, regulatorReference: $regulatorReference, regulatorDueAt: $regulatorDueAt,
    involvesMedia: $involvesMedia, involvesLitigation: $involvesLitigation, disputedAmountFen: $disputedAmountFen,
    deathCount: $deathCount, groupComplaint: $groupComplaint, details: $details) { ${COMPLAINT} }
}`;

export const GET = `query Get($id: ID!) { Complaint(id: $id) { ${COMPLAINT} timeline { kind fromState toState staffId staffName note data } } }`;

export interface ComplaintView {
  id: string;
  version: number;
  number: string;
  state: string;
  severity: string;
  majorReasons: string[];
  branchId: string;
  assigneeId: string | null;
  receivedAt: string;
  nextDueAt: string | null;
  approvalRequired: boolean;
  compensationFen: number | null;
  complainantName: string;
  complainantPhone: string | null;
  firstResponseAt: string | null;
  materialsCompleteAt: string | null;
  availableActions: string[];
  clocks: Array<{ kind: string; dueAt: string | null; timeLeftSeconds: number | null; paused: boolean; status: string; warnAt: string | null; completedAt: string | null }>;
  timeline?: Array<{ kind: string; fromState: string | null; toState: string | null; staffId: string | null; staffName: string | null; note: string | null; data: Record<string, unknown> | null }>;
}

export function baseComplaint(branchId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { channel: 'hotline', branchId, category: 'claims', summary: '理赔款迟迟未到账', complainantName: '王建国', complainantPhone: '13812345678', ...extra };
}

export async function register(client: GqlClient, variables: Record<string, unknown>): Promise<ComplaintView> {
  return (await client.ok<{ createComplaint: ComplaintView }>(REGISTER, variables)).createComplaint;
}

export async function fetchComplaint(client: GqlClient, id: string): Promise<ComplaintView> {
  return (await client.ok<{ Complaint: ComplaintView }>(GET, { id })).Complaint;
}

// GraphQL types of the step arguments, so one helper can call any step.
const ARG_TYPES: Record<string, string> = {
  note: 'String', reason: 'String!', materials: 'String!', notifiedVia: 'ContactMethod!', materialsReceivedAt: 'DateTimeISO',
  forwardedTo: 'String', assigneeId: 'ID!', resolution: 'String!', compensationFen: 'SafeInt!', method: 'ContactMethod!',
  satisfaction: 'Int!', report: 'String!', summary: 'String',
};

export function stepRequest(client: GqlClient, mutation: string, c: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<GqlResult<Record<string, ComplaintView>>> {
  const names = Object.keys(args);
  const decl = ['$id: ID!', '$version: Int!', ...names.map((n) => `$${n}: ${ARG_TYPES[n]}`)].join(', ');
  const pass = ['id: $id', 'version: $version', ...names.map((n) => `${n}: $${n}`)].join(', ');
  return client.request(`mutation Step(${decl}) { ${mutation}(${pass}) { ${COMPLAINT} } }`, { id: c.id, version: c.version, ...args });
}

/** A step that must succeed; returns the complaint after it. */
export async function step(client: GqlClient, mutation: string, c: { id: string; version: number }, args: Record<string, unknown> = {}): Promise<ComplaintView> {
  const result = await stepRequest(client, mutation, c, args);
  if (result.errors?.length || !result.data) throw new Error(`${mutation} failed: ${JSON.stringify(result.errors)}`);
  return result.data[mutation];
}

/** Moves the server's clock so that now() is `at`. Sign in again afterwards: sessions live in clock time. */
export function setClock(at: Date | string): void {
  advanceClock(new Date(at).getTime() - now().getTime());
}

export async function staffIdOf(server: TestServer, username: string): Promise<string> {
  const rows: { id: number }[] = await server.db.query('SELECT id FROM staff WHERE username = ?', [username]);
  return String(rows[0].id);
}

export async function branchIdOf(server: TestServer, code: string): Promise<string> {
  const rows: { id: number }[] = await server.db.query('SELECT id FROM branch WHERE code = ?', [code]);
  return String(rows[0].id);
}

export async function countOf(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await server.db.query(sql, params);
  return Number(rows[0].n);
}
