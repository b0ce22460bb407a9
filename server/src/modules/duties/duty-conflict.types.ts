import { Field, ID, ObjectType } from 'type-graphql';
import { RoleGrant } from '../staff/role-grant.entity';
import { Staff } from '../staff/staff.entity';
import { DutyConflictRule } from './duty-conflict-rule.entity';

@ObjectType('DutyConflictViolation', { description: 'A separation-of-duties pair that meets in one person through grants in effect' })
export class DutyConflictViolation {
  @Field(() => DutyConflictRule)
  rule: DutyConflictRule;

  @Field(() => ID)
  staffId: number;

  @Field(() => Staff, { nullable: true })
  staff: Staff | null;

  @Field(() => [RoleGrant], { description: 'Grants giving the side that is withdrawn' })
  withdrawnGrants: RoleGrant[];

  @Field(() => [RoleGrant], { description: 'Grants giving the other side' })
  otherGrants: RoleGrant[];
}
