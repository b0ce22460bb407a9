import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { CampaignStatus, DeadlineRule, ReviewScope } from './access-review.enums';

/**
 * An access review (权限复核): every grant in a scope becomes an item for a reviewer to keep or revoke
 * before the deadline; what nobody answered follows the campaign's deadline rule.
 */
@ObjectType('AccessReviewCampaign')
@Entity('access_review_campaign')
@Index('idx_review_campaign_status_due', ['status', 'dueAt'])
export class AccessReviewCampaign extends VersionedRecord {
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Field(() => ReviewScope, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  scope: ReviewScope;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'scope_branch_id', type: 'integer', nullable: true })
  scopeBranchId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'scope_role_id', type: 'integer', nullable: true })
  scopeRoleId: number | null;

  @Field(() => ID, { nullable: true, description: 'The named reviewer of every item; when empty, each staff member\'s branch manager' })
  @Column({ name: 'reviewer_id', type: 'integer', nullable: true })
  reviewerId: number | null;

  @Field(() => Date, { nullable: true, description: 'The review period runs from creation to this deadline' })
  @Column({ name: 'due_at', ...timestamp })
  dueAt: Date;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'remind_days_before', type: 'integer' })
  remindDaysBefore: number;

  @Field(() => DeadlineRule, { nullable: true })
  @Column({ name: 'deadline_rule', type: 'varchar', length: 16 })
  deadlineRule: DeadlineRule;

  @Field(() => CampaignStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  status: CampaignStatus;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'created_by_id', type: 'integer', nullable: true })
  createdById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'reminded_at', ...timestamp, nullable: true })
  remindedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', ...timestamp, nullable: true })
  closedAt: Date | null;
}
