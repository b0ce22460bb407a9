import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';
import { Role } from './role.entity';
import { Staff } from './staff.entity';

/**
 * Batched, row-guarded lookups of the staff and roles that grants, reviews and reports point at: one
 * query per page, and a record the caller may not read resolves to null.
 */
const caches = new WeakMap<RequestContext, Map<unknown, DataLoader<number, unknown>>>();

function loaderOf<T extends ObjectLiteral & { id: number }>(ctx: RequestContext, entity: EntityTarget<T>): DataLoader<number, T | null> {
  let byEntity = caches.get(ctx);
  if (!byEntity) caches.set(ctx, (byEntity = new Map()));
  let loader = byEntity.get(entity) as DataLoader<number, T | null> | undefined;
  if (!loader) {
    loader = new DataLoader<number, T | null>(async (ids) => {
      const rows = await guardedQuery(ctx, entity, 'r').andWhere('r.id IN (:...ids)', { ids: [...ids] }).getMany();
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    byEntity.set(entity, loader as DataLoader<number, unknown>);
  }
  return loader;
}

export function loadStaffMember(ctx: RequestContext, id: number | null | undefined): Promise<Staff | null> {
  return id ? loaderOf(ctx, Staff).load(Number(id)) : Promise.resolve(null);
}

export function loadRole(ctx: RequestContext, id: number | null | undefined): Promise<Role | null> {
  return id ? loaderOf(ctx, Role).load(Number(id)) : Promise.resolve(null);
}
