import { typeOfResource } from '../resources';
import { asSubject, type AppAbility } from './ability';

/** react-admin's access actions in CASL's vocabulary; domain actions (reveal, export) pass through. */
const CASL_ACTIONS: Record<string, string> = {
  list: 'read',
  show: 'read',
  read: 'read',
  create: 'create',
  clone: 'create',
  edit: 'update',
  update: 'update',
  delete: 'delete',
  export: 'export',
};

export interface AccessQuery {
  action: string;
  resource: string;
  record?: Record<string, unknown>;
}

/**
 * Answers react-admin's canAccess from the CASL rules. `resource` may name a field as
 * "customers.idNumber" (react-admin's convention for column and input access). With a record, the
 * record's own attributes decide (a manager may edit customers of their own branch only).
 */
export function canAccessWith(ability: AppAbility, { action, resource, record }: AccessQuery): boolean {
  const [name, field] = resource.split('.', 2);
  const type = typeOfResource(name);
  if (!type) return false;
  const caslAction = CASL_ACTIONS[action] ?? action;
  const target = record ? asSubject(type, record) : type;
  return field ? ability.can(caslAction, target, field) : ability.can(caslAction, target);
}
