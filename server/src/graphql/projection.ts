import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppAbility } from '../access/ability';
import { conditionFields } from '../access/condition-fields';

/** The columns read by the fields a resolver answers (`assignee` reads `assigneeId`). */
export type FieldReads = Readonly<Record<string, readonly string[]>>;

/** The field names a selection asks for, through fragments. */
function fieldsAsked(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else walk(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}

/**
 * Loads only the columns a page's rows need: the fields the query asks for, the columns their
 * resolvers read (`reads`), the primary key, and every field a rule of the caller names in its
 * conditions — the field guard judges each row by them, and a condition on a column not loaded would
 * judge `undefined` (a "not the phone of closed customers" would then show it). Whole rows, as before,
 * when a field asked for or a condition is not a plain column: nothing is guessed.
 * The complaint register's rows have some 70 columns and a page shows eight: hydrating the rest was a
 * third of the page's cost (bench/NOTES.md, fix 16).
 */
export function selectAsked<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, ability: AppAbility, info: GraphQLResolveInfo, reads: FieldReads): SelectQueryBuilder<T> {
  const metadata = qb.expressionMap.mainAlias!.metadata;
  const isColumn = (field: string) => !!metadata.findColumnWithPropertyName(field);
  const columns = new Set(metadata.primaryColumns.map((column) => column.propertyName));
  for (const field of fieldsAsked(info)) {
    if (field === '__typename') continue;
    const read = isColumn(field) ? [field] : reads[field];
    if (!read) return qb;
    read.forEach((column) => columns.add(column));
  }
  for (const field of conditionFields(ability, metadata.targetName)) {
    if (!isColumn(field)) return qb;
    columns.add(field);
  }
  return qb.select([...columns].map((column) => `${qb.alias}.${column}`));
}
