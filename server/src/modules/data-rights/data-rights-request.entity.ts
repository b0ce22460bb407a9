import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { GraphQLJSON } from '../../graphql/scalars';
import { DataRightsRequestKind, DataRightsRequestStatus, RightsChannel } from './data-rights.enums';

/** A customer exercising a right over their data: a copy of it (access), or its deletion. */
@ObjectType('DataRightsRequest')
@Entity('data_rights_request')
export class DataRightsRequest extends VersionedRecord {
  @Field(() => DataRightsRequestKind, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  kind: DataRightsRequestKind;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  @Field(() => ID, { nullable: true, description: "The customer's branch when the request was made" })
  @Column({ name: 'branch_id', type: 'integer' })
  branchId: number;

  @Field(() => DataRightsRequestStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  status: DataRightsRequestStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  channel: RightsChannel;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'received_at', ...timestamp })
  receivedAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'recorded_by_id', type: 'integer', nullable: true })
  recordedById: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the legal retention period ends; the record is anonymised from then' })
  @Column({ name: 'retention_until', type: 'date', nullable: true })
  retentionUntil: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', ...timestamp, nullable: true })
  completedAt: Date | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'What was done: the export sections, or what the anonymisation changed' })
  @Column({ type: 'simple-json', nullable: true })
  outcome: Record<string, unknown> | null;
}
