import { Max, Min, MaxLength, validateSync } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Kind, visit, type DocumentNode } from 'graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { canFilterOn } from '../access/field-guard';
import type { RequestContext } from './context';
import { AppError, invalidInput } from './errors';
import { sqlTime } from '../db/columns';
import type { GraphQLResolveInfo } from 'graphql';
import { selectAsked, type FieldReads } from './projection';

/** better-sqlite3 binds no Date: times are compared in the text form both databases store. */
const bindable = (value: unknown) => (value instanceof Date ? sqlTime(value) : value);

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

export const MAX_PAGE_SIZE = 1000;

/**
 * The one place the page size is capped, for every list in the schema whatever its own argument
 * class says: any `perPage` above the maximum, literal or variable, refuses the whole operation
 * before it runs (the message does not name the number).
 */
export function assertPageSizes(document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'perPage') return;
      const value = node.value.kind === Kind.VARIABLE ? variables?.[node.value.name.value] : node.value.kind === Kind.INT ? Number(node.value.value) : undefined;
      if (typeof value === 'number' && value > MAX_PAGE_SIZE) throw new AppError('PAGE_TOO_LARGE', { extensions: { http: { status: 400 } } });
    },
  });
}

/** The paging and sorting arguments of ra-data-graphql-simple; page is 0-based. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @Min(0)
  page: number;

  @Field(() => Int, { nullable: true, defaultValue: 25 })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  perPage: number;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  sortField?: string | null;

  @Field(() => SortOrder, { nullable: true })
  sortOrder?: SortOrder | null;
}

@ObjectType('ListMetadata')
export class ListMetadata {
  @Field(() => Int)
  count: number;
}

/** How one filter key narrows the query. `field` is what must be readable for the filter to be allowed. */
export interface FilterHandler<T extends ObjectLiteral> {
  field?: string;
  apply: (qb: SelectQueryBuilder<T>, value: unknown, param: string) => void;
}

export interface ListSpec<T extends ObjectLiteral> {
  subject: string;
  alias: string;
  /** Sortable fields and the column expression each sorts by. */
  sortable: Record<string, string>;
  defaultSort: { field: string; order: SortOrder };
  filters: Record<string, FilterHandler<T>>;
  /** The columns the type's field resolvers read: declared, a page loads only the columns it shows (projection.ts). */
  fieldReads?: FieldReads;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/**
 * The filter's own constraints (@Min, @Max, @MaxLength on its input class): class-validator checks a
 * nested input only when told to, and no list or export argument tells it, so they are checked here.
 */
export function assertValidFilter(filter: object | null | undefined): void {
  if (!filter || filter.constructor === Object) return;
  const fields: Record<string, string> = {};
  for (const issue of validateSync(filter, { forbidUnknownValues: false, skipMissingProperties: true })) fields[`filter.${issue.property}`] = Object.values(issue.constraints ?? {}).join('; ');
  if (Object.keys(fields).length) throw invalidInput(fields);
}

/** Applies filters, refusing any on a field the caller cannot read (no oracle). */
export function applyFilters<T extends ObjectLiteral>(
  ctx: Pick<RequestContext, 'ability'>,
  qb: SelectQueryBuilder<T>,
  spec: ListSpec<T>,
  filter: object | null | undefined,
): SelectQueryBuilder<T> {
  if (!filter) return qb;
  assertValidFilter(filter);
  const unreadable: string[] = [];
  const entries = Object.entries(filter).filter(([, value]) => isSet(value));
  for (const [key] of entries) {
    const handler = spec.filters[key];
    if (!handler) throw invalidInput({ [`filter.${key}`]: 'is not a filter of this list' });
    if (handler.field && !canFilterOn(ctx.ability, spec.subject, handler.field)) unreadable.push(key);
  }
  if (unreadable.length) {
    throw new AppError('FIELD_NOT_READABLE', {
      message: `You cannot filter on: ${unreadable.join(', ')}`,
      fields: Object.fromEntries(unreadable.map((key) => [`filter.${key}`, 'not readable for your role'])),
    });
  }
  entries.forEach(([key, value], index) => spec.filters[key].apply(qb, value, `f${index}_${key.replace(/\W/g, '')}`));
  return qb;
}

/** Sorts (refusing unreadable or unknown fields), with the id as tie-breaker so pages never overlap. */
export function applySortAndPage<T extends ObjectLiteral>(
  ctx: Pick<RequestContext, 'ability'>,
  qb: SelectQueryBuilder<T>,
  spec: ListSpec<T>,
  args: ListArgs,
): SelectQueryBuilder<T> {
  const field = args.sortField || spec.defaultSort.field;
  const order = args.sortOrder ?? (args.sortField ? SortOrder.ASC : spec.defaultSort.order);
  const column = spec.sortable[field];
  // Permission first: a field the caller cannot read is refused as such, sortable or not.
  if (field !== 'id' && !canFilterOn(ctx.ability, spec.subject, field)) {
    throw new AppError('FIELD_NOT_READABLE', { message: `You cannot sort on: ${field}`, fields: { sortField: 'not readable for your role' } });
  }
  if (!column) throw invalidInput({ sortField: `cannot sort by "${field}"; sortable: ${Object.keys(spec.sortable).join(', ')}` });
  qb.orderBy(column, order);
  if (field !== 'id') qb.addOrderBy(`${spec.alias}.id`, order);
  const perPage = args.perPage ?? 25;
  return qb.skip((args.page ?? 0) * perPage).take(perPage);
}

/** One page of a list: sorted and paged, and narrowed to the columns the query shows when the spec says what its resolvers read. */
export function listPage<T extends ObjectLiteral>(
  ctx: Pick<RequestContext, 'ability'>,
  qb: SelectQueryBuilder<T>,
  spec: ListSpec<T>,
  args: ListArgs,
  info: GraphQLResolveInfo,
): Promise<T[]> {
  const page = applySortAndPage(ctx, qb, spec, args);
  return (spec.fieldReads ? selectAsked(page, ctx.ability, info, spec.fieldReads) : page).getMany();
}

/** A filter's id as a number to bind, or null when it is no id: the filter then matches nothing (NaN cannot be bound). */
export function filterId(value: unknown): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/** Common filter shapes. */
export const filterBy = {
  equals<T extends ObjectLiteral>(alias: string, field: string, column = field): FilterHandler<T> {
    return { field, apply: (qb, value, p) => void qb.andWhere(`${alias}.${column} = :${p}`, { [p]: bindable(value) }) };
  },
  range<T extends ObjectLiteral>(alias: string, field: string, op: '>=' | '<=' | '>' | '<'): FilterHandler<T> {
    return { field, apply: (qb, value, p) => void qb.andWhere(`${alias}.${field} ${op} :${p}`, { [p]: bindable(value) }) };
  },
  ids<T extends ObjectLiteral>(alias: string): FilterHandler<T> {
    return {
      apply: (qb, value, p) => {
        const ids = (value as unknown[]).map(Number).filter(Number.isSafeInteger);
        qb.andWhere(ids.length ? `${alias}.id IN (:...${p})` : '1 = 0', { [p]: ids });
      },
    };
  },
};
