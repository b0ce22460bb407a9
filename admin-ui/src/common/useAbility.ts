import { usePermissions } from 'react-admin';
import type { AppAbility } from '../providers/ability';

/** The signed-in staff member's CASL ability (undefined while it loads). */
export function useAbility(): AppAbility | undefined {
  const { permissions } = usePermissions<AppAbility>();
  return permissions;
}
