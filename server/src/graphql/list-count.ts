import { Arg, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
 * How long a count found past its limit answers again for the very same statement (same SQL, same
 * parameters, same database). Recounting "10,000+" reads 10,001 index entries every time a screen
 * opens, the database's largest cost on the busiest lists (bench/NOTES.md, fix 13), and it is all but
 * always still true a few seconds later. Only screens reuse it: an export and the look-up budget
 * count afresh. Keyed by the statement itself, so a reused answer is one the caller's own query would
 * have given — nothing crosses between row rules.
 */
const PAST_LIMIT_REUSED_MS = 10_000;
const PAST_LIMIT_KEPT = 1_000;
const pastLimit = new WeakMap<DataSource, Map<string, number>>();

function seenPastLimit(db: DataSource, key: string): boolean {
  const until = pastLimit.get(db)?.get(key);
  return until !== undefined && until > performance.now();
}

function rememberPastLimit(db: DataSource, key: string): void {
  let kept = pastLimit.get(db);
  if (!kept) pastLimit.set(db, (kept = new Map()));
  kept.delete(key);
  if (kept.size >= PAST_LIMIT_KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(key, performance.now() + PAST_LIMIT_REUSED_MS);
}

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

  /** Counts at most `limit + 1` rows; `reusePastLimit`: a screen's count, which may be answered from a recent one past the limit. */
  async upTo(limit: number, reusePastLimit = false): Promise<CountUpTo> {
    const { alias, expressionMap, connection } = this.query;
    const id = expressionMap.mainAlias!.metadata.primaryColumns[0].propertyName;
    // A row joined to several others would be counted once per join row: DISTINCT then, as getCount does.
    const ids = this.query.clone().select(`${alias}.${id}`, 'id').distinct(expressionMap.joinAttributes.length > 0).orderBy().limit(limit + 1);
    const sql = ids.getQuery();
    const key = reusePastLimit ? `${sql}\n${JSON.stringify(ids.getParameters())}` : undefined;
    if (key !== undefined && seenPastLimit(connection, key)) return capped(limit + 1, limit);
    const row = await this.query.createQueryBuilder().select('COUNT(*)', 'n').from(`(${sql})`, 'counted').setParameters(ids.getParameters()).getRawOne<{ n: number | string }>();
    const counted = capped(Number(row?.n ?? 0), limit);
    if (key !== undefined && counted.more) rememberPastLimit(connection, key);
    return counted;
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
    return meta instanceof RowCount ? meta.upTo(limit, true) : capped(meta.count, limit);
  }
}
