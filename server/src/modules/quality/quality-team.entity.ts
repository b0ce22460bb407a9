import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../db/versioned-record';

/** A team of a branch (热线组, 柜面组 …): the unit every half-year's periodic inspections must cover. */
@ObjectType('QualityTeam')
@Entity('quality_team')
export class QualityTeam extends VersionedRecord {
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'branch_id', type: 'integer' })
  branchId: number;

  @Field(() => Boolean, { nullable: true, description: 'Inactive teams are no longer in the plan' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
