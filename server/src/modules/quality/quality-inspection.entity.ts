import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { InspectionKind, InspectionState, ReturnVisitSource } from './quality.enums';

const Time = (description?: string) => Field(() => Date, { nullable: true, description });
const Text = (description?: string) => Field(() => String, { nullable: true, description });
const Ref = (description?: string) => Field(() => ID, { nullable: true, description });
const at = (name: string) => ({ name, ...timestamp, nullable: true });

/**
 * One inspection report (质检报告): periodic (a team, a half-year), ad hoc (a complaint) or a return
 * visit (a sample drawn from a stored seed). It keeps the template revision it is scored with. Once
 * published it never changes; a correction is a new inspection pointing at the one it corrects.
 */
@ObjectType('QualityInspection')
@Entity('quality_inspection')
@Index('idx_quality_inspection_team_period', ['teamId', 'period'])
export class QualityInspection extends VersionedRecord {
  @Field(() => InspectionKind, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  kind: InspectionKind;

  @Field(() => InspectionState, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  state: InspectionState;

  @Text()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Ref('The template revision the inspection is scored with (none for a return visit)')
  @Column({ name: 'template_id', type: 'integer', nullable: true })
  templateId: number | null;

  @Ref('The branch inspected (none for a return visit across branches)')
  @Column({ name: 'branch_id', type: 'integer', nullable: true })
  branchId: number | null;

  @Ref('The team inspected (periodic)')
  @Column({ name: 'team_id', type: 'integer', nullable: true })
  teamId: number | null;

  @Text('The half-year a periodic inspection covers, e.g. 2026H2')
  @Column({ type: 'varchar', length: 8, nullable: true })
  period: string | null;

  @Ref('The complaint an ad hoc inspection was opened from')
  @Column({ name: 'complaint_id', type: 'integer', nullable: true })
  complaintId: number | null;

  @Ref()
  @Column({ name: 'inspector_id', type: 'integer' })
  inspectorId: number;

  @Text('Conclusion of the report')
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => Number, { nullable: true, description: 'The weighted total, 0–100 (two decimals), as of the last scoring' })
  @Column({ name: 'total_score', type: 'decimal', precision: 5, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)) } })
  totalScore: number | null;

  @Time()
  @Column(at('submitted_at'))
  submittedAt: Date | null;

  @Ref()
  @Column({ name: 'reviewed_by_id', type: 'integer', nullable: true })
  reviewedById: number | null;

  @Time()
  @Column(at('reviewed_at'))
  reviewedAt: Date | null;

  @Text()
  @Column({ name: 'review_note', type: 'varchar', length: 1000, nullable: true })
  reviewNote: string | null;

  @Text('Why the reviewer sent it back to draft, the last time')
  @Column({ name: 'returned_reason', type: 'varchar', length: 1000, nullable: true })
  returnedReason: string | null;

  @Ref()
  @Column({ name: 'published_by_id', type: 'integer', nullable: true })
  publishedById: number | null;

  @Time()
  @Column(at('published_at'))
  publishedAt: Date | null;

  @Ref('The published inspection this one corrects')
  @Column({ name: 'corrects_id', type: 'integer', nullable: true })
  correctsId: number | null;

  @Field(() => Int, { nullable: true, description: '1 for an original report, n + 1 for a correction of revision n' })
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Text()
  @Column({ name: 'correction_reason', type: 'varchar', length: 1000, nullable: true })
  correctionReason: string | null;

  @Field(() => ReturnVisitSource, { nullable: true })
  @Column({ name: 'visit_source', type: 'varchar', length: 24, nullable: true })
  visitSource: ReturnVisitSource | null;

  @Text('First day of the return-visit period (YYYY-MM-DD)')
  @Column({ name: 'visit_from', type: 'date', nullable: true })
  visitFrom: string | null;

  @Text('Last day of the return-visit period (YYYY-MM-DD)')
  @Column({ name: 'visit_to', type: 'date', nullable: true })
  visitTo: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'sample_size', type: 'integer', nullable: true })
  sampleSize: number | null;

  @Text('The seed the return-visit sample was drawn with: the same seed and period draw the same sample')
  @Column({ name: 'sample_seed', type: 'varchar', length: 64, nullable: true })
  sampleSeed: string | null;
}
