import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import type { Permission } from '../../access/separation-of-duties';
import { VersionedRecord } from '../../db/versioned-record';
import { GraphQLJSON } from '../../graphql/scalars';

/**
 * A separation-of-duties pair as data: two sets of permissions that never meet in one person. A grant
 * that would join them is refused; if they meet anyway (a role edited later, a pair added later), the
 * first side is withdrawn from that person's rights on their next request.
 */
@ObjectType('DutyConflictRule', { description: 'A separation-of-duties pair (职责分离): permissions that never meet in one person' })
@Entity('duty_conflict_rule')
export class DutyConflictRule extends VersionedRecord {
  @Field(() => String, { nullable: true, description: 'A stable name, shown in refusals' })
  @Column({ type: 'varchar', length: 64, unique: true })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Permissions [{action, subject, field?}] withdrawn when both sides meet' })
  @Column({ name: 'withdrawn_side', type: 'simple-json' })
  withdrawn: Permission[];

  @Field(() => GraphQLJSON, { nullable: true, description: 'The other side [{action, subject, field?}]' })
  @Column({ name: 'other_side', type: 'simple-json' })
  other: Permission[];

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Shipped with the product: may be disabled, not deleted' })
  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn: boolean;
}
