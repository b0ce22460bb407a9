import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { accessAdmin } from './access-widgets';
import { latestRun, startVerification } from './audit-runs';
import { AuditVerificationRun } from './audit-verification-run.entity';
import { branchComplaints, complaintQueue } from './complaint-widgets';
import { complianceFigures } from './compliance-widgets';
import { AccessAdminWidget, BranchComplaintsWidget, ComplaintQueueWidget, ComplianceFiguresWidget, InspectionPlanWidget, RectificationsWidget } from './dashboard.types';
import { inspectionPlan, rectifications } from './quality-widgets';

/**
 * One query per dashboard widget. Each is allowed to whoever holds the right its data needs (the
 * console shows the widget on the same right), and computes its figures over the caller's rows.
 */
@Resolver()
export class DashboardResolver {
  @Query(() => ComplaintQueueWidget, { description: "The caller's own open complaints, by deadline" })
  @Allow('update', 'Complaint')
  dashboardComplaintQueue(@Ctx() ctx: RequestContext) {
    return complaintQueue(ctx);
  }

  @Query(() => BranchComplaintsWidget, { description: 'Open complaints the caller supervises (may assign) by clock status, the overdue ones, the weekly trend' })
  @Allow('assign', 'Complaint')
  dashboardBranchComplaints(@Ctx() ctx: RequestContext) {
    return branchComplaints(ctx);
  }

  @Query(() => InspectionPlanWidget, { description: "Coverage of the current half-year's inspection plan" })
  @Allow('create', 'QualityInspection')
  dashboardInspectionPlan(@Ctx() ctx: RequestContext) {
    return inspectionPlan(ctx);
  }

  @Query(() => RectificationsWidget, { description: 'Open rectifications the caller works on, earliest due first' })
  @Allow('update', 'QualityRectification')
  dashboardRectifications(@Ctx() ctx: RequestContext) {
    return rectifications(ctx);
  }

  @Query(() => ComplianceFiguresWidget)
  @Allow('read', 'ComplianceReport')
  dashboardComplianceFigures(@Ctx() ctx: RequestContext) {
    return complianceFigures(ctx);
  }

  @Query(() => AuditVerificationRun, { nullable: true, description: 'The latest run of the audit-chain verifier (command line, API or dashboard)' })
  @Allow('read', 'AuditEntry')
  dashboardAuditCheck(@Ctx() ctx: RequestContext) {
    return latestRun(ctx.db);
  }

  @Mutation(() => AuditVerificationRun, { description: 'Starts verifying the audit chain in the background; poll dashboardAuditCheck for progress' })
  @Allow('read', 'AuditEntry')
  startAuditVerification(@Ctx() ctx: RequestContext) {
    return startVerification(ctx);
  }

  @Query(() => AccessAdminWidget)
  @Allow('approve', 'RoleGrant')
  dashboardAccessAdmin(@Ctx() ctx: RequestContext) {
    return accessAdmin(ctx);
  }
}
