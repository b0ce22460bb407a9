import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { InquiryChannel, InquiryOutcome, InquiryReason } from './inquiry.enums';

/** One line of the inquiry log: every verification attempt on every channel, whatever its outcome. */
@ObjectType('PolicyInquiry')
@Entity('inquiry_log')
export class PolicyInquiry {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Date, { nullable: true })
  @Column({ ...timestamp })
  at: Date;

  @Field(() => InquiryChannel, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  channel: InquiryChannel;

  @Field(() => String, { nullable: true, description: 'The policy number as given (normalised), whether or not it exists' })
  @Column({ name: 'policy_number', type: 'varchar', length: 32 })
  policyNumber: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'policy_id', type: 'integer', nullable: true })
  policyId: number | null;

  @Field(() => ID, { nullable: true, description: "The policy's branch, when the number is one of ours" })
  @Column({ name: 'branch_id', type: 'integer', nullable: true })
  branchId: number | null;

  @Field(() => InquiryOutcome, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  outcome: InquiryOutcome;

  @Field(() => InquiryReason, { nullable: true })
  @Column({ type: 'varchar', length: 32 })
  reason: InquiryReason;

  @Field(() => ID, { nullable: true, description: 'The staff member who assisted (hotline, counter)' })
  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  @Field(() => ID, { nullable: true, description: 'The channel key used (website, app)' })
  @Column({ name: 'channel_key_id', type: 'integer', nullable: true })
  channelKeyId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'source_ip', type: 'varchar', length: 64, nullable: true })
  sourceIp: string | null;

  @Field(() => Int, { nullable: true, description: 'Time taken to decide, in milliseconds (before the answer is padded to the minimum)' })
  @Column({ name: 'response_ms', type: 'integer' })
  responseMs: number;
}
