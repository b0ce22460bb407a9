import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { VersionedRecord } from '../../db/versioned-record';
import { QualityDimension } from './quality.enums';
import type { TemplateItemValue } from './quality.rules';

@ObjectType('QualityTemplateItem', { description: 'One weighted checklist item' })
export class QualityTemplateItem implements TemplateItemValue {
  @Field(() => String, { description: 'Stable within the template family, so scores point at the same item across versions' })
  key: string;

  @Field(() => QualityDimension)
  dimension: QualityDimension;

  @Field(() => String)
  title: string;

  @Field(() => Int, { description: 'Share of the total score (1–100); the scores are weighted by it' })
  weight: number;

  @Field(() => String, { nullable: true, description: 'Scoring guidance for the inspector (评分标准)' })
  guidance: string | null;
}

/**
 * A checklist template version. A template in use (an inspection was scored with it) is never changed:
 * editing it creates the next revision under the same code, and the old one stops being current.
 */
@ObjectType('QualityTemplate')
@Entity('quality_template')
@Index('uq_quality_template_code_revision', ['code', 'revision'], { unique: true })
export class QualityTemplate extends VersionedRecord {
  @Field(() => String, { nullable: true, description: 'The template family: every revision shares it' })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Field(() => Int, { nullable: true, description: 'Revision number within the family, from 1' })
  @Column({ type: 'integer' })
  revision: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Field(() => [QualityTemplateItem], { nullable: true })
  @Column({ type: 'simple-json' })
  items: QualityTemplateItem[];

  @Field(() => Boolean, { nullable: true, description: 'The newest revision of its family: new inspections use it' })
  @Column({ type: 'boolean', default: true })
  current: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Retired templates are kept for the inspections scored with them but offered no more' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'previous_id', type: 'integer', nullable: true })
  previousId: number | null;
}
