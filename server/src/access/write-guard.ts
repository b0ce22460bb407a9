import { permittedFieldsOf } from '@casl/ability/extra';
import { AppError, forbidden } from '../graphql/errors';
import type { AppAbility } from './ability';

/**
 * A write is allowed when the caller may perform `action` on the record as it is (update, delete)
 * or as it would become (create, and update's result), and every input field is among the fields
 * the rules permit. Nothing is written otherwise.
 */
export function assertCanWrite(ability: AppAbility, action: string, record: object, inputFields: string[]): void {
  if (!ability.can(action, record)) throw forbidden();
  const permitted = new Set(permittedFieldsOf(ability, action, record, { fieldsFrom: (rule) => rule.fields || inputFields }));
  const denied = inputFields.filter((field) => !permitted.has(field));
  if (denied.length) {
    throw new AppError('FIELDS_NOT_ALLOWED', {
      message: `You are not allowed to set: ${denied.join(', ')}`,
      fields: Object.fromEntries(denied.map((field) => [field, 'not allowed for your role'])),
    });
  }
}

/** A single action on a single record (reveal a field, approve, …): FORBIDDEN unless the rules allow it. */
export function assertCan(ability: AppAbility, action: string, record: object, field?: string): void {
  if (!ability.can(action, record, field)) throw forbidden();
}
