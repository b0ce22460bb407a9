import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from '../../graphql/scalars';
import { RoleGrant } from '../staff/role-grant.entity';
import { Staff } from '../staff/staff.entity';

@ObjectType('EffectiveRule', { description: 'One rule a staff member holds, with the grant and role it comes from (none for a separation-of-duties withdrawal)' })
export class EffectiveRuleView {
  @Field(() => ID, { nullable: true })
  grantId: number | null;

  @Field(() => String, { nullable: true })
  roleName: string | null;

  @Field(() => String, { nullable: true })
  roleLabel: string | null;

  @Field(() => [String])
  action: string[];

  @Field(() => [String])
  subject: string[];

  @Field(() => [String], { nullable: true })
  fields: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'With the staff member\'s own id and branch filled in' })
  conditions: Record<string, unknown> | null;

  @Field(() => Boolean)
  inverted: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType('EffectivePermissions')
export class EffectivePermissionsView {
  @Field(() => Staff)
  staff: Staff;

  @Field(() => [EffectiveRuleView], { description: 'Merged rules of the grants in effect, each with its grant' })
  rules: EffectiveRuleView[];

  @Field(() => [EffectiveRuleView], { description: 'Taken away by separation of duties' })
  withdrawn: EffectiveRuleView[];

  @Field(() => [String], { description: 'Separation-of-duties pairs that meet in this person' })
  conflicts: string[];

  @Field(() => GraphQLJSON, { description: 'The packed CASL rules their next request gets, as in me.permissions' })
  permissions: unknown;

  @Field(() => Boolean, { description: 'A reset password is in use: none of the rules work until it is changed' })
  passwordChangeRequired: boolean;

  @Field(() => [RoleGrant])
  grantsInEffect: RoleGrant[];

  @Field(() => [RoleGrant], { description: 'Waiting for approval or for their validFrom' })
  grantsNotYetInEffect: RoleGrant[];
}

@ObjectType('WhoCanEntry')
export class WhoCanEntryView {
  @Field(() => Staff)
  staff: Staff;

  @Field(() => [ID], { description: 'The grants in effect through which this person can' })
  grantIds: number[];

  @Field(() => [String])
  roles: string[];

  @Field(() => [RoleGrant], { description: 'Those grants, as far as the caller may read them' })
  grants: RoleGrant[];
}

@ObjectType('AccessSubject')
export class AccessSubjectView {
  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Fields a rule can name' })
  fields: string[];

  @Field(() => [String], { description: 'Masked fields: read shows the mask; reveal shows the value' })
  sensitiveFields: string[];
}

@ObjectType('AccessCatalog', { description: 'What the role editor offers: actions, subjects with their fields, placeholders' })
export class AccessCatalogView {
  @Field(() => [String])
  actions: string[];

  @Field(() => [AccessSubjectView])
  subjects: AccessSubjectView[];

  @Field(() => [String], { description: 'Values a condition may use for the staff member\'s own attributes' })
  placeholders: string[];
}
