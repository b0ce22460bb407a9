import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { ReviewDecision, ReviewOutcome } from './access-review.enums';

/**
 * One grant under review. What was reviewed (holder, role, reason, validity) is copied in when the
 * campaign starts, so the evidence shows what the reviewer saw even after the grant changes.
 */
@ObjectType('AccessReviewItem')
@Entity('access_review_item')
@Index('idx_review_item_campaign', ['campaignId', 'outcome'])
@Index('idx_review_item_reviewer', ['reviewerId', 'outcome'])
export class AccessReviewItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'grant_id', type: 'integer' })
  grantId: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Field(() => String, { nullable: true })
  @Column({ name: 'staff_username', type: 'varchar', length: 64 })
  staffUsername: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'staff_name', type: 'varchar', length: 64 })
  staffName: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'branch_id', type: 'integer', nullable: true })
  branchId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'role_id', type: 'integer' })
  roleId: number;

  @Field(() => String, { nullable: true })
  @Column({ name: 'role_name', type: 'varchar', length: 64 })
  roleName: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'role_label', type: 'varchar', length: 64 })
  roleLabel: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'grant_reason', type: 'varchar', length: 500 })
  grantReason: string;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'granted_at', ...timestamp })
  grantedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'valid_until', ...timestamp, nullable: true })
  validUntil: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who is to decide: the branch manager or the named reviewer; null until an administrator assigns one' })
  @Column({ name: 'reviewer_id', type: 'integer', nullable: true })
  reviewerId: number | null;

  @Field(() => ReviewDecision, { nullable: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  decision: ReviewDecision | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', ...timestamp, nullable: true })
  decidedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'decided_by_id', type: 'integer', nullable: true })
  decidedById: number | null;

  @Field(() => ReviewOutcome, { nullable: true })
  @Column({ type: 'varchar', length: 24 })
  outcome: ReviewOutcome;

  @Field(() => Boolean, { nullable: true, description: 'Kept without an answer at the deadline: for compliance to follow up' })
  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'settled_at', ...timestamp, nullable: true })
  settledAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;
}
