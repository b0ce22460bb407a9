import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { FindingSeverity, QualityDimension, SampleKind } from './quality.enums';

/** One sampled item of an inspection (a complaint, an inquiry, a staff member, a policy); for a return visit, one visit. */
@ObjectType('QualitySample')
@Entity('quality_sample')
@Index('idx_quality_sample_inspection', ['inspectionId'])
export class QualitySample {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID)
  @Column({ name: 'inspection_id', type: 'integer' })
  inspectionId: number;

  @Field(() => SampleKind)
  @Column({ type: 'varchar', length: 16 })
  kind: SampleKind;

  @Field(() => ID)
  @Column({ name: 'ref_id', type: 'integer' })
  refId: number;

  @Field(() => String, { description: 'What the item is, as shown in the report (a complaint number, a policy number, a name)' })
  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Field(() => [ID], { description: 'The staff whose work the item is: none of them may inspect it' })
  @Column({ name: 'handled_by_ids', type: 'simple-json' })
  handledByIds: number[];

  @Field(() => Boolean, { nullable: true, description: 'Return visit: the customer was reached' })
  @Column({ type: 'boolean', nullable: true })
  reached: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Return visit: satisfaction 1 (very dissatisfied) to 5 (very satisfied)' })
  @Column({ type: 'integer', nullable: true })
  satisfaction: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  remarks: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'visited_at', ...timestamp, nullable: true })
  visitedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'visited_by_id', type: 'integer', nullable: true })
  visitedById: number | null;
}

/** The score of one checklist item in one inspection, with the evidence noted. */
@ObjectType('QualityScore')
@Entity('quality_score')
@Index('uq_quality_score_item', ['inspectionId', 'itemKey'], { unique: true })
export class QualityScore {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'inspection_id', type: 'integer' })
  inspectionId: number;

  @Field(() => String)
  @Column({ name: 'item_key', type: 'varchar', length: 32 })
  itemKey: string;

  @Field(() => Int, { nullable: true, description: '0–100: how much of the item was achieved; null while not scored' })
  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Field(() => Boolean)
  @Column({ name: 'not_applicable', type: 'boolean', default: false })
  notApplicable: boolean;

  @Field(() => String, { nullable: true, description: 'Evidence notes (依据)' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;
}

/** A finding of an inspection: what was wrong, how serious, whose work or which process. */
@ObjectType('QualityFinding')
@Entity('quality_finding')
@Index('idx_quality_finding_inspection', ['inspectionId'])
export class QualityFinding {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID)
  @Column({ name: 'inspection_id', type: 'integer' })
  inspectionId: number;

  @Field(() => QualityDimension)
  @Column({ type: 'varchar', length: 24 })
  dimension: QualityDimension;

  @Field(() => FindingSeverity)
  @Column({ type: 'varchar', length: 16 })
  severity: FindingSeverity;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => ID, { nullable: true, description: 'The staff member concerned' })
  @Column({ name: 'concerned_staff_id', type: 'integer', nullable: true })
  concernedStaffId: number | null;

  @Field(() => String, { nullable: true, description: 'The process concerned, when it is not one person' })
  @Column({ name: 'concerned_process', type: 'varchar', length: 200, nullable: true })
  concernedProcess: string | null;

  @Field(() => Boolean, { description: 'Needs a rectification (整改)' })
  @Column({ name: 'needs_action', type: 'boolean', default: false })
  needsAction: boolean;

  @Field(() => ID, { nullable: true, description: 'In a correction: the finding of the corrected report it was copied from' })
  @Column({ name: 'copied_from_id', type: 'integer', nullable: true })
  copiedFromId: number | null;
}
