import type { DataSource, EntityManager } from 'typeorm';
import type { StoredRule } from '../../access/rules';
import { now } from '../../clock';
import { sqlTime } from '../../db/columns';

export interface EffectiveGrant {
  grantId: number;
  staffId: number;
  roleId: number;
  roleName: string;
  roleLabel: string;
  requiresMfa: boolean;
  highRisk: boolean;
  rules: StoredRule[];
}

interface Row {
  grant_id: number;
  staff_id: number;
  role_id: number;
  name: string;
  label: string;
  requires_mfa: number | boolean;
  high_risk: number | boolean;
  rules: string | StoredRule[];
}

/** Active grants inside their validity window, for some staff (or all): the one query both sign-in paths and reports use. */
async function grantsInEffect(db: DataSource | EntityManager, staffIds: number[] | 'all', at: Date): Promise<EffectiveGrant[]> {
  if (staffIds !== 'all' && staffIds.length === 0) return [];
  const qb = db
    .createQueryBuilder()
    .select(['g.id AS grant_id', 'g.staff_id AS staff_id', 'r.id AS role_id', 'r.name AS name', 'r.label AS label', 'r.requires_mfa AS requires_mfa', 'r.high_risk AS high_risk', 'r.rules AS rules'])
    .from('role_grant', 'g')
    .innerJoin('role', 'r', 'r.id = g.role_id')
    .where("g.status = 'active'")
    .andWhere('(g.valid_from IS NULL OR g.valid_from <= :at)', { at: sqlTime(at) })
    .andWhere('(g.valid_until IS NULL OR g.valid_until > :at)', { at: sqlTime(at) });
  if (staffIds !== 'all') qb.andWhere('g.staff_id IN (:...staffIds)', { staffIds });
  const rows: Row[] = await qb.orderBy('g.id', 'ASC').getRawMany();
  return rows.map((row) => ({
    grantId: Number(row.grant_id),
    staffId: Number(row.staff_id),
    roleId: Number(row.role_id),
    roleName: row.name,
    roleLabel: row.label,
    requiresMfa: Boolean(Number(row.requires_mfa)),
    highRisk: Boolean(Number(row.high_risk)),
    rules: typeof row.rules === 'string' ? (JSON.parse(row.rules) as StoredRule[]) : row.rules,
  }));
}

/**
 * The roles a staff member holds right now: active grants inside their validity window. Read on
 * every request, so a revoked or expired grant stops working on the holder's next request.
 */
export function effectiveGrants(db: DataSource | EntityManager, staffId: number, at: Date = now()): Promise<EffectiveGrant[]> {
  return grantsInEffect(db, [staffId], at);
}

/** The same, for many staff at once (who-can, violation reports), grouped by staff id. */
export async function effectiveGrantsOf(db: DataSource | EntityManager, staffIds: number[] | 'all', at: Date = now()): Promise<Map<number, EffectiveGrant[]>> {
  const byStaff = new Map<number, EffectiveGrant[]>();
  for (const grant of await grantsInEffect(db, staffIds, at)) {
    const list = byStaff.get(grant.staffId) ?? [];
    list.push(grant);
    byStaff.set(grant.staffId, list);
  }
  return byStaff;
}
