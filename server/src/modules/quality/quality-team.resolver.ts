import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Branch } from '../branches/branch.entity';
import { QualityTeam } from './quality-team.entity';
import * as templates from './quality-template.service';
import { CreateQualityTeamArgs, QualityTeamListArgs, UpdateQualityTeamArgs } from './quality-team.inputs';

@Resolver(() => QualityTeam)
export class QualityTeamResolver {
  @Query(() => [QualityTeam], { description: 'Teams: the units every half-year plan covers' })
  @Allow('read', 'QualityTeam')
  allQualityTeams(@Args() args: QualityTeamListArgs, @Ctx() ctx: RequestContext) {
    return templates.listTeams(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'QualityTeam')
  async _allQualityTeamsMeta(@Args() args: QualityTeamListArgs, @Ctx() ctx: RequestContext) {
    return { count: await templates.countTeams(ctx, args) };
  }

  @Query(() => QualityTeam, { name: 'QualityTeam' })
  @Allow('read', 'QualityTeam')
  qualityTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return templates.getTeam(ctx, id);
  }

  @Mutation(() => QualityTeam)
  @Allow('create', 'QualityTeam')
  createQualityTeam(@Args() args: CreateQualityTeamArgs, @Ctx() ctx: RequestContext) {
    return templates.createTeam(ctx, args);
  }

  @Mutation(() => QualityTeam)
  @Allow('update', 'QualityTeam')
  updateQualityTeam(@Args() args: UpdateQualityTeamArgs, @Ctx() ctx: RequestContext) {
    return templates.updateTeam(ctx, args);
  }

  @FieldResolver(() => Branch, { nullable: true })
  branch(@Root() team: QualityTeam, @Ctx() ctx: RequestContext) {
    return ctx.loaders.branch.load(team.branchId);
  }
}
