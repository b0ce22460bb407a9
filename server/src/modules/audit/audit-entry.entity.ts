import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { GraphQLJSON } from '../../graphql/scalars';

export enum AuditOutcome {
  success = 'success',
  denied = 'denied',
  failed = 'failed',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

/**
 * One line of the append-only audit trail. `hash` covers `prevHash` and every other column, so an
 * entry changed or removed in the database breaks the chain at that point.
 */
@ObjectType('AuditEntry')
@Entity('audit_entry')
@Index('idx_audit_subject', ['subjectType', 'subjectId'])
@Index('idx_audit_staff_at', ['staffId', 'at'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', unique: true })
  seq: number;

  @Field(() => Date, { nullable: true })
  @Index('idx_audit_at')
  @Column({ ...timestamp })
  at: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'staff_username', type: 'varchar', length: 64, nullable: true })
  staffUsername: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'subject_type', type: 'varchar', length: 64, nullable: true })
  subjectType: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'subject_id', type: 'varchar', length: 64, nullable: true })
  subjectId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Changed fields, before and after, sensitive values masked' })
  @Column({ type: 'simple-json', nullable: true })
  changes: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Field(() => AuditOutcome, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true })
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** The digest of the content before redaction, which the hash covers; null until redacted. */
  @Column({ name: 'content_digest', type: 'varchar', length: 64, nullable: true })
  contentDigest: string | null;

  @Field(() => Date, { nullable: true, description: 'When personal data in this entry was redacted (a customer was anonymised)' })
  @Column({ name: 'redacted_at', ...timestamp, nullable: true })
  redactedAt: Date | null;
}
