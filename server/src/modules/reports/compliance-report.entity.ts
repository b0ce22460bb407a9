import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { GraphQLJSON } from '../../graphql/scalars';
import { ReportKind, ReportPeriodKind } from './report.enums';

/**
 * A generated report, kept as an immutable snapshot: what was computed, for which period and scope,
 * by whom and when, with the SHA-256 of the content exactly as stored. Rows are only ever inserted:
 * the API has no update or delete, so what was sent to the regulator can be shown later. Row rules
 * apply through `branchId` (null: the whole company).
 */
@ObjectType('ComplianceReport')
@Entity('compliance_report')
export class ComplianceReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ReportKind, { nullable: true })
  @Column({ type: 'varchar', length: 32 })
  kind: ReportKind;

  @Field(() => ReportPeriodKind, { nullable: true })
  @Column({ name: 'period_kind', type: 'varchar', length: 16 })
  periodKind: ReportPeriodKind;

  @Field(() => String, { nullable: true, description: 'First local day of the period (YYYY-MM-DD), inclusive' })
  @Column({ name: 'period_from', type: 'varchar', length: 10 })
  periodFrom: string;

  @Field(() => String, { nullable: true, description: 'Last local day of the period (YYYY-MM-DD), inclusive' })
  @Column({ name: 'period_to', type: 'varchar', length: 10 })
  periodTo: string;

  @Field(() => String, { nullable: true, description: '2026-Q3, 2026-07, 2026-H1, 2026 or from~to' })
  @Column({ name: 'period_label', type: 'varchar', length: 32 })
  periodLabel: string;

  @Field(() => ID, { nullable: true, description: 'The branch the report covers; null for the whole company' })
  @Column({ name: 'branch_id', type: 'integer', nullable: true })
  branchId: number | null;

  @Field(() => String, { nullable: true, description: 'The scope as named when generated' })
  @Column({ name: 'scope_name', type: 'varchar', length: 100 })
  scopeName: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The parameters as requested (period, scope, time zone)' })
  @Column({ type: 'simple-json' })
  parameters: Record<string, unknown>;

  /** The content as the JSON text that was hashed; parsed for the API by the resolver. */
  @Column({ type: 'text' })
  content: string;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the content JSON exactly as stored' })
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'generated_by_id', type: 'integer', nullable: true })
  generatedById: number | null;

  @Field(() => String, { nullable: true, description: 'Who generated it, as named then' })
  @Column({ name: 'generated_by_name', type: 'varchar', length: 64 })
  generatedByName: string;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'generated_at', ...timestamp })
  generatedAt: Date;
}
