import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { bigintAsNumber } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { RegulatoryDayKind } from './complaint.enums';

@ObjectType('ApprovalLimit', { description: 'How much compensation a role may grant without approval, and approve' })
export class ApprovalLimit {
  @Field(() => String, { description: 'Role name (agent, manager, compliance …)' })
  role: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'In fen; null means no limit' })
  limitFen: number | null;
}

/**
 * The one record that holds the complaint deadlines, the "major" thresholds, the approval
 * authorities and who escalations go to: company policy is data, edited by compliance, audited.
 */
@ObjectType('ComplaintPolicy')
@Entity('complaint_policy')
export class ComplaintPolicy extends VersionedRecord {
  @Field(() => Int, { nullable: true, description: 'First response, wall-clock hours from receipt' })
  @Column({ name: 'first_response_hours', type: 'integer' })
  firstResponseHours: number;

  @Field(() => Int, { nullable: true, description: 'Tell the complainant which materials are missing, working days from receipt' })
  @Column({ name: 'materials_notice_working_days', type: 'integer' })
  materialsNoticeWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'Company target for a decision, working days from complete materials' })
  @Column({ name: 'resolution_target_working_days', type: 'integer' })
  resolutionTargetWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'Regulatory limit for a decision, days from complete materials' })
  @Column({ name: 'regulatory_resolution_days', type: 'integer' })
  regulatoryResolutionDays: number;

  @Field(() => Int, { nullable: true, description: 'The regulatory limit once extended with an approval' })
  @Column({ name: 'regulatory_extended_days', type: 'integer' })
  regulatoryExtendedDays: number;

  @Field(() => RegulatoryDayKind, { nullable: true, description: 'Whether the regulatory limit counts calendar or working days' })
  @Column({ name: 'regulatory_day_kind', type: 'varchar', length: 16 })
  regulatoryDayKind: RegulatoryDayKind;

  @Field(() => Int, { nullable: true, description: 'Head-office report of a major complaint, wall-clock hours' })
  @Column({ name: 'head_office_report_hours', type: 'integer' })
  headOfficeReportHours: number;

  @Field(() => Int, { nullable: true, description: 'Warn the handler when this share of a clock has run' })
  @Column({ name: 'warn_at_percent', type: 'integer' })
  warnAtPercent: number;

  @Field(() => Int, { nullable: true, description: 'A major complaint breached by more than this many working days goes to compliance' })
  @Column({ name: 'compliance_after_working_days', type: 'integer' })
  complianceAfterWorkingDays: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'A disputed amount above this (fen) makes a complaint major' })
  @Column({ name: 'major_amount_fen', type: 'bigint', transformer: bigintAsNumber })
  majorAmountFen: number;

  @Field(() => Int, { nullable: true, description: 'This many deaths or more make a complaint major' })
  @Column({ name: 'major_death_count', type: 'integer' })
  majorDeathCount: number;

  @Field(() => [ApprovalLimit], { nullable: true })
  @Column({ name: 'approval_limits', type: 'simple-json' })
  approvalLimits: ApprovalLimit[];

  @Field(() => String, { nullable: true, description: 'Role of the branch staff told when a clock is breached' })
  @Column({ name: 'breach_escalation_role', type: 'varchar', length: 64 })
  breachEscalationRole: string;

  @Field(() => String, { nullable: true, description: 'Role told when a major complaint is breached for too long' })
  @Column({ name: 'compliance_escalation_role', type: 'varchar', length: 64 })
  complianceEscalationRole: string;
}
