import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { DutyConflictRule } from './duty-conflict-rule.entity';
import { CreateDutyConflictRuleArgs, DutyConflictRuleListArgs, UpdateDutyConflictRuleArgs } from './duty-conflict.inputs';
import { ListMetadata } from '../../graphql/list';
import * as duties from './duty-conflict.service';
import { DutyConflictViolation } from './duty-conflict.types';

/** Separation-of-duties pairs (职责分离) as data, and the report of where they meet today. */
@Resolver(() => DutyConflictRule)
export class DutyConflictRuleResolver {
  @Query(() => [DutyConflictRule])
  @Allow('read', 'DutyConflictRule')
  allDutyConflictRules(@Args() args: DutyConflictRuleListArgs, @Ctx() ctx: RequestContext) {
    return duties.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'DutyConflictRule')
  async _allDutyConflictRulesMeta(@Args() args: DutyConflictRuleListArgs, @Ctx() ctx: RequestContext) {
    return { count: await duties.count(ctx, args) };
  }

  @Query(() => DutyConflictRule, { name: 'DutyConflictRule' })
  @Allow('read', 'DutyConflictRule')
  dutyConflictRule(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return duties.get(ctx, id);
  }

  @Query(() => [DutyConflictViolation], { description: 'Pairs that meet in one person today, with the grants on each side' })
  @Allow('read', 'DutyConflictRule')
  dutyConflictViolations(@Ctx() ctx: RequestContext) {
    return duties.violationReport(ctx);
  }

  @Mutation(() => DutyConflictRule)
  @Allow('create', 'DutyConflictRule')
  createDutyConflictRule(@Args() args: CreateDutyConflictRuleArgs, @Ctx() ctx: RequestContext) {
    return duties.create(ctx, args);
  }

  @Mutation(() => DutyConflictRule, { description: 'Edit or enable/disable a pair; it applies from every staff member\'s next request' })
  @Allow('update', 'DutyConflictRule')
  updateDutyConflictRule(@Args() args: UpdateDutyConflictRuleArgs, @Ctx() ctx: RequestContext) {
    return duties.update(ctx, args);
  }

  @Mutation(() => DutyConflictRule, { description: 'Deletes a pair added here; built-in pairs can only be disabled' })
  @Allow('delete', 'DutyConflictRule')
  deleteDutyConflictRule(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return duties.remove(ctx, id);
  }
}
