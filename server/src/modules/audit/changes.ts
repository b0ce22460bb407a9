import { mask } from '../../access/mask';
import { sensitiveKind } from '../../access/sensitive-fields';

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (value && typeof value === 'object') return JSON.stringify(value);
  return value ?? null;
}

/** The input fields whose value differs from the record's; unchanged fields are not writes. */
export function changedFields<T extends object>(current: T, input: Partial<T>): (keyof T & string)[] {
  return (Object.keys(input) as (keyof T & string)[]).filter(
    (field) => input[field] !== undefined && comparable(input[field]) !== comparable(current[field]),
  );
}

function auditValue(subject: string, field: string, value: unknown): unknown {
  const kind = sensitiveKind(subject, field);
  if (kind && typeof value === 'string') return mask(kind, value);
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** Before and after of the changed fields, masked where the field is sensitive: what the audit trail keeps. */
export function auditChanges<T extends object>(subject: string, before: Partial<T> | null, after: Partial<T> | null, fields: string[]): FieldChanges {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      {
        from: before ? auditValue(subject, field, (before as Record<string, unknown>)[field]) : null,
        to: after ? auditValue(subject, field, (after as Record<string, unknown>)[field]) : null,
      },
    ]),
  );
}
