import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from '../../graphql/scalars';
import { Staff } from '../staff/staff.entity';
import { Branch } from '../branches/branch.entity';

@ObjectType('LoginResult')
export class LoginPayload {
  @Field(() => String, { description: 'Session token for Authorization: Bearer (the console uses the HttpOnly cookie instead)' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Staff)
  staff: Staff;

  @Field(() => Boolean, { description: 'The password was reset: call changePassword before anything else works' })
  mustChangePassword: boolean;

  @Field(() => Boolean, { description: 'A role of this staff member requires multi-factor sign-in and none is set up: go to the set-up (beginMfaEnrolment)' })
  mfaEnrolmentRequired: boolean;
}

/** The signed-in staff member, with the packed CASL rules the console uses to hide what it cannot do. */
@ObjectType('Me')
export class Me {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  username: string;

  @Field(() => String)
  displayName: string;

  @Field(() => ID, { nullable: true })
  branchId: number | null;

  @Field(() => Branch, { nullable: true })
  branch: Branch | null;

  @Field(() => [String])
  roles: string[];

  @Field(() => GraphQLJSON, { description: 'CASL rules, packed (@casl/ability/extra unpackRules), with staff placeholders filled in' })
  permissions: unknown;

  @Field(() => String)
  timezone: string;

  @Field(() => [String], { description: 'Separation-of-duties conflicts among this staff member\'s grants; the data-access side is withdrawn until an administrator resolves them' })
  dutyConflicts: string[];

  @Field(() => Boolean, { description: 'The password was reset: only changePassword works until a new one is chosen' })
  mustChangePassword: boolean;
}
