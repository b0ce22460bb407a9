import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { timestamp } from '../../db/columns';
import { VersionedRecord } from '../../db/versioned-record';
import { ChannelKeyStatus, InquiryChannel } from './inquiry.enums';

/**
 * A key the website or the app presents with each inquiry. Only its SHA-256 is stored (the key is 256
 * random bits, so a slow hash would add nothing); a channel may have two active keys at once so the
 * new one is rolled out before the old one is retired.
 */
@ObjectType('InquiryChannelKey')
@Entity('inquiry_channel_key')
export class InquiryChannelKey extends VersionedRecord {
  @Field(() => InquiryChannel, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  channel: InquiryChannel;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Field(() => String, { nullable: true, description: 'The first characters of the key, to tell keys apart' })
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64, unique: true })
  keyHash: string;

  @Field(() => ChannelKeyStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  status: ChannelKeyStatus;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'created_by_id', type: 'integer', nullable: true })
  createdById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'retired_at', ...timestamp, nullable: true })
  retiredAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'retired_by_id', type: 'integer', nullable: true })
  retiredById: number | null;

  @Field(() => Date, { nullable: true, description: 'Last inquiry made with this key: retire the old key once traffic has moved' })
  @Column({ name: 'last_used_at', ...timestamp, nullable: true })
  lastUsedAt: Date | null;
}
