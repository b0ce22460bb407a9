import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Role } from './role.entity';
import { CloneRoleArgs, CreateRoleArgs, RoleListArgs, UpdateRoleArgs } from './role.inputs';
import * as roles from './role.service';

/** Roles (角色): CASL rules as data, edited in the console's rule matrix or as raw JSON. */
@Resolver(() => Role)
export class RoleResolver {
  @Query(() => [Role])
  @Allow('read', 'Role')
  allRoles(@Args() args: RoleListArgs, @Ctx() ctx: RequestContext) {
    return roles.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'Role')
  async _allRolesMeta(@Args() args: RoleListArgs, @Ctx() ctx: RequestContext) {
    return { count: await roles.count(ctx, args) };
  }

  @Query(() => Role, { name: 'Role' })
  @Allow('read', 'Role')
  role(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return roles.get(ctx, id);
  }

  @Mutation(() => Role, { description: 'Rules are checked (actions, subjects, fields, operators, placeholders, separation of duties) before saving' })
  @Allow('create', 'Role')
  createRole(@Args() args: CreateRoleArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return roles.create(ctx, args, info.schema);
  }

  @Mutation(() => Role, { description: 'Refused if a holder of the role would then break a separation-of-duties pair' })
  @Allow('update', 'Role')
  updateRole(@Args() args: UpdateRoleArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return roles.update(ctx, args, info.schema);
  }

  @Mutation(() => Role, { description: 'A copy of a role under a new name (never built in)' })
  @Allow('create', 'Role')
  cloneRole(@Args() args: CloneRoleArgs, @Ctx() ctx: RequestContext) {
    return roles.clone(ctx, args);
  }

  @Mutation(() => Role, { description: 'Only a role that was never granted; built-in roles cannot be deleted' })
  @Allow('delete', 'Role')
  deleteRole(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return roles.remove(ctx, id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Staff holding the role right now' })
  holderCount(@Root() role: Role, @Ctx() ctx: RequestContext) {
    return roles.holderCount(ctx, role);
  }
}
