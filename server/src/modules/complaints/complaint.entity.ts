import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { bigintAsNumber, timestamp } from '../../db/columns';
import { EncryptedColumn } from '../../db/encrypted-column';
import { VersionedRecord } from '../../db/versioned-record';
import { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintState, ContactMethod, MajorReason } from './complaint.enums';

const at = (name: string) => ({ name, ...timestamp, nullable: true });
const Time = (description?: string) => Field(() => Date, { nullable: true, description });
const Text = (description?: string) => Field(() => String, { nullable: true, description });
const Ref = (description?: string) => Field(() => ID, { nullable: true, description });

/**
 * One complaint in the register (投诉登记簿). Complainant contact details are encrypted at rest and
 * masked on read like customer data. The step times are what the clocks are computed from.
 */
@ObjectType('Complaint')
@Entity('complaint')
export class Complaint extends VersionedRecord {
  @Text('TS + date received (yyyyMMdd) + 4-digit sequence of that day')
  @Column({ type: 'varchar', length: 16, unique: true })
  number: string;

  @Field(() => ComplaintState, { nullable: true })
  @Column({ type: 'varchar', length: 24 })
  state: ComplaintState;

  @Field(() => ComplaintChannel, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  channel: ComplaintChannel;

  @Text("The regulator's reference, for a regulator-transferred complaint")
  @Column({ name: 'regulator_reference', type: 'varchar', length: 64, nullable: true })
  regulatorReference: string | null;

  @Time("The regulator's deadline for the written report")
  @Column(at('regulator_due_at'))
  regulatorDueAt: Date | null;

  @Text('The written report sent to the regulator, as sent')
  @Column({ name: 'regulator_report', type: 'text', nullable: true })
  regulatorReport: string | null;

  @Time()
  @Column(at('regulator_reported_at'))
  regulatorReportedAt: Date | null;

  @Ref('The customer who complains, when known')
  @Column({ name: 'complainant_customer_id', type: 'integer', nullable: true })
  complainantCustomerId: number | null;

  @Text()
  @Column({ name: 'complainant_name', type: 'varchar', length: 100 })
  complainantName: string;

  @Text('Masked; the clear value only through reveal')
  @EncryptedColumn({ name: 'complainant_phone_enc', length: 255, nullable: true })
  complainantPhone: string | null;

  @Column({ name: 'complainant_phone_hash', type: 'varchar', length: 64, nullable: true })
  complainantPhoneHash: string | null;

  @Text('Masked; the clear value only through reveal')
  @EncryptedColumn({ name: 'complainant_email_enc', length: 512, nullable: true })
  complainantEmail: string | null;

  @Text('Masked; the clear value only through reveal')
  @EncryptedColumn({ name: 'complainant_address_enc', length: 1024, nullable: true })
  complainantAddress: string | null;

  @Ref()
  @Column({ name: 'policy_id', type: 'integer', nullable: true })
  policyId: number | null;

  @Ref()
  @Column({ name: 'branch_id', type: 'integer' })
  branchId: number;

  @Field(() => ComplaintCategory, { nullable: true })
  @Column({ type: 'varchar', length: 24 })
  category: ComplaintCategory;

  @Field(() => ComplaintSeverity, { nullable: true })
  @Column({ type: 'varchar', length: 8 })
  severity: ComplaintSeverity;

  @Field(() => [MajorReason], { nullable: true, description: 'Why the complaint is major (empty for a general one)' })
  @Column({ name: 'major_reasons', type: 'simple-json' })
  majorReasons: MajorReason[];

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'major_by_hand', type: 'boolean', default: false })
  majorByHand: boolean;

  @Time('When the complaint became major: the head-office report clock starts here')
  @Column(at('major_since'))
  majorSince: Date | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'involves_media', type: 'boolean', default: false })
  involvesMedia: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Litigation threatened or under way' })
  @Column({ name: 'involves_litigation', type: 'boolean', default: false })
  involvesLitigation: boolean;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Amount in dispute, in fen' })
  @Column({ name: 'disputed_amount_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  disputedAmountFen: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'death_count', type: 'integer', default: 0 })
  deathCount: number;

  @Field(() => Boolean, { nullable: true, description: 'Group complaint (群体投诉)' })
  @Column({ name: 'group_complaint', type: 'boolean', default: false })
  groupComplaint: boolean;

  @Text()
  @Column({ type: 'varchar', length: 200 })
  summary: string;

  @Text()
  @Column({ type: 'text', nullable: true })
  details: string | null;

  @Time()
  @Column({ name: 'received_at', ...timestamp })
  receivedAt: Date;

  @Ref()
  @Column({ name: 'registered_by_id', type: 'integer', nullable: true })
  registeredById: number | null;

  @Ref('The handler (承办人)')
  @Column({ name: 'assignee_id', type: 'integer', nullable: true })
  assigneeId: number | null;

  @Time()
  @Column(at('first_response_at'))
  firstResponseAt: Date | null;

  @Text('Which materials were asked for')
  @Column({ name: 'materials_requested', type: 'text', nullable: true })
  materialsRequested: string | null;

  @Field(() => ContactMethod, { nullable: true, description: 'How the complainant was told which materials are missing' })
  @Column({ name: 'materials_notified_via', type: 'varchar', length: 16, nullable: true })
  materialsNotifiedVia: ContactMethod | null;

  @Time()
  @Column(at('materials_requested_at'))
  materialsRequestedAt: Date | null;

  @Time('Complete materials arrived: the resolution clocks run from here')
  @Column(at('materials_complete_at'))
  materialsCompleteAt: Date | null;

  @Time()
  @Column(at('accepted_at'))
  acceptedAt: Date | null;

  @Time()
  @Column(at('not_accepted_at'))
  notAcceptedAt: Date | null;

  @Text()
  @Column({ name: 'not_accepted_reason', type: 'varchar', length: 500, nullable: true })
  notAcceptedReason: string | null;

  @Text('Where a complaint not accepted was forwarded')
  @Column({ name: 'forwarded_to', type: 'varchar', length: 200, nullable: true })
  forwardedTo: string | null;

  @Text()
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Proposed compensation, in fen' })
  @Column({ name: 'compensation_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  compensationFen: number | null;

  @Ref()
  @Column({ name: 'proposed_by_id', type: 'integer', nullable: true })
  proposedById: number | null;

  @Time()
  @Column(at('proposed_at'))
  proposedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: "The compensation is above the proposer's authority" })
  @Column({ name: 'approval_required', type: 'boolean', default: false })
  approvalRequired: boolean;

  @Ref()
  @Column({ name: 'approved_by_id', type: 'integer', nullable: true })
  approvedById: number | null;

  @Time()
  @Column(at('approved_at'))
  approvedAt: Date | null;

  @Time()
  @Column(at('communicated_at'))
  communicatedAt: Date | null;

  @Field(() => ContactMethod, { nullable: true })
  @Column({ name: 'communication_method', type: 'varchar', length: 16, nullable: true })
  communicationMethod: ContactMethod | null;

  @Time()
  @Column(at('closed_at'))
  closedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'From the return call, 1 (very dissatisfied) to 5 (very satisfied)' })
  @Column({ type: 'integer', nullable: true })
  satisfaction: number | null;

  @Text()
  @Column({ name: 'return_call_note', type: 'varchar', length: 500, nullable: true })
  returnCallNote: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'appeal_count', type: 'integer', default: 0 })
  appealCount: number;

  @Time('The last appeal reopened the complaint here: the resolution clocks restart')
  @Column(at('reopened_at'))
  reopenedAt: Date | null;

  @Time()
  @Column(at('withdrawn_at'))
  withdrawnAt: Date | null;

  @Text()
  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 500, nullable: true })
  withdrawalReason: string | null;

  @Time('The regulatory limit was extended (15 → 30 days by default) with a recorded approval')
  @Column(at('deadline_extended_at'))
  deadlineExtendedAt: Date | null;

  @Text()
  @Column({ name: 'extension_reason', type: 'varchar', length: 500, nullable: true })
  extensionReason: string | null;

  @Ref()
  @Column({ name: 'extension_approved_by_id', type: 'integer', nullable: true })
  extensionApprovedById: number | null;

  @Time()
  @Column(at('head_office_reported_at'))
  headOfficeReportedAt: Date | null;

  @Text()
  @Column({ name: 'head_office_report', type: 'text', nullable: true })
  headOfficeReport: string | null;

  @Time('The earliest deadline of a clock still running (for "due today" and "overdue")')
  @Column(at('next_due_at'))
  nextDueAt: Date | null;

  @Ref('The rectification (quality module) that addresses the root cause of the complaint')
  @Column({ name: 'rectification_id', type: 'integer', nullable: true })
  rectificationId: number | null;
}
