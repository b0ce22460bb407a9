import { Arg, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalidInput } from './errors';
import { ListMetadata } from './list';

@ObjectType('CountUpTo', { description: 'A count that stops at a limit: the total when `more` is false.' })
export class CountUpTo {
  @Field(() => Int, { description: 'Matching rows, at most the limit' })
  count: number;

  @Field({ description: 'More rows than the limit match: `count` is then the limit, not the total' })
  more: boolean;
}

/** `matching` rows seen, told against `limit`. */
const capped = (matching: number, limit: number): CountUpTo => ({ count: Math.min(matching, limit), more: matching > limit });

/**
 * A screen's count of many rows answers again, for 10 s, for the very same statement (same SQL, same
 * parameters, same database): a count past its limit ("10,000+"), or an exact one of 1,000 rows or
 * more. Counting them reads that many index entries every time a screen opens — the database's largest
 * cost on the busiest lists (bench/NOTES.md, fixes 13 and 15) — and nobody reads a total of thousands
 * to the last row. Smaller counts are always exact and current; only screens reuse (the `countUpTo`
 * field): an export's check, the look-up budget and `count` always count afresh. Keyed by the
 * statement itself, so a reused answer is one the caller's own query gave moments ago: nothing crosses
 * between row rules.
 */
const REUSED_MS = 10_000;
const REUSED_FROM_ROWS = 1_000;
const KEPT = 1_000;
const recent = new WeakMap<DataSource, Map<string, { matching: number; until: number }>>();

function recentCount(db: DataSource, key: string): number | undefined {
  const known = recent.get(db)?.get(key);
  return known && known.until > performance.now() ? known.matching : undefined;
}

function rememberCount(db: DataSource, key: string, matching: number): void {
  let kept = recent.get(db);
  if (!kept) recent.set(db, (kept = new Map()));
  kept.delete(key);
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(key, { matching, until: performance.now() + REUSED_MS });
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

  /** Counts at most `limit + 1` rows; `forScreen`: a screen's count, which may be answered from a recent one of many rows. */
  async upTo(limit: number, forScreen = false): Promise<CountUpTo> {
    const { alias, expressionMap, connection } = this.query;
    const id = expressionMap.mainAlias!.metadata.primaryColumns[0].propertyName;
    // A row joined to several others would be counted once per join row: DISTINCT then, as getCount does.
    const ids = this.query.clone().select(`${alias}.${id}`, 'id').distinct(expressionMap.joinAttributes.length > 0).orderBy().limit(limit + 1);
    const sql = ids.getQuery();
    const key = forScreen ? `${sql}\n${JSON.stringify(ids.getParameters())}` : undefined;
    const known = key === undefined ? undefined : recentCount(connection, key);
    if (known !== undefined) return capped(known, limit);
    const row = await this.query.createQueryBuilder().select('COUNT(*)', 'n').from(`(${sql})`, 'counted').setParameters(ids.getParameters()).getRawOne<{ n: number | string }>();
    const matching = Number(row?.n ?? 0);
    if (key !== undefined && matching >= Math.min(REUSED_FROM_ROWS, limit + 1)) rememberCount(connection, key, matching);
    return capped(matching, limit);
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

  @FieldResolver(() => CountUpTo, { description: 'How many rows match, counted up to `limit` (at least 1): cheaper than `count` on a broad filter. A count of 1,000 rows or more may be up to 10 s old; `count` is always current.' })
  countUpTo(@Root() meta: ListMetadataSource, @Arg('limit', () => Int) limit: number): Promise<CountUpTo> | CountUpTo {
    if (limit < 1) throw invalidInput({ limit: 'must be at least 1' });
    return meta instanceof RowCount ? meta.upTo(limit, true) : capped(meta.count, limit);
  }
}
