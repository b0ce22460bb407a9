import { useCallback } from 'react';
import type { RaRecord } from 'react-admin';
import { asSubject } from '../providers/ability';
import { useAbility } from './useAbility';

/**
 * Which fields the staff member may read or write, checked like the server does: against the record
 * when there is one (an edit), against the type otherwise (a create, a list column).
 */
export function useFieldAccess(action: 'read' | 'create' | 'update', type: string, record?: RaRecord | Record<string, unknown>) {
  const ability = useAbility();
  return useCallback(
    (field: string) => {
      if (!ability) return false;
      return record ? ability.can(action, asSubject(type, record as Record<string, unknown>), field) : ability.can(action, type, field);
    },
    [ability, action, type, record],
  );
}
