import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { RectificationState } from './quality.enums';

const Time = (description?: string) => Field(() => Date, { nullable: true, description });
const Text = (description?: string) => Field(() => String, { nullable: true, description });
const Ref = (description?: string) => Field(() => ID, { nullable: true, description });
const at = (name: string) => ({ name, ...timestamp, nullable: true });

/** One line of the rectification ledger (整改台账): a finding's required action, its owner and due date. */
@ObjectType('QualityRectification')
@Entity('quality_rectification')
@Index('idx_quality_rectification_state_due', ['state', 'dueAt'])
export class QualityRectification extends VersionedRecord {
  @Ref()
  @Column({ name: 'finding_id', type: 'integer', unique: true })
  findingId: number;

  @Ref()
  @Column({ name: 'inspection_id', type: 'integer' })
  inspectionId: number;

  @Ref('The branch of the inspection (the ledger is filtered and scoped by it)')
  @Column({ name: 'branch_id', type: 'integer', nullable: true })
  branchId: number | null;

  @Ref('Who carries out the action')
  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Text()
  @Column({ name: 'required_action', type: 'text' })
  requiredAction: string;

  @Text('The last day (YYYY-MM-DD, a working day); overdue after its end in the local time zone')
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Time('End of the due day, as a UTC instant')
  @Column({ name: 'due_at', ...timestamp })
  dueAt: Date;

  @Field(() => RectificationState, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  state: RectificationState;

  @Text('What was done, and where the proof is (required to mark it done)')
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Time()
  @Column(at('started_at'))
  startedAt: Date | null;

  @Time()
  @Column(at('done_at'))
  doneAt: Date | null;

  @Ref()
  @Column({ name: 'verified_by_id', type: 'integer', nullable: true })
  verifiedById: number | null;

  @Time()
  @Column(at('verified_at'))
  verifiedAt: Date | null;

  @Text()
  @Column({ name: 'verification_note', type: 'varchar', length: 1000, nullable: true })
  verificationNote: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  @Text()
  @Column({ name: 'reopen_reason', type: 'varchar', length: 1000, nullable: true })
  reopenReason: string | null;

  @Time('When the overdue item was escalated (once per due date)')
  @Column(at('escalated_at'))
  escalatedAt: Date | null;

  @Ref()
  @Column({ name: 'created_by_id', type: 'integer' })
  createdById: number;
}
