import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Complaint } from '../complaints/complaint.entity';
import { QualityRectification } from '../quality/quality-rectification.entity';

/**
 * The figures each dashboard widget shows. Counts are computed in SQL over the caller's rows (the
 * same row rules as the lists they open); a figure the caller has no right to is null, not zero.
 */
@ObjectType('ClockStatusCounts', { description: 'Open complaints by the state of their nearest deadline' })
export class ClockStatusCounts {
  @Field(() => Int, { description: 'Nearest deadline after today (local)' })
  onTime: number;

  @Field(() => Int, { description: 'Nearest deadline later today (local), not yet passed' })
  dueSoon: number;

  @Field(() => Int, { description: 'Nearest deadline passed' })
  overdue: number;

  @Field(() => Int, { description: 'No clock counting (waiting for materials, for the return call …)' })
  paused: number;

  @Field(() => Int)
  total: number;
}

@ObjectType('ComplaintQueueWidget')
export class ComplaintQueueWidget {
  @Field(() => ClockStatusCounts)
  counts: ClockStatusCounts;

  @Field(() => [Complaint], { description: 'The nearest deadlines first; complaints with no clock counting last' })
  items: Complaint[];
}

@ObjectType('WeeklyComplaintFlow')
export class WeeklyComplaintFlow {
  @Field(() => String, { description: 'Monday of the week (YYYY-MM-DD, local)' })
  weekStart: string;

  @Field(() => Int)
  received: number;

  @Field(() => Int)
  closed: number;
}

@ObjectType('BranchComplaintsWidget')
export class BranchComplaintsWidget {
  @Field(() => ClockStatusCounts)
  counts: ClockStatusCounts;

  @Field(() => [Complaint], { description: 'Overdue complaints, longest overdue first (at most 10)' })
  overdue: Complaint[];

  @Field(() => [WeeklyComplaintFlow], { description: 'Received and closed per week, the last 12 weeks, oldest first' })
  trend: WeeklyComplaintFlow[];
}

@ObjectType('BranchCoverage')
export class BranchCoverage {
  @Field(() => ID)
  branchId: number;

  @Field(() => String)
  branchName: string;

  @Field(() => Int)
  teams: number;

  @Field(() => Int)
  covered: number;
}

@ObjectType('InspectionPlanWidget')
export class InspectionPlanWidget {
  @Field(() => String, { description: 'The current half-year, e.g. 2026H2' })
  period: string;

  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;

  @Field(() => Int, { description: 'Active teams the caller may see' })
  teams: number;

  @Field(() => Int, { description: 'Of them, inspected this half-year (a periodic inspection submitted or later)' })
  covered: number;

  @Field(() => [BranchCoverage])
  byBranch: BranchCoverage[];
}

@ObjectType('RectificationsWidget')
export class RectificationsWidget {
  @Field(() => Int)
  open: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => [QualityRectification], { description: 'Open rectifications, earliest due first (at most 8)' })
  items: QualityRectification[];
}

@ObjectType('ComplianceFiguresWidget')
export class ComplianceFiguresWidget {
  @Field(() => Int, { nullable: true })
  openComplaints: number | null;

  @Field(() => Int, { nullable: true, description: 'Deadlines breached (breach escalations) since the quarter began' })
  breachedThisQuarter: number | null;

  @Field(() => String, { description: 'First day of the current quarter (YYYY-MM-DD, local)' })
  quarterFrom: string;

  @Field(() => Int, { nullable: true })
  openRectifications: number | null;

  @Field(() => Int, { nullable: true, description: 'Deletion requests whose retention ends by dataRightsDueBy: anonymisation is due' })
  dataRightsDue: number | null;

  @Field(() => String)
  dataRightsDueBy: string;
}

@ObjectType('AccessAdminWidget')
export class AccessAdminWidget {
  @Field(() => Int, { nullable: true, description: 'Grants waiting for a second administrator' })
  pendingApprovals: number | null;

  @Field(() => Int, { nullable: true })
  openReviews: number | null;

  @Field(() => Int, { nullable: true, description: 'Undecided items of the open reviews' })
  reviewItemsDue: number | null;

  @Field(() => Date, { nullable: true, description: 'The earliest deadline among the open reviews' })
  nextReviewDueAt: Date | null;

  @Field(() => Int, { nullable: true })
  dormantAccounts: number | null;

  @Field(() => Int)
  dormantAfterDays: number;
}
