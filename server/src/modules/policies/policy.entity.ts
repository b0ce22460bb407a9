import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { bigintAsNumber } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { PaymentFrequency, PaymentStatus, PolicyLine, PolicyStatus, SalesChannel } from './policy.enums';

@ObjectType('Beneficiary')
export class Beneficiary {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Relationship to the insured, e.g. 配偶, 子女, 父母, 法定' })
  relationship: string;

  @Field(() => Int, { description: 'Share in percent; the shares of one policy add up to 100' })
  sharePercent: number;

  @Field(() => ID, { nullable: true })
  customerId?: number | null;
}

@ObjectType('Policy')
@Entity('policy')
@Index('idx_policy_branch_expiry', ['branchId', 'expiryDate'])
@Index('idx_policy_status_expiry', ['status', 'expiryDate'])
export class Policy extends VersionedRecord {
  @Field(() => String, { nullable: true })
  @Column({ name: 'policy_number', type: 'varchar', length: 32, unique: true })
  policyNumber: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'product_code', type: 'varchar', length: 32 })
  productCode: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'product_name', type: 'varchar', length: 100 })
  productName: string;

  @Field(() => PolicyLine, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  line: PolicyLine;

  @Field(() => ID, { nullable: true })
  @Index('idx_policy_holder')
  @Column({ name: 'holder_id', type: 'integer' })
  holderId: number;

  @Field(() => ID, { nullable: true })
  @Index('idx_policy_insured')
  @Column({ name: 'insured_id', type: 'integer' })
  insuredId: number;

  @Field(() => [Beneficiary], { nullable: true })
  @Column({ type: 'simple-json' })
  beneficiaries: Beneficiary[];

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Sum insured in fen (0.01 yuan)' })
  @Column({ name: 'sum_insured_fen', type: 'bigint', transformer: bigintAsNumber })
  sumInsuredFen: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Premium per payment in fen (0.01 yuan)' })
  @Column({ name: 'premium_fen', type: 'bigint', transformer: bigintAsNumber })
  premiumFen: number;

  @Field(() => PaymentFrequency, { nullable: true })
  @Column({ name: 'payment_frequency', type: 'varchar', length: 16 })
  paymentFrequency: PaymentFrequency;

  @Field(() => PaymentStatus, { nullable: true })
  @Column({ name: 'payment_status', type: 'varchar', length: 16 })
  paymentStatus: PaymentStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'next_premium_due_date', type: 'date', nullable: true })
  nextPremiumDueDate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'expiry_date', type: 'date' })
  expiryDate: string;

  @Field(() => PolicyStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  status: PolicyStatus;

  @Field(() => SalesChannel, { nullable: true })
  @Column({ name: 'sales_channel', type: 'varchar', length: 16 })
  salesChannel: SalesChannel;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'branch_id', type: 'integer' })
  branchId: number;

  @Field(() => String, { nullable: true, description: 'Code of the sales agent (业务员) who sold the policy' })
  @Column({ name: 'sales_agent_code', type: 'varchar', length: 32, nullable: true })
  salesAgentCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'sales_agent_name', type: 'varchar', length: 64, nullable: true })
  salesAgentName: string | null;
}
