import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

export enum VerificationTrigger {
  /** `npm run audit:verify` on the server. */
  cli = 'cli',
  /** The `verifyAuditChain` query, called by a client. */
  api = 'api',
  /** The "check now" button on the compliance dashboard (runs in the background). */
  dashboard = 'dashboard',
}

export enum VerificationStatus {
  running = 'running',
  intact = 'intact',
  broken = 'broken',
  /** The verifier itself failed, or its process stopped before it finished. */
  failed = 'failed',
}

registerEnumType(VerificationTrigger, { name: 'AuditVerificationTrigger' });
registerEnumType(VerificationStatus, { name: 'AuditVerificationStatus' });

/**
 * One run of the audit-chain verifier, wherever it was started: the compliance dashboard shows the
 * latest, so a check that was never run, or failed, is visible rather than assumed.
 */
@ObjectType('AuditVerificationRun')
@Entity('audit_verification_run')
@Index('idx_audit_verification_run_started', ['startedAt'])
export class AuditVerificationRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => VerificationTrigger, { description: 'Where the run was started' })
  @Column({ name: 'source', type: 'varchar', length: 16 })
  trigger: VerificationTrigger;

  @Field(() => VerificationStatus)
  @Column({ type: 'varchar', length: 16 })
  status: VerificationStatus;

  @Field(() => ID, { nullable: true, description: 'Who started it (null for the command line)' })
  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'staff_name', type: 'varchar', length: 64, nullable: true })
  staffName: string | null;

  @Field(() => Date)
  @Column({ name: 'started_at', ...timestamp })
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', ...timestamp, nullable: true })
  finishedAt: Date | null;

  /** Written with every progress step; a running row whose heartbeat stopped belongs to a process that is gone. */
  @Column({ name: 'heartbeat_at', ...timestamp })
  heartbeatAt: Date;

  @Field(() => Int, { description: 'Entries in the chain when the run started' })
  @Column({ type: 'integer', default: 0 })
  total: number;

  @Field(() => Int, { description: 'Entries verified so far (all of them once intact)' })
  @Column({ type: 'integer', default: 0 })
  checked: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'first_broken_id', type: 'integer', nullable: true })
  firstBrokenId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  problem: string | null;
}
