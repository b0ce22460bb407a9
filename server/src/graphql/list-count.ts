import { Arg, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalidInput } from './errors';
import { ListMetadata } from './list';

@ObjectType('CountUpTo', { description: 'A count that stops at a limit: the exact total when `more` is false.' })
export class CountUpTo {
  @Field(() => Int, { description: 'Matching rows, at most the limit' })
  count: number;

  @Field({ description: 'More rows than the limit match: `count` is then the limit, not the total' })
  more: boolean;
}

/** `matching` rows seen, told against `limit`. */
const capped = (matching: number, limit: number): CountUpTo => ({ count: Math.min(matching, limit), more: matching > limit });

/**
 * The count of a register that grows without bound (customers, policies, complaints, the audit log,
 * inquiries, reminders), and of an export's rows. An exact count of a broad filter reads every
 * matching index entry — 50,000 for the commonest surname at a million policies, the slowest part of
 * the page — while a screen only needs "more than 10,000"; `upTo` stops reading at the limit.
 */
export class RowCount {
  constructor(private readonly query: SelectQueryBuilder<ObjectLiteral>) {}

  exact(): Promise<number> {
    return this.query.getCount();
  }

  async upTo(limit: number): Promise<CountUpTo> {
    const { alias, expressionMap } = this.query;
    const key = expressionMap.mainAlias!.metadata.primaryColumns[0].propertyName;
    // A row joined to several others would be counted once per join row: DISTINCT then, as getCount does.
    const ids = this.query.clone().select(`${alias}.${key}`, 'id').distinct(expressionMap.joinAttributes.length > 0).orderBy().limit(limit + 1);
    const row = await this.query.createQueryBuilder().select('COUNT(*)', 'n').from(`(${ids.getQuery()})`, 'counted').setParameters(ids.getParameters()).getRawOne<{ n: number | string }>();
    return capped(Number(row?.n ?? 0), limit);
  }
}

/** What a `_allXMeta` query returns: a number for the small lists, a RowCount for the registers. */
export type ListMetadataSource = { count: number } | RowCount;

@Resolver(() => ListMetadata)
export class ListMetadataResolver {
  @FieldResolver(() => Int, { description: 'How many rows match the filter, exactly' })
  count(@Root() meta: ListMetadataSource): Promise<number> | number {
    return meta instanceof RowCount ? meta.exact() : meta.count;
  }

  @FieldResolver(() => CountUpTo, { description: 'How many rows match, counted up to `limit` (at least 1): cheaper than `count` on a broad filter' })
  countUpTo(@Root() meta: ListMetadataSource, @Arg('limit', () => Int) limit: number): Promise<CountUpTo> | CountUpTo {
    if (limit < 1) throw invalidInput({ limit: 'must be at least 1' });
    return meta instanceof RowCount ? meta.upTo(limit) : capped(meta.count, limit);
  }
}
