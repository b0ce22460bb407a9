import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { guardedQuery } from '../../access/guarded-query';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Customer } from '../customers/customer.entity';
import * as customers from '../customers/customer.service';
import { DataRightsRequest } from './data-rights-request.entity';
import { CustomerRequestArgs, DataRightsRequestListArgs, ExportCustomerDataArgs, UpdateRetentionPolicyArgs, WithdrawDeletionArgs } from './data-rights.inputs';
import * as rights from './data-rights.service';
import { RetentionPolicy } from './retention-policy.entity';

@ObjectType('CustomerDataExport', { description: "A customer's copy of everything held about them (access and copy)" })
class CustomerDataExport {
  @Field(() => String)
  filename: string;

  @Field(() => String)
  contentType: string;

  @Field(() => String, { description: 'The copy itself, values in clear (it is for the customer): the JSON text, or the PDF in base64 (see encoding)' })
  content: string;

  @Field(() => String, { description: 'utf-8 (JSON) or base64 (PDF)' })
  encoding: string;

  @Field(() => [String], { description: 'Sections of the copy, in order' })
  sections: string[];

  @Field(() => DataRightsRequest, { description: 'The access request this export completed' })
  request: DataRightsRequest;
}

/** Data-rights requests (access and copy, deletion), the retention policy, and the correction history. */
@Resolver(() => DataRightsRequest)
export class DataRightsRequestResolver {
  @Query(() => [DataRightsRequest])
  @Allow('read', 'DataRightsRequest')
  allDataRightsRequests(@Args() args: DataRightsRequestListArgs, @Ctx() ctx: RequestContext) {
    return rights.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'DataRightsRequest')
  async _allDataRightsRequestsMeta(@Args() args: DataRightsRequestListArgs, @Ctx() ctx: RequestContext) {
    return { count: await rights.count(ctx, args) };
  }

  @Query(() => DataRightsRequest, { name: 'DataRightsRequest' })
  @Allow('read', 'DataRightsRequest')
  dataRightsRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return rights.get(ctx, id);
  }

  @Mutation(() => CustomerDataExport, { description: 'Access and copy: everything held about the customer as JSON or PDF; recorded as a request and audited' })
  @Allow('create', 'DataRightsRequest')
  exportCustomerData(@Args() args: ExportCustomerDataArgs, @Ctx() ctx: RequestContext) {
    return rights.exportCustomerData(ctx, args);
  }

  @Mutation(() => DataRightsRequest, { description: 'Restricts the customer at once; the record is anonymised when the retention period ends' })
  @Allow('create', 'DataRightsRequest')
  requestCustomerDeletion(@Args() args: CustomerRequestArgs, @Ctx() ctx: RequestContext) {
    return rights.requestDeletion(ctx, args);
  }

  @Mutation(() => DataRightsRequest, { description: 'The customer withdrew a deletion request before anonymisation: the restriction is lifted' })
  @Allow('update', 'DataRightsRequest')
  withdrawCustomerDeletion(@Args() args: WithdrawDeletionArgs, @Ctx() ctx: RequestContext) {
    return rights.withdrawDeletion(ctx, args);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() request: DataRightsRequest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.customer.load(request.customerId);
  }

  @Query(() => [AuditEntry], { description: "Every recorded change to a customer's record (corrections with the old value masked), oldest first" })
  @Allow('read', 'AuditEntry')
  async customerChangeHistory(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: RequestContext) {
    const customer = await customers.get(ctx, customerId);
    return guardedQuery(ctx, AuditEntry, 'a')
      .andWhere("a.subjectType = 'Customer' AND a.subjectId = :id AND a.action <> 'reveal'", { id: String(customer.id) })
      .orderBy('a.seq', 'ASC')
      .take(1000)
      .getMany();
  }
}

@Resolver(() => RetentionPolicy)
export class RetentionPolicyResolver {
  @Query(() => RetentionPolicy)
  @Allow('read', 'RetentionPolicy')
  retentionPolicy(@Ctx() ctx: RequestContext) {
    return rights.getRetentionPolicy(ctx);
  }

  @Mutation(() => RetentionPolicy)
  @Allow('update', 'RetentionPolicy')
  updateRetentionPolicy(@Args() args: UpdateRetentionPolicyArgs, @Ctx() ctx: RequestContext) {
    return rights.updateRetentionPolicy(ctx, args);
  }
}
