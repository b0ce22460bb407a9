import { Kind, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** The root fields an operation will run, through fragments and inline fragments, each repeat and alias counted. */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        // A fragment spread twice at the root still runs its fields once per response key; counting it once is enough for a cycle guard.
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return out;
}

/** An argument's value as the resolver will see it, for literals and variables; undefined when absent. */
export function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown> | undefined): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueOf(arg.value, variables) : undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    default:
      return undefined;
  }
}

/**
 * The variables keyed by the argument (or input field) each one feeds, so the logger's redaction by
 * key works whatever the client named them (`$q` for a query password is logged as `queryPassword`).
 */
export function variablesByArgument(document: DocumentNode, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const fed = new Map<string, string>();
  const note = (name: string, value: ValueNode) => {
    if (value.kind === Kind.VARIABLE && !fed.has(value.name.value)) fed.set(value.name.value, name);
  };
  visit(document, {
    Argument: (node) => note(node.name.value, node.value),
    ObjectField: (node) => note(node.name.value, node.value),
  });
  return Object.fromEntries(Object.entries(variables ?? {}).map(([name, value]) => [fed.get(name) ?? name, value]));
}
