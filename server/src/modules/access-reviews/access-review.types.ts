import { Field, Int, ObjectType } from 'type-graphql';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AccessReviewCampaign } from './access-review-campaign.entity';
import { AccessReviewItem } from './access-review-item.entity';

@ObjectType('AccessReviewTotals')
export class ReviewTotalsView {
  @Field(() => Int) total: number;
  @Field(() => Int) pending: number;
  @Field(() => Int, { description: 'Pending items with nobody to decide them' }) unassigned: number;
  @Field(() => Int) kept: number;
  @Field(() => Int) revoked: number;
  @Field(() => Int, { description: 'Unanswered at the deadline, kept and flagged' }) keptFlagged: number;
  @Field(() => Int, { description: 'Unanswered at the deadline, revoked' }) revokedAtDeadline: number;
  @Field(() => Int) alreadyEnded: number;
  @Field(() => Int) cancelled: number;
}

@ObjectType('AccessReviewEvidence', { description: 'What a campaign decided, by whom, when and why: the record compliance keeps' })
export class ReviewEvidenceView {
  @Field(() => AccessReviewCampaign)
  campaign: AccessReviewCampaign;

  @Field(() => Boolean, { description: 'The campaign is over (completed or closed at its deadline): the evidence will not change' })
  final: boolean;

  @Field(() => Date)
  generatedAt: Date;

  @Field(() => ReviewTotalsView)
  totals: ReviewTotalsView;

  @Field(() => [AccessReviewItem])
  items: AccessReviewItem[];

  @Field(() => [AuditEntry], { description: 'The campaign\'s audit entries (start, reminders, decisions, deadline), as far as the caller may read the audit trail' })
  auditTrail: AuditEntry[];
}
