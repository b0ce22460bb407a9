import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../db/versioned-record';

/**
 * The one record of inquiry thresholds: company policy as data, changed by compliance or an
 * administrator without a release, audited like any other change.
 */
@ObjectType('InquirySettings')
@Entity('inquiry_settings')
export class InquirySettings extends VersionedRecord {
  @Field(() => Int, { nullable: true, description: 'Failed verifications on one policy number that lock it' })
  @Column({ name: 'max_failures', type: 'integer' })
  maxFailures: number;

  @Field(() => Int, { nullable: true, description: 'Within how many minutes those failures count' })
  @Column({ name: 'failure_window_minutes', type: 'integer' })
  failureWindowMinutes: number;

  @Field(() => Int, { nullable: true, description: 'How long inquiry on a locked policy number stays refused' })
  @Column({ name: 'lock_minutes', type: 'integer' })
  lockMinutes: number;

  @Field(() => Int, { nullable: true, description: 'Every answer takes at least this long, so timing tells nothing about which part was wrong' })
  @Column({ name: 'min_response_ms', type: 'integer' })
  minResponseMs: number;

  @Field(() => Int, { nullable: true, description: 'Inquiries per minute from one channel key' })
  @Column({ name: 'channel_key_per_minute', type: 'integer' })
  channelKeyPerMinute: number;

  @Field(() => Int, { nullable: true, description: 'Inquiries per minute from one IP address' })
  @Column({ name: 'ip_per_minute', type: 'integer' })
  ipPerMinute: number;

  @Field(() => Int, { nullable: true, description: 'Inquiries per minute by one staff member' })
  @Column({ name: 'staff_per_minute', type: 'integer' })
  staffPerMinute: number;

  @Field(() => Int, { nullable: true, description: 'Default look-ahead of the renewal and premium reminders, in days' })
  @Column({ name: 'reminder_days', type: 'integer' })
  reminderDays: number;
}
