import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { now } from '../../clock';
import { Branch } from '../branches/branch.entity';
import { AccessPolicy } from './access-policy.entity';
import { RoleGrant } from './role-grant.entity';
import { Staff } from './staff.entity';
import { CreateStaffArgs, StaffListArgs, StaffStepArgs, SuspendDormantArgs, UpdateAccessPolicyArgs, UpdateStaffArgs } from './staff.inputs';
import * as lifecycle from './staff-lifecycle.service';
import * as staff from './staff.service';
import { BulkSuspensionPayload, DormantStaffReport, StaffWithPasswordPayload } from './staff.types';

/** Staff accounts (员工账号): the list, create and edit, and the account steps of issue 6. */
@Resolver(() => Staff)
export class StaffResolver {
  @Query(() => [Staff], { description: 'Staff accounts the caller may read, one page' })
  @Allow('read', 'Staff')
  allStaff(@Args() args: StaffListArgs, @Ctx() ctx: RequestContext) {
    return staff.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'Staff')
  async _allStaffMeta(@Args() args: StaffListArgs, @Ctx() ctx: RequestContext) {
    return { count: await staff.count(ctx, args) };
  }

  @Query(() => Staff, { name: 'Staff' })
  @Allow('read', 'Staff')
  staffMember(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return staff.get(ctx, id);
  }

  @Query(() => DormantStaffReport, { description: 'Active accounts without a sign-in for N days (the access policy\'s setting by default)' })
  @Allow('read', 'Staff')
  dormantStaff(@Arg('days', () => Int, { nullable: true }) days: number | null, @Ctx() ctx: RequestContext) {
    return lifecycle.dormant(ctx, days);
  }

  @Mutation(() => StaffWithPasswordPayload, { description: 'A new account with a temporary password shown once; roles are granted separately' })
  @Allow('create', 'Staff')
  createStaff(@Args() args: CreateStaffArgs, @Ctx() ctx: RequestContext) {
    return staff.create(ctx, args);
  }

  @Mutation(() => Staff)
  @Allow('update', 'Staff')
  updateStaff(@Args() args: UpdateStaffArgs, @Ctx() ctx: RequestContext) {
    return staff.update(ctx, args);
  }

  @Mutation(() => Staff, { description: 'active → suspended; every session ends at once' })
  @Allow('update', 'Staff')
  suspendStaff(@Args() args: StaffStepArgs, @Ctx() ctx: RequestContext) {
    return lifecycle.changeStatus(ctx, 'suspend', args.id, args.reason);
  }

  @Mutation(() => Staff, { description: 'active or suspended → disabled (a leaver); every session ends at once' })
  @Allow('update', 'Staff')
  disableStaff(@Args() args: StaffStepArgs, @Ctx() ctx: RequestContext) {
    return lifecycle.changeStatus(ctx, 'disable', args.id, args.reason);
  }

  @Mutation(() => Staff, { description: 'suspended or disabled → active' })
  @Allow('update', 'Staff')
  reactivateStaff(@Args() args: StaffStepArgs, @Ctx() ctx: RequestContext) {
    return lifecycle.changeStatus(ctx, 'reactivate', args.id, args.reason);
  }

  @Mutation(() => StaffWithPasswordPayload, { description: 'A temporary password shown once; sessions end; a new password must be chosen at sign-in' })
  @Allow('update', 'Staff')
  resetStaffPassword(@Args() args: StaffStepArgs, @Ctx() ctx: RequestContext) {
    return lifecycle.resetPassword(ctx, args.id, args.reason);
  }

  @Mutation(() => Staff, { description: 'Lifts a sign-in lock after repeated failures' })
  @Allow('update', 'Staff')
  unlockStaff(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return lifecycle.unlock(ctx, id);
  }

  @Mutation(() => Staff, { description: 'Takes multi-factor sign-in off the account (lost phone); sessions end; it is set up again at the next sign-in' })
  @Allow('update', 'Staff')
  resetStaffMfa(@Args() args: StaffStepArgs, @Ctx() ctx: RequestContext) {
    return lifecycle.resetMfa(ctx, args.id, args.reason);
  }

  @Mutation(() => BulkSuspensionPayload, { description: 'Suspends the listed dormant accounts together, each checked again' })
  @Allow('update', 'Staff')
  suspendDormantStaff(@Args() args: SuspendDormantArgs, @Ctx() ctx: RequestContext) {
    return lifecycle.suspendDormant(ctx, args.ids, args.days, args.reason);
  }

  @FieldResolver(() => Branch, { nullable: true })
  branch(@Root() member: Staff, @Ctx() ctx: RequestContext) {
    return member.branchId ? ctx.loaders.branch.load(member.branchId) : null;
  }

  @FieldResolver(() => [String], { nullable: true, description: 'Roles held right now (grants in effect)' })
  roles(@Root() member: Staff, @Ctx() ctx: RequestContext) {
    return staff.rolesOf(ctx, member);
  }

  @FieldResolver(() => [RoleGrant], { nullable: true, description: 'Every grant, past and present, that the caller may read' })
  grants(@Root() member: Staff, @Ctx() ctx: RequestContext) {
    return staff.grantsOf(ctx, member);
  }

  @FieldResolver(() => Boolean, { nullable: true })
  mfaEnrolled(@Root() member: Staff) {
    return member.mfaEnabledAt !== null && member.mfaEnabledAt !== undefined;
  }

  @FieldResolver(() => Boolean, { nullable: true })
  locked(@Root() member: Staff) {
    return !!member.lockedUntil && member.lockedUntil > now();
  }
}

/** The access-rights settings (dormancy, review reminders). */
@Resolver(() => AccessPolicy)
export class AccessPolicyResolver {
  @Query(() => AccessPolicy)
  @Allow('read', 'AccessPolicy')
  accessPolicy(@Ctx() ctx: RequestContext) {
    return lifecycle.accessPolicy(ctx.db.manager);
  }

  @Mutation(() => AccessPolicy)
  @Allow('update', 'AccessPolicy')
  updateAccessPolicy(@Args() args: UpdateAccessPolicyArgs, @Ctx() ctx: RequestContext) {
    return lifecycle.updateAccessPolicy(ctx, args.version, { dormantAfterDays: args.dormantAfterDays, reviewReminderDays: args.reviewReminderDays });
  }
}
