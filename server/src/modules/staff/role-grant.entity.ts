import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

export enum GrantStatus {
  pending_approval = 'pending_approval',
  active = 'active',
  revoked = 'revoked',
  /** A high-risk grant the second administrator turned down; it never took effect. */
  rejected = 'rejected',
}
registerEnumType(GrantStatus, { name: 'GrantStatus' });

/**
 * A role held by a staff member. Only active grants inside their validity window count, so an
 * expired grant stops working by itself and a revoked one on the holder's next request.
 */
@ObjectType('RoleGrant')
@Entity('role_grant')
export class RoleGrant {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'role_id', type: 'integer' })
  roleId: number;

  @Field(() => GrantStatus, { nullable: true })
  @Column({ type: 'varchar', length: 24, default: GrantStatus.active })
  status: GrantStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'granted_by_id', type: 'integer', nullable: true })
  grantedById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'valid_from', ...timestamp, nullable: true })
  validFrom: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'valid_until', ...timestamp, nullable: true })
  validUntil: Date | null;

  @Field(() => ID, { nullable: true, description: 'The second administrator who approved (or rejected) a high-risk grant' })
  @Column({ name: 'approved_by_id', type: 'integer', nullable: true })
  approvedById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'approved_at', ...timestamp, nullable: true })
  approvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', ...timestamp, nullable: true })
  revokedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'revoked_by_id', type: 'integer', nullable: true })
  revokedById: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked or rejected' })
  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;
}
