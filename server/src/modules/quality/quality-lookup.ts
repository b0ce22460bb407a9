import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';

/** The row with this id when the caller may read it, else null (as for no id). */
export const guardedOne = <T extends { id: number }>(ctx: RequestContext, entity: new () => T, id: number | null) =>
  id ? guardedQuery(ctx, entity, 'x').andWhere('x.id = :id', { id }).getOne() : Promise.resolve(null);
