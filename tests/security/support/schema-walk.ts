// Builds GraphQL documents from the server's own schema, so the red-team sweep and the fuzz cover every
// operation that exists today and every one added later, without a hand-kept list.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Every field of a type that takes no required argument, objects followed `depth` levels down.
 * Deep enough to reach policy → holder → idNumber and complaint → complainantCustomer → phone.
 */
export function selectionOf(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isObjectType(named)) {
      if (depth > 0) parts.push(`${field.name} { ${selectionOf(named, depth - 1)} }`);
    } else {
      parts.push(field.name);
    }
  }
  return parts.length ? parts.join(' ') : '__typename';
}

/** The GraphQL spelling of an input type, for variable declarations. */
export function typeName(type: GraphQLInputType): string {
  return String(type);
}

/** A document calling one root field with every argument passed as a variable of the same name. */
export function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, depth: number, args: readonly GraphQLArgument[] = field.args): string {
  const named = getNamedType(field.type);
  const vars = args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(named) ? ` { ${selectionOf(named, depth)} }` : '';
  return `${kind} Op${vars ? `(${vars})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

/** A plausible value of the right shape: enough to get past GraphQL's own checks to the resolver. */
export function sampleValue(schema: GraphQLSchema, type: GraphQLInputType, name: string, ids: Record<string, string> = {}): unknown {
  if (isNonNullType(type)) return sampleValue(schema, type.ofType, name, ids);
  if (isListType(type)) return [sampleValue(schema, type.ofType as GraphQLInputType, name, ids)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = sampleValue(schema, f.type, f.name, ids);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return ids[name] ?? '1';
      case 'Int':
      case 'SafeInt':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'DateTimeISO':
        return '2026-11-01T00:00:00.000Z';
      case 'JSON':
      case 'JSONObject':
        return {};
      default:
        return 'x';
    }
  }
  return null;
}

/** Root fields of a kind, by name. */
export function rootFields(schema: GraphQLSchema, kind: 'query' | 'mutation'): GraphQLField<unknown, unknown>[] {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {}).sort((a, b) => a.name.localeCompare(b.name));
}
