import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { guardedQuery } from '../access/guarded-query';
import type { AppAbility } from '../access/ability';
import type { DataSource } from 'typeorm';
import { Branch } from '../modules/branches/branch.entity';
import { Customer } from '../modules/customers/customer.entity';

/**
 * Batched, row-guarded lookups by id for nested fields (`policy { holder }`): one query per page, not
 * one per row, and a record the caller may not read comes back as null.
 */
function guardedLoader<T extends ObjectLiteral & { id: number }>(scope: { ability: AppAbility; db: DataSource }, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await guardedQuery(scope, entity, 'r').andWhere('r.id IN (:...ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function createLoaders(scope: { ability: AppAbility; db: DataSource }) {
  return {
    customer: guardedLoader(scope, Customer),
    branch: guardedLoader(scope, Branch),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
