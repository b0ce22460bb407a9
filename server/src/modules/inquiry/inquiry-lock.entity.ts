import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

/**
 * Lock-out state of one policy number as callers type it, whether or not such a policy exists, so a
 * lock reveals nothing. Failures are counted from the inquiry log since `countFrom`.
 */
@Entity('inquiry_lock')
export class InquiryLock {
  @PrimaryColumn({ name: 'policy_number', type: 'varchar', length: 32 })
  policyNumber: string;

  @Column({ name: 'locked_until', ...timestamp, nullable: true })
  lockedUntil: Date | null;

  /** Failures before this instant no longer count (set when a lock starts, on success and on a password reset). */
  @Column({ name: 'count_from', ...timestamp, nullable: true })
  countFrom: Date | null;

  @Column({ name: 'lock_count', type: 'integer', default: 0 })
  lockCount: number;
}
