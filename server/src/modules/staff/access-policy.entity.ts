import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../db/versioned-record';

/** The access-rights settings administrators tune (one record, id 1). */
@ObjectType('AccessPolicy')
@Entity('access_policy')
export class AccessPolicy extends VersionedRecord {
  @Field(() => Int, { nullable: true, description: 'An active account without a sign-in for this many days is dormant' })
  @Column({ name: 'dormant_after_days', type: 'integer' })
  dormantAfterDays: number;

  @Field(() => Int, { nullable: true, description: 'Days before an access review deadline when reviewers are reminded (default for new campaigns)' })
  @Column({ name: 'review_reminder_days', type: 'integer' })
  reviewReminderDays: number;
}
