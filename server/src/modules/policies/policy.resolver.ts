import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Branch } from '../branches/branch.entity';
import { Customer } from '../customers/customer.entity';
import { Policy } from './policy.entity';
import { CreatePolicyArgs, PolicyListArgs, UpdatePolicyArgs } from './policy.inputs';
import * as policies from './policy.service';

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => [Policy])
  @Allow('read', 'Policy')
  allPolicies(@Args() args: PolicyListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return policies.list(ctx, args, info);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'Policy')
  _allPoliciesMeta(@Args() args: PolicyListArgs, @Ctx() ctx: RequestContext) {
    return policies.count(ctx, args);
  }

  @Query(() => Policy, { name: 'Policy' })
  @Allow('read', 'Policy')
  policy(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return policies.get(ctx, id);
  }

  @Mutation(() => Policy)
  @Allow('create', 'Policy')
  createPolicy(@Args() args: CreatePolicyArgs, @Ctx() ctx: RequestContext) {
    return policies.create(ctx, args);
  }

  @Mutation(() => Policy)
  @Allow('update', 'Policy')
  updatePolicy(@Args() args: UpdatePolicyArgs, @Ctx() ctx: RequestContext) {
    return policies.update(ctx, args);
  }

  @Mutation(() => Policy)
  @Allow('delete', 'Policy')
  deletePolicy(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return policies.remove(ctx, id);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Null when the caller may not read the holder' })
  holder(@Root() policy: Policy, @Ctx() ctx: RequestContext) {
    return ctx.loaders.customer.load(policy.holderId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Null when the caller may not read the insured' })
  insured(@Root() policy: Policy, @Ctx() ctx: RequestContext) {
    return ctx.loaders.customer.load(policy.insuredId);
  }

  @FieldResolver(() => Branch, { nullable: true })
  branch(@Root() policy: Policy, @Ctx() ctx: RequestContext) {
    return ctx.loaders.branch.load(policy.branchId);
  }
}
