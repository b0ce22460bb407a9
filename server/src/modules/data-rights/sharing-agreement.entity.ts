import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';

/** An agreement under which customer data is shared with a third party: who, why, which fields, for how long. */
@ObjectType('SharingAgreement')
@Entity('sharing_agreement')
export class SharingAgreement extends VersionedRecord {
  @Field(() => String, { nullable: true, description: 'The agreement number' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  reference: string | null;

  @Field(() => String, { nullable: true, description: 'The third party' })
  @Column({ type: 'varchar', length: 200 })
  party: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500 })
  purpose: string;

  @Field(() => [String], { nullable: true, description: 'Customer fields shared, e.g. name, phone' })
  @Column({ type: 'simple-json' })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while open-ended' })
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

}

/** A customer covered by a sharing agreement. */
@Entity('sharing_agreement_customer')
export class SharingAgreementCustomer {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'agreement_id', type: 'integer' })
  agreementId: number;

  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  @Column({ name: 'added_at', ...timestamp })
  addedAt: Date;

  @Column({ name: 'added_by_id', type: 'integer', nullable: true })
  addedById: number | null;
}

