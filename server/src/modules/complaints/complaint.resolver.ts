import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Branch } from '../branches/branch.entity';
import { Customer } from '../customers/customer.entity';
import { Policy } from '../policies/policy.entity';
import { Staff } from '../staff/staff.entity';
import { loadPolicy, loadStaff } from './complaint-context';
import { ComplaintEvent } from './complaint-event.entity';
import { Complaint } from './complaint.entity';
import { ComplaintAction } from './complaint.enums';
import { ComplaintListArgs, CreateComplaintArgs, UpdateComplaintArgs } from './complaint.inputs';
import * as complaints from './complaint.service';
import { ComplaintClock } from './complaint.types';

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Query(() => [Complaint], { description: 'The complaint register: complaints the caller may read, one page' })
  @Allow('read', 'Complaint')
  allComplaints(@Args() args: ComplaintListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return complaints.list(ctx, args, info);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'Complaint')
  _allComplaintsMeta(@Args() args: ComplaintListArgs, @Ctx() ctx: RequestContext) {
    return complaints.count(ctx, args);
  }

  @Query(() => Complaint, { name: 'Complaint' })
  @Allow('read', 'Complaint')
  complaint(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return complaints.get(ctx, id);
  }

  @Mutation(() => Complaint, { description: 'Registers a complaint; its number is TS + date received + sequence of that day' })
  @Allow('create', 'Complaint')
  createComplaint(@Args() args: CreateComplaintArgs, @Ctx() ctx: RequestContext) {
    return complaints.create(ctx, args);
  }

  @Mutation(() => Complaint, { description: 'Corrects the registration details of an open complaint' })
  @Allow('update', 'Complaint')
  updateComplaint(@Args() args: UpdateComplaintArgs, @Ctx() ctx: RequestContext) {
    return complaints.update(ctx, args);
  }

  @FieldResolver(() => [ComplaintEvent], { nullable: true, description: 'Steps and escalations, oldest first' })
  timeline(@Root() complaint: Complaint, @Ctx() ctx: RequestContext) {
    return complaints.timeline(ctx, complaint);
  }

  @FieldResolver(() => [ComplaintClock], { nullable: true, description: 'Every deadline of the complaint, computed now' })
  clocks(@Root() complaint: Complaint, @Ctx() ctx: RequestContext) {
    return complaints.clocks(ctx, complaint);
  }

  @FieldResolver(() => [ComplaintAction], { nullable: true, description: 'The workflow steps the caller may take now' })
  availableActions(@Root() complaint: Complaint, @Ctx() ctx: RequestContext) {
    return complaints.actionsFor(ctx, complaint);
  }

  @FieldResolver(() => Branch, { nullable: true })
  branch(@Root() complaint: Complaint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.branch.load(complaint.branchId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Null when not linked, or when the caller may not read the customer' })
  complainantCustomer(@Root() complaint: Complaint, @Ctx() ctx: RequestContext) {
    return complaint.complainantCustomerId ? ctx.loaders.customer.load(complaint.complainantCustomerId) : null;
  }

  @FieldResolver(() => Policy, { nullable: true })
  policy(@Root() complaint: Complaint, @Ctx() ctx: RequestContext) {
    return loadPolicy(ctx, complaint.policyId);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The handler, when the caller may read staff records' })
  assignee(@Root() complaint: Complaint, @Ctx() ctx: RequestContext) {
    return loadStaff(ctx, complaint.assigneeId);
  }
}
