import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { CreateRoleGrantArgs, GrantStepArgs, RoleGrantListArgs } from './grant.inputs';
import * as grants from './grant.service';
import { loadRole, loadStaffMember } from './loaders';
import { Role } from './role.entity';
import { RoleGrant } from './role-grant.entity';
import { Staff } from './staff.entity';

/** Role grants (授权): a role given to a staff member with a reason, for a period, approved by a second administrator when high-risk. */
@Resolver(() => RoleGrant)
export class RoleGrantResolver {
  @Query(() => [RoleGrant])
  @Allow('read', 'RoleGrant')
  allRoleGrants(@Args() args: RoleGrantListArgs, @Ctx() ctx: RequestContext) {
    return grants.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'RoleGrant')
  async _allRoleGrantsMeta(@Args() args: RoleGrantListArgs, @Ctx() ctx: RequestContext) {
    return { count: await grants.count(ctx, args) };
  }

  @Query(() => RoleGrant, { name: 'RoleGrant' })
  @Allow('read', 'RoleGrant')
  roleGrant(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return grants.get(ctx, id);
  }

  @Mutation(() => RoleGrant, { description: 'Grants a role (never to oneself); a high-risk role waits in pending_approval for a second administrator' })
  @Allow('grant', 'RoleGrant')
  createRoleGrant(@Args() args: CreateRoleGrantArgs, @Ctx() ctx: RequestContext) {
    return grants.create(ctx, args);
  }

  @Mutation(() => RoleGrant, { description: 'pending_approval → active, by an administrator who neither granted it nor receives it' })
  @Allow('approve', 'RoleGrant')
  approveRoleGrant(@Args() args: GrantStepArgs, @Ctx() ctx: RequestContext) {
    return grants.approve(ctx, args.id, args.reason);
  }

  @Mutation(() => RoleGrant, { description: 'pending_approval → rejected, with the reason' })
  @Allow('approve', 'RoleGrant')
  rejectRoleGrant(@Args() args: GrantStepArgs, @Ctx() ctx: RequestContext) {
    return grants.reject(ctx, args.id, args.reason);
  }

  @Mutation(() => RoleGrant, { description: 'active or pending_approval → revoked, with the reason; stops working on the holder\'s next request' })
  @Allow('grant', 'RoleGrant')
  revokeRoleGrant(@Args() args: GrantStepArgs, @Ctx() ctx: RequestContext) {
    return grants.revoke(ctx, args.id, args.reason);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Active and inside its validity period right now' })
  inEffect(@Root() grant: RoleGrant) {
    return grants.inEffect(grant);
  }

  @FieldResolver(() => Staff, { nullable: true })
  staff(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, grant.staffId);
  }

  @FieldResolver(() => Role, { nullable: true })
  role(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return loadRole(ctx, grant.roleId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  grantedBy(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, grant.grantedById);
  }

  @FieldResolver(() => Staff, { nullable: true })
  approvedBy(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, grant.approvedById);
  }

  @FieldResolver(() => Staff, { nullable: true })
  revokedBy(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, grant.revokedById);
  }
}
