import { call, GRANT, type GrantRow } from '../rights/api';

// The separation-of-duties violations report.

export interface DutyViolation {
  staffId: string;
  staff: { id: string; username: string | null; displayName: string | null } | null;
  rule: { id: string; name: string | null; description: string | null };
  withdrawnGrants: GrantRow[];
  otherGrants: GrantRow[];
}

export async function dutyConflictViolations(): Promise<DutyViolation[]> {
  const data = await call<{ dutyConflictViolations: DutyViolation[] }>(
    `query { dutyConflictViolations { staffId staff { id username displayName } rule { id name description } withdrawnGrants { ${GRANT} } otherGrants { ${GRANT} } } }`,
  );
  return data.dutyConflictViolations;
}
