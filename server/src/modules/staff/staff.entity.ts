import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { EncryptedColumn } from '../../db/encrypted-column';

export enum StaffStatus {
  active = 'active',
  suspended = 'suspended',
  disabled = 'disabled',
}
registerEnumType(StaffStatus, { name: 'StaffStatus' });

@ObjectType('Staff', { description: 'A member of staff who signs in to InsureDesk' })
@Entity('staff')
export class Staff extends VersionedRecord {
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'branch_id', type: 'integer', nullable: true })
  branchId: number | null;

  @Field(() => StaffStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16, default: StaffStatus.active })
  status: StaffStatus;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount: number;

  @Field(() => Date, { nullable: true, description: 'Sign-in is refused until then after repeated failures' })
  @Column({ name: 'locked_until', ...timestamp, nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_login_at', ...timestamp, nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Set by a password reset: the next sign-in must choose a new password' })
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'password_changed_at', ...timestamp, nullable: true })
  passwordChangedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the account was last suspended, disabled or reactivated' })
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'status_changed_at', ...timestamp, nullable: true })
  statusChangedAt: Date | null;

  /** The TOTP key, encrypted at rest like customer data; it never leaves the server after enrolment. */
  @EncryptedColumn({ name: 'mfa_secret_enc', length: 255, nullable: true })
  mfaSecret: string | null;

  @Field(() => Date, { nullable: true, description: 'When multi-factor sign-in was set up; null while not enrolled' })
  @Column({ name: 'mfa_enabled_at', ...timestamp, nullable: true })
  mfaEnabledAt: Date | null;

  /** The last TOTP time step accepted: that code and older ones are refused (no replay). */
  @Column({ name: 'mfa_last_step', type: 'integer', nullable: true })
  mfaLastStep: number | null;

  /** An enrolment started but not yet confirmed with a first code. */
  @EncryptedColumn({ name: 'mfa_pending_secret_enc', length: 255, nullable: true })
  mfaPendingSecret: string | null;

  @Column({ name: 'mfa_pending_at', ...timestamp, nullable: true })
  mfaPendingAt: Date | null;

  @Column({ name: 'mfa_pending_failures', type: 'integer', default: 0 })
  mfaPendingFailures: number;
}
