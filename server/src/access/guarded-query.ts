import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../graphql/context';
import { notFound } from '../graphql/errors';
import { rowFilter } from './row-filter';

/**
 * A query over the rows the caller may `action`: the rules' conditions become SQL before any LIMIT
 * or COUNT. Every read of a guarded type starts here.
 */
export function guardedQuery<T extends ObjectLiteral>(
  ctx: Pick<RequestContext, 'ability' | 'db'>,
  entity: EntityTarget<T>,
  alias: string,
  action = 'read',
  em?: EntityManager,
): SelectQueryBuilder<T> {
  const qb = (em ?? ctx.db.manager).getRepository(entity).createQueryBuilder(alias);
  return andRowFilter(ctx, qb, action);
}

/** Narrows a query on a guarded entity to the rows `action` is allowed on (callable for several actions). */
export function andRowFilter<T extends ObjectLiteral>(ctx: Pick<RequestContext, 'ability'>, qb: SelectQueryBuilder<T>, action: string): SelectQueryBuilder<T> {
  const alias = qb.alias;
  const metadata = qb.expressionMap.mainAlias!.metadata;
  const columnOf = (field: string) => {
    const column = metadata.findColumnWithPropertyName(field);
    return column ? `${qb.escape(alias)}.${qb.escape(column.databaseName)}` : undefined;
  };
  const filter = rowFilter(ctx.ability, action, metadata.targetName, columnOf, `${alias}_${action}_rf`);
  if (!filter) return qb.andWhere('1 = 0');
  return qb.andWhere(`(${filter.sql})`, filter.params);
}

/** One record the caller may `action`. Missing and forbidden give the same NOT_FOUND, from the same query. */
export async function findGuarded<T extends ObjectLiteral>(
  ctx: Pick<RequestContext, 'ability' | 'db'>,
  entity: EntityTarget<T>,
  id: number | string,
  action = 'read',
  em?: EntityManager,
): Promise<T> {
  const numeric = Number(id);
  if (!Number.isSafeInteger(numeric) || numeric <= 0) throw notFound();
  const record = await guardedQuery(ctx, entity, 'r', action, em).andWhere('r.id = :id', { id: numeric }).getOne();
  if (!record) throw notFound();
  return record;
}
