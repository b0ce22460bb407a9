import { SENSITIVE_FIELDS } from '../resources';

type Data = Record<string, unknown>;

/** A value the console was shown masked: the API masks with asterisks (110***********1234). */
export function looksMasked(value: unknown): value is string {
  return typeof value === 'string' && value.includes('*');
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  if (typeof a === 'object' && typeof b === 'object' && a && b) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** GraphQL output carries __typename on nested objects; input types do not accept it back. */
function withoutTypename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__typename').map(([key, inner]) => [key, withoutTypename(inner)]));
  }
  return value;
}

export class MaskedValueError extends Error {
  constructor(readonly fields: string[]) {
    super('masked value');
  }
}

/**
 * What an edit sends: the id, the version the edit started from, and only the fields that changed.
 * A masked value the form was shown is therefore never sent back; an edited value that still holds
 * mask characters is refused here, before it could overwrite the real one.
 */
export function updatePayload(typeName: string, data: Data, previousData: Data | undefined): Data {
  const previous = previousData ?? {};
  const payload: Data = { id: data.id ?? previous.id, version: previous.version ?? data.version };
  const sensitive = SENSITIVE_FIELDS[typeName] ?? [];
  const masked: string[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (field === 'id' || field === 'version' || field === '__typename' || same(value, previous[field])) continue;
    if (sensitive.includes(field) && looksMasked(value)) {
      masked.push(field);
      continue;
    }
    payload[field] = value === '' ? null : withoutTypename(value);
  }
  if (masked.length) throw new MaskedValueError(masked);
  return payload;
}

/** What a create sends: filled-in fields only, so the server applies its defaults to the rest. */
export function createPayload(data: Data): Data {
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([field, value]) => [field, withoutTypename(value)]),
  );
}
