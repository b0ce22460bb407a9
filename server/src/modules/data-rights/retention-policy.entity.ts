import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../db/versioned-record';

/** How long customer data is kept after the last policy ends (the legal retention period), as data. */
@ObjectType('RetentionPolicy')
@Entity('retention_policy')
export class RetentionPolicy extends VersionedRecord {
  @Field(() => Int, { nullable: true, description: 'A policy of at most this many months counts as short-term' })
  @Column({ name: 'short_term_max_months', type: 'integer' })
  shortTermMaxMonths: number;

  @Field(() => Int, { nullable: true, description: 'Years kept after a short-term policy ends' })
  @Column({ name: 'short_term_years', type: 'integer' })
  shortTermYears: number;

  @Field(() => Int, { nullable: true, description: 'Years kept after a longer policy ends' })
  @Column({ name: 'long_term_years', type: 'integer' })
  longTermYears: number;
}
