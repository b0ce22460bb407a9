import type { AppAbility } from './ability';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Renders a column reference for a rule's field name, or undefined when the field is not a column. */
export type ColumnResolver = (field: string) => string | undefined;

class ParamNames {
  private n = 0;
  constructor(private readonly prefix: string) {}
  next(): string {
    this.n += 1;
    return `${this.prefix}${this.n}`;
  }
}

function renderField(column: string, condition: unknown, params: Record<string, unknown>, names: ParamNames): string {
  const bind = (value: unknown) => {
    const name = names.next();
    params[name] = value;
    return `:${name}`;
  };
  const bindList = (values: unknown[]) => {
    const name = names.next();
    params[name] = values;
    return `(:...${name})`;
  };
  const isOperatorObject =
    condition !== null && typeof condition === 'object' && !Array.isArray(condition) && !(condition instanceof Date);
  if (!isOperatorObject) {
    return condition === null ? `${column} IS NULL` : `${column} = ${bind(condition)}`;
  }
  const parts = Object.entries(condition as Record<string, unknown>).map(([op, value]) => {
    switch (op) {
      case '$eq':
        return value === null ? `${column} IS NULL` : `${column} = ${bind(value)}`;
      case '$ne':
        return value === null ? `${column} IS NOT NULL` : `(${column} <> ${bind(value)} OR ${column} IS NULL)`;
      case '$in':
        return Array.isArray(value) && value.length ? `${column} IN ${bindList(value)}` : '1 = 0';
      case '$nin':
        return Array.isArray(value) && value.length ? `${column} NOT IN ${bindList(value)}` : '1 = 1';
      case '$lt':
        return `${column} < ${bind(value)}`;
      case '$lte':
        return `${column} <= ${bind(value)}`;
      case '$gt':
        return `${column} > ${bind(value)}`;
      case '$gte':
        return `${column} >= ${bind(value)}`;
      default:
        throw new Error(`unsupported rule operator ${op}`);
    }
  });
  return parts.length ? parts.join(' AND ') : '1 = 1';
}

function renderConditions(
  conditions: Record<string, unknown>,
  columnOf: ColumnResolver,
  params: Record<string, unknown>,
  names: ParamNames,
): string {
  const parts = Object.entries(conditions).map(([field, condition]) => {
    const column = columnOf(field);
    // A rule about a field the table does not have can never match a row: fail closed.
    if (!column) return '1 = 0';
    return renderField(column, condition, params, names);
  });
  return parts.length ? `(${parts.join(' AND ')})` : '(1 = 1)';
}

/**
 * The rows `action` may touch, as SQL to AND into a query before LIMIT and COUNT, so pages are full
 * and totals honest. Returns null when no row is allowed. Follows CASL's rule precedence: rules are
 * read from the highest priority down; an unconditional allow ends the walk, an unconditional
 * forbid hides everything below it.
 */
export function rowFilter(
  ability: AppAbility,
  action: string,
  subject: string,
  columnOf: ColumnResolver,
  paramPrefix = 'rf',
): SqlCondition | null {
  const params: Record<string, unknown> = {};
  const names = new ParamNames(paramPrefix);
  const allowed: string[] = [];
  const forbidden: string[] = [];
  let unconditional = false;
  for (const rule of ability.rulesFor(action, subject)) {
    if (!rule.conditions) {
      if (rule.inverted) break;
      unconditional = true;
      break;
    }
    const sql = renderConditions(rule.conditions as Record<string, unknown>, columnOf, params, names);
    (rule.inverted ? forbidden : allowed).push(sql);
  }
  if (!unconditional && allowed.length === 0) return null;
  const clauses: string[] = [];
  if (!unconditional) clauses.push(`(${allowed.join(' OR ')})`);
  for (const sql of forbidden) clauses.push(`NOT ${sql}`);
  return { sql: clauses.length ? clauses.join(' AND ') : '1 = 1', params };
}
