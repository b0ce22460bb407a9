import { holds } from '../../access/separation-of-duties';
import { AuditOutcome } from '../audit/audit-entry.entity';
import { Role } from '../staff/role.entity';
import { RoleGrant } from '../staff/role-grant.entity';
import { Staff } from '../staff/staff.entity';
import { auditOfStaff, canReadAudit, TOP, type CountRow } from './inquiry-security.figures';
import type { ReportRequest } from './report-definition';
import { num } from './report-sql';

/**
 * Report 3's reveals of sensitive fields (敏感信息查看): the successful `reveal` audit entries of the
 * period, in total and by staff member, field and role, as SQL aggregations over the audit entries the
 * requester may read (of the scope's staff for a branch).
 */

export interface RevealStaffRow {
  staffId: number | null;
  username: string;
  name: string;
  reveals: number;
  records: number;
}

export interface RevealRoleRow {
  role: string;
  label: string;
  reveals: number;
  staff: number;
}

export interface RevealFigures {
  total: number;
  staff: number;
  records: number;
  byStaff: RevealStaffRow[];
  byRole: RevealRoleRow[];
  /** Subject type and field, e.g. Customer.idNumber. */
  byField: CountRow[];
}

const reveals = (request: ReportRequest) => auditOfStaff(request).andWhere("a.action = 'reveal'").andWhere('a.outcome = :ok', { ok: AuditOutcome.success });

export async function revealFigures(request: ReportRequest): Promise<RevealFigures | null> {
  if (!canReadAudit(request)) return null;
  const totals = await reveals(request).select('COUNT(*)', 'total').addSelect('COUNT(DISTINCT a.staff_id)', 'staff').getRawOne<Record<string, unknown>>();
  const staffRows: Array<Record<string, unknown>> = await reveals(request)
    .leftJoin(Staff, 'who', 'who.id = a.staff_id')
    .select('a.staff_id', 'staffId')
    .addSelect('MAX(a.staff_username)', 'username')
    .addSelect('MAX(who.display_name)', 'name')
    .addSelect('COUNT(*)', 'reveals')
    .groupBy('a.staff_id')
    .orderBy('reveals', 'DESC')
    .addOrderBy('a.staff_id', 'ASC')
    .limit(TOP)
    .getRawMany();
  const fieldRows: Array<{ t: unknown; f: unknown; n: unknown }> = await reveals(request)
    .select('a.subject_type', 't')
    .addSelect('a.changes', 'f')
    .addSelect('COUNT(*)', 'n')
    .groupBy('a.subject_type')
    .addGroupBy('a.changes')
    .getRawMany();
  const staffIds = staffRows.map((r) => (r.staffId === null ? null : num(r.staffId)));
  const records = await distinctRecords(request);
  return {
    total: num(totals?.total),
    staff: num(totals?.staff),
    records: [...records.values()].reduce((a, b) => a + b, 0),
    byStaff: staffRows.map((r, i) => ({
      staffId: staffIds[i],
      username: String(r.username ?? '—'),
      name: String(r.name ?? r.username ?? '—'),
      reveals: num(r.reveals),
      records: records.get(staffIds[i]) ?? 0,
    })),
    byRole: await revealsByRole(request),
    byField: mergeCounts(fieldRows.map((r) => ({ key: `${String(r.t)}.${revealedField(r.f)}`, count: num(r.n) }))),
  };
}

/**
 * Distinct records revealed, per staff member (key null: no staff). A record is a subject type and id;
 * portable SQL has no two-column COUNT(DISTINCT) nor one concatenation operator, so the database counts
 * per type and the few (staff, type) rows are added up here.
 */
async function distinctRecords(request: ReportRequest): Promise<Map<number | null, number>> {
  const rows: Array<{ s: unknown; n: unknown }> = await reveals(request)
    .select('a.staff_id', 's')
    .addSelect('COUNT(DISTINCT a.subject_id)', 'n')
    .groupBy('a.staff_id')
    .addGroupBy('a.subject_type')
    .getRawMany();
  const out = new Map<number | null, number>();
  for (const r of rows) {
    const id = r.s === null ? null : num(r.s);
    out.set(id, (out.get(id) ?? 0) + num(r.n));
  }
  return out;
}

/** The field named in a reveal entry's changes ({"field":"idNumber"}), stored as JSON text. */
function revealedField(changes: unknown): string {
  try {
    const parsed = (typeof changes === 'string' ? JSON.parse(changes) : changes) as { field?: unknown } | null;
    return typeof parsed?.field === 'string' ? parsed.field : '?';
  } catch {
    return '?';
  }
}

function mergeCounts(rows: CountRow[]): CountRow[] {
  const merged = new Map<string, number>();
  for (const r of rows) merged.set(r.key, (merged.get(r.key) ?? 0) + r.count);
  return [...merged].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Reveals by the role that allowed them: the roles the staff member held at the moment of the reveal
 * (grants in effect then) whose rules grant `reveal` on that kind of record. Counted in SQL per role and
 * kind; only the few role × kind rows are checked against the roles' rules.
 */
async function revealsByRole(request: ReportRequest): Promise<RevealRoleRow[]> {
  const inEffect = [
    'g.staff_id = a.staff_id',
    "g.status IN ('active', 'revoked')",
    'g.created_at <= a.at',
    '(g.valid_from IS NULL OR g.valid_from <= a.at)',
    '(g.approved_at IS NULL OR g.approved_at <= a.at)',
    '(g.valid_until IS NULL OR g.valid_until > a.at)',
    '(g.revoked_at IS NULL OR g.revoked_at > a.at)',
  ].join(' AND ');
  const rows: Array<Record<string, unknown>> = await reveals(request)
    .innerJoin(RoleGrant, 'g', inEffect)
    .innerJoin(Role, 'r', 'r.id = g.role_id')
    .select('r.id', 'roleId')
    .addSelect('a.subject_type', 'type')
    .addSelect('COUNT(*)', 'reveals')
    .groupBy('r.id')
    .addGroupBy('a.subject_type')
    .getRawMany();
  if (!rows.length) return [];
  const roles = await request.db.getRepository(Role).find({ select: { id: true, name: true, label: true, rules: true } });
  const byId = new Map(roles.map((r) => [r.id, r]));
  const giving = rows.filter((r) => {
    const role = byId.get(num(r.roleId));
    return role && holds(role.rules, { action: 'reveal', subject: String(r.type) });
  });
  if (!giving.length) return [];
  // Distinct staff per role, over the kinds that role may reveal.
  const result: RevealRoleRow[] = [];
  for (const roleId of [...new Set(giving.map((r) => num(r.roleId)))]) {
    const types = giving.filter((r) => num(r.roleId) === roleId).map((r) => String(r.type));
    const staffRow = await reveals(request)
      .innerJoin(RoleGrant, 'g', `${inEffect} AND g.role_id = :roleId`, { roleId })
      .andWhere('a.subject_type IN (:...types)', { types })
      .select('COUNT(DISTINCT a.staff_id)', 'staff')
      .addSelect('COUNT(DISTINCT a.id)', 'reveals')
      .getRawOne<Record<string, unknown>>();
    const role = byId.get(roleId)!;
    result.push({ role: role.name, label: role.label, reveals: num(staffRow?.reveals), staff: num(staffRow?.staff) });
  }
  return result.sort((a, b) => b.reveals - a.reveals || a.role.localeCompare(b.role));
}

