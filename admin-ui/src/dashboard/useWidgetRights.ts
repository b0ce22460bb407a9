import { useAbility } from '../common/useAbility';

/**
 * Which widgets the staff member gets: each needs the right its server query is allowed on
 * (server/src/modules/dashboard/dashboard.resolver.ts), read from the same CASL rules the menu uses,
 * so a custom role gets the widgets matching its rights.
 */
export function useWidgetRights() {
  const ability = useAbility();
  const can = (action: string, subject: string) => !!ability?.can(action, subject);
  return {
    complaintQueue: can('update', 'Complaint'),
    branchComplaints: can('assign', 'Complaint'),
    inspectionPlan: can('create', 'QualityInspection'),
    rectifications: can('update', 'QualityRectification'),
    complianceFigures: can('read', 'ComplianceReport'),
    auditCheck: can('read', 'AuditEntry'),
    accessAdmin: can('approve', 'RoleGrant'),
  };
}
