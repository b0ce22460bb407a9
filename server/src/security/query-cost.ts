import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * How many rows a list with no page argument is assumed to hold (a customer's policies, a complaint's
 * events). Real ones are mostly smaller; what matters is that nesting them multiplies.
 */
export const UNPAGED_LIST_SIZE = 10;

/** The arguments that bound how many rows a list returns (`perPage` of the react-admin lists, `limit` of myReportJobs). */
const PAGE_ARGUMENTS = ['perPage', 'limit', 'first', 'take'];

/**
 * The most values an operation can put into its response: every field counts once per row it can appear
 * in, and a list multiplies what is selected under it by the rows it can return — its `perPage` (literal or
 * variable, else the operation's default for that variable, else the argument's default, else the largest
 * page the server serves), or UNPAGED_LIST_SIZE when it has no page argument. GraphQL Armor's cost rule
 * counts a field once however many rows it repeats in, so a full page of customers with their policies'
 * holders' policies … passed it and held the server for most of a minute.
 *
 * The walk stops as soon as the count passes `stopAbove`: with fragments spread at every level the tree of
 * selections can be far larger than the document, and the count alone decides the answer.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  { stopAbove = Number.MAX_SAFE_INTEGER, largestPage }: { stopAbove?: number; largestPage: number },
): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // Coerced as execution will coerce them, so `query ($n: Int = 1000)` sent without `n` counts 1000 rows.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  const values = coerced.coerced ?? {};
  let total = 0;

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, rows: number, path: Set<string>): void => {
    for (const selection of set.selections) {
      if (total > stopAbove) return;
      if (selection.kind === Kind.FIELD) {
        total += rows;
        const field = fieldOf(parent, selection);
        if (!field || !selection.selectionSet) continue;
        const type = getNamedType(field.type);
        if (isCompositeType(type)) walk(selection.selectionSet, type, rows * Math.max(1, listSize(field, selection, values, largestPage)), path);
        continue;
      }
      const typeName = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : fragments.get(selection.name.value)?.typeCondition.name.value;
      const onType = (typeName ? schema.getType(typeName) : parent) ?? parent;
      if (!isCompositeType(onType)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, onType, rows, path);
        continue;
      }
      const fragment = fragments.get(selection.name.value);
      // Validation refuses fragment cycles; the path guard only keeps this function safe on its own.
      if (!fragment || path.has(fragment.name.value)) continue;
      path.add(fragment.name.value);
      walk(fragment.selectionSet, onType, rows, path);
      path.delete(fragment.name.value);
    }
  };

  walk(operation.selectionSet, root, 1, new Set());
  return total;
}

function fieldOf(parent: GraphQLCompositeType, node: FieldNode): GraphQLField<unknown, unknown> | undefined {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return undefined;
  return parent.getFields()[node.name.value];
}

/** The rows a field can return: 1 for a single value, its page size for a paged list, else the assumed size. */
function listSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>, largestPage: number): number {
  if (!isListType(getNullableType(field.type))) return 1;
  const pageArgument = field.args.find((a) => PAGE_ARGUMENTS.includes(a.name));
  if (!pageArgument) return UNPAGED_LIST_SIZE;
  let asked: unknown;
  try {
    asked = getArgumentValues(field, node, variables)[pageArgument.name];
  } catch {
    // An argument execution would refuse: nothing runs, so any size will do.
    return 1;
  }
  // A list asked without a size (null, or no default) is capped by the server at the largest page.
  return typeof asked === 'number' && Number.isFinite(asked) ? asked : largestPage;
}
