import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { GraphQLJSON } from '../../graphql/scalars';
import { ReportJobStatus, ReportKind } from './report.enums';

/**
 * One report being generated: queued → running (progress %) → done (pointing at its snapshot) or
 * failed. The console polls it. Seen only by the staff member who asked for it.
 */
@ObjectType('ReportJob')
@Entity('report_job')
export class ReportJob {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ReportKind)
  @Column({ type: 'varchar', length: 32 })
  kind: ReportKind;

  @Field(() => ReportJobStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ReportJobStatus;

  @Field(() => Int, { description: '0–100' })
  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Field(() => GraphQLJSON)
  @Column({ type: 'simple-json' })
  parameters: Record<string, unknown>;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'branch_id', type: 'integer', nullable: true })
  branchId: number | null;

  @Field(() => ID)
  @Column({ name: 'requested_by_id', type: 'integer' })
  requestedById: number;

  @Field(() => ID, { nullable: true, description: 'The snapshot, once done' })
  @Column({ name: 'report_id', type: 'integer', nullable: true })
  reportId: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'started_at', ...timestamp, nullable: true })
  startedAt: Date | null;

  /** Touched with every progress step: a running job whose heartbeat stopped was lost with its process. */
  @Column({ name: 'heartbeat_at', ...timestamp })
  heartbeatAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', ...timestamp, nullable: true })
  finishedAt: Date | null;
}
