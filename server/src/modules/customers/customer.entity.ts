import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { EncryptedColumn } from '../../db/encrypted-column';
import { CustomerKind, CustomerStatus, DataSource, Gender, IdType } from './customer.enums';

/**
 * A policy holder, insured person or group customer. ID number, phone, e-mail and address are
 * encrypted at rest; the *_hash columns are blind indexes for uniqueness and exact search.
 */
@ObjectType('Customer')
@Entity('customer')
export class Customer extends VersionedRecord {
  @Field(() => CustomerKind, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  kind: CustomerKind;

  @Field(() => String, { nullable: true })
  @Index('idx_customer_name')
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => Gender, { nullable: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: Gender | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @Field(() => IdType, { nullable: true })
  @Column({ name: 'id_type', type: 'varchar', length: 32 })
  idType: IdType;

  @Field(() => String, { nullable: true, description: 'Masked; the clear value only through reveal' })
  @EncryptedColumn({ name: 'id_number_enc', length: 255 })
  idNumber: string;

  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, unique: true })
  idNumberHash: string;

  @Field(() => String, { nullable: true, description: 'Masked; the clear value only through reveal' })
  @EncryptedColumn({ name: 'phone_enc', length: 255, nullable: true })
  phone: string | null;

  @Index('idx_customer_phone_hash')
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Field(() => String, { nullable: true, description: 'Masked; the clear value only through reveal' })
  @EncryptedColumn({ name: 'email_enc', length: 512, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Masked; the clear value only through reveal' })
  @EncryptedColumn({ name: 'address_enc', length: 1024, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  occupation: string | null;

  @Field(() => ID, { nullable: true })
  @Index('idx_customer_branch')
  @Column({ name: 'branch_id', type: 'integer' })
  branchId: number;

  @Field(() => DataSource, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  source: DataSource;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'marketing_consent', type: 'boolean', default: false })
  marketingConsent: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'marketing_consent_at', ...timestamp, nullable: true })
  marketingConsentAt: Date | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'sharing_consent', type: 'boolean', default: false })
  sharingConsent: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'sharing_consent_at', ...timestamp, nullable: true })
  sharingConsentAt: Date | null;

  @Field(() => CustomerStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16, default: CustomerStatus.active })
  status: CustomerStatus;
}
