import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { ConsentKind, RightsChannel } from './data-rights.enums';

/** One consent given or withdrawn, as it happened: the history is kept, the customer record holds the latest. */
@ObjectType('CustomerConsent')
@Entity('customer_consent')
export class CustomerConsent {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  @Field(() => ConsentKind, { nullable: true })
  @Column({ type: 'varchar', length: 24 })
  kind: ConsentKind;

  @Field(() => Boolean, { nullable: true, description: 'true: given; false: withdrawn' })
  @Column({ type: 'boolean', default: false })
  granted: boolean;

  @Field(() => Date, { nullable: true, description: 'When the customer gave or withdrew it' })
  @Column({ ...timestamp })
  at: Date;

  @Field(() => RightsChannel, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  channel: RightsChannel;

  @Field(() => String, { nullable: true, description: 'Version of the consent text the customer agreed to, e.g. MKT-2026-01' })
  @Column({ name: 'text_version', type: 'varchar', length: 32 })
  textVersion: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'recorded_by_id', type: 'integer', nullable: true })
  recordedById: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;
}
