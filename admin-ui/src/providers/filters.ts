import type { IntrospectionInputValue } from 'graphql';
import type { IntrospectionResult } from 'ra-data-graphql';
import { inputFields, namedType, isListRef } from './introspection';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function coerce(field: IntrospectionInputValue, value: unknown): unknown {
  const type = namedType(field.type).name;
  if (isListRef(field.type)) return (Array.isArray(value) ? value : [value]).map(String);
  // Filter values can come back from the URL as text; the server's Int and Boolean inputs want the real types.
  if (type === 'Int' || type === 'Float' || type === 'SafeInt') return Number(value);
  if (type === 'Boolean') return value === true || value === 'true';
  if (type === 'String' || type === 'ID') return String(value).trim();
  return value;
}

/**
 * The list filter as the API's `<Type>Filter` input: only keys the input type has (the server
 * refuses unknown ones), no blank values, each value of the input's type.
 */
export function toFilterInput(intro: IntrospectionResult, filterTypeName: string | undefined, filter: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!filterTypeName || !filter) return undefined;
  const fields = new Map(inputFields(intro, filterTypeName).map((field) => [field.name, field]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    const field = fields.get(key);
    if (!field || isBlank(value)) continue;
    const coerced = coerce(field, value);
    if (typeof coerced === 'number' && !Number.isFinite(coerced)) continue;
    out[key] = coerced;
  }
  return Object.keys(out).length ? out : undefined;
}
