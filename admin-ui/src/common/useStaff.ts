import { useGetIdentity } from 'react-admin';
import type { StaffIdentity } from '../providers/authProvider';
import { DEFAULT_TIMEZONE } from './format';

/** The signed-in staff member as the auth provider describes them. */
export function useStaff(): StaffIdentity | undefined {
  const { identity } = useGetIdentity();
  return identity as StaffIdentity | undefined;
}

export function useTimezone(): string {
  return useStaff()?.timezone ?? DEFAULT_TIMEZONE;
}
