import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputTypeRef,
  IntrospectionInputValue,
  IntrospectionObjectType,
  IntrospectionOutputTypeRef,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';
import type { IntrospectionResult } from 'ra-data-graphql';

/** GraphQL's own notation for a type reference: `ID!`, `[BeneficiaryInput!]`. */
export function printTypeRef(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${printTypeRef(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${printTypeRef(ref.ofType)}]`;
  return ref.name;
}

/** The named type under any NON_NULL / LIST wrappers. */
export function namedType(ref: IntrospectionTypeRef | IntrospectionOutputTypeRef | IntrospectionInputTypeRef): { kind: string; name: string } {
  let current: IntrospectionTypeRef = ref;
  while (current.kind === 'NON_NULL' || current.kind === 'LIST') current = current.ofType;
  return current as { kind: string; name: string };
}

export function isListRef(ref: IntrospectionTypeRef): boolean {
  const inner = ref.kind === 'NON_NULL' ? ref.ofType : ref;
  return inner.kind === 'LIST';
}

export function findType(intro: IntrospectionResult, name: string): IntrospectionType | undefined {
  return intro.types.find((type) => type.name === name);
}

export function objectFields(intro: IntrospectionResult, name: string): readonly IntrospectionField[] {
  const type = findType(intro, name);
  return type && type.kind === 'OBJECT' ? (type as IntrospectionObjectType).fields : [];
}

export function inputFields(intro: IntrospectionResult, name: string): readonly IntrospectionInputValue[] {
  const type = findType(intro, name);
  return type && type.kind === 'INPUT_OBJECT' ? (type as IntrospectionInputObjectType).inputFields : [];
}

/** A root Query or Mutation field by name (ra-data-graphql lists both under `queries`). */
export function findOperation(intro: IntrospectionResult, name: string): IntrospectionField | undefined {
  return (intro.queries as unknown as IntrospectionField[]).find((field) => field.name === name);
}
