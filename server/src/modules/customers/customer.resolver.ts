import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Branch } from '../branches/branch.entity';
import { Policy } from '../policies/policy.entity';
import { Customer } from './customer.entity';
import { CreateCustomerArgs, CustomerListArgs, UpdateCustomerArgs } from './customer.inputs';
import * as customers from './customer.service';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => [Customer], { description: 'Customers the caller may read, one page' })
  @Allow('read', 'Customer')
  allCustomers(@Args() args: CustomerListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return customers.list(ctx, args, info);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'Customer')
  _allCustomersMeta(@Args() args: CustomerListArgs, @Ctx() ctx: RequestContext) {
    return customers.count(ctx, args);
  }

  @Query(() => Customer, { name: 'Customer' })
  @Allow('read', 'Customer')
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return customers.get(ctx, id);
  }

  @Mutation(() => Customer)
  @Allow('create', 'Customer')
  createCustomer(@Args() args: CreateCustomerArgs, @Ctx() ctx: RequestContext) {
    return customers.create(ctx, args);
  }

  @Mutation(() => Customer)
  @Allow('update', 'Customer')
  updateCustomer(@Args() args: UpdateCustomerArgs, @Ctx() ctx: RequestContext) {
    return customers.update(ctx, args);
  }

  @Mutation(() => Customer)
  @Allow('delete', 'Customer')
  deleteCustomer(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return customers.remove(ctx, id);
  }

  @FieldResolver(() => [Policy], { nullable: true, description: 'Policies held or insured, among those the caller may read' })
  policies(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    return customers.policiesOf(ctx, customer);
  }

  @FieldResolver(() => Branch, { nullable: true })
  branch(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    return ctx.loaders.branch.load(customer.branchId);
  }
}
