// Shared by the permission suites (customers-access*, policies-access*, reveal): the demo staff signed
// in, the branches they belong to, and direct database reads to compare API answers against.
import { Branch } from '../../server/src/modules/branches/branch.entity';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { Staff } from '../../server/src/modules/staff/staff.entity';
import type { GqlClient, GqlResult } from '../support/client';
import type { TestServer } from '../support/test-server';

export const ROLES = ['agent', 'agent2', 'manager', 'inspector', 'compliance', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

/** The shapes a user sees: 18-character resident ID and 11-digit mobile, each with the middle starred. */
export const MASKED_ID = /^\d{3}\*{11}[\dX]{4}$/;
export const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/;

export interface Fixture {
  clients: Record<RoleName, GqlClient>;
  staffId: Record<RoleName, number>;
  /** Branch ids by code: agent and manager work in BJ, agent2 in SH. */
  branch: Record<string, number>;
}

export async function signInAll(server: TestServer): Promise<Fixture> {
  const clients = {} as Record<RoleName, GqlClient>;
  const staffId = {} as Record<RoleName, number>;
  for (const role of ROLES) {
    clients[role] = await server.signIn(role);
    staffId[role] = (await server.db.getRepository(Staff).findOneByOrFail({ username: role })).id;
  }
  const branch = Object.fromEntries((await server.db.getRepository(Branch).find()).map((b) => [b.code, b.id]));
  return { clients, staffId, branch };
}

/** Customers of one branch as stored, decrypted through the entity repository, lowest id first. */
export function customersOf(server: TestServer, branchId: number): Promise<Customer[]> {
  return server.db.getRepository(Customer).find({ where: { branchId }, order: { id: 'ASC' } });
}

export async function countRows(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await server.db.query(sql, params);
  return Number(rows[0].n);
}

export const deniedCount = (server: TestServer, staffId: number) =>
  countRows(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE staff_id = ? AND outcome = 'denied'", [staffId]);

/** The first error of a refused request, after checking that no data came back with it. */
export function refusal(result: GqlResult): { code?: string; message: string; fields?: Record<string, string> } {
  expect(result.errors?.length).toBeGreaterThan(0);
  // Nothing comes back: no data at all, or (for a nullable root field such as reveal) only nulls.
  expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
  const [error] = result.errors!;
  return { code: error.extensions?.code, message: error.message, fields: error.extensions?.fields };
}

/** Runs a request that must be refused with `code`, and checks it left one more 'denied' entry for that staff member. */
export async function expectDeniedAndAudited(
  server: TestServer,
  staffId: number,
  run: () => Promise<GqlResult>,
  code = 'FORBIDDEN',
): Promise<{ code?: string; message: string; fields?: Record<string, string> }> {
  const before = await deniedCount(server, staffId);
  const error = refusal(await run());
  expect(error.code).toBe(code);
  expect(await deniedCount(server, staffId)).toBe(before + 1);
  return error;
}
