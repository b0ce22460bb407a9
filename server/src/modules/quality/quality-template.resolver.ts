import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { QualityTemplate } from './quality-template.entity';
import * as templates from './quality-template.service';
import { CreateQualityTemplateArgs, QualityTemplateListArgs, UpdateQualityTemplateArgs } from './quality-template.inputs';
import { guardedOne } from './quality-lookup';

@Resolver(() => QualityTemplate)
export class QualityTemplateResolver {
  @Query(() => [QualityTemplate], { description: 'Checklist templates, every revision' })
  @Allow('read', 'QualityTemplate')
  allQualityTemplates(@Args() args: QualityTemplateListArgs, @Ctx() ctx: RequestContext) {
    return templates.listTemplates(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'QualityTemplate')
  async _allQualityTemplatesMeta(@Args() args: QualityTemplateListArgs, @Ctx() ctx: RequestContext) {
    return { count: await templates.countTemplates(ctx, args) };
  }

  @Query(() => QualityTemplate, { name: 'QualityTemplate' })
  @Allow('read', 'QualityTemplate')
  qualityTemplate(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return templates.getTemplate(ctx, id);
  }

  @Mutation(() => QualityTemplate)
  @Allow('create', 'QualityTemplate')
  createQualityTemplate(@Args() args: CreateQualityTemplateArgs, @Ctx() ctx: RequestContext) {
    return templates.createTemplate(ctx, args);
  }

  @Mutation(() => QualityTemplate, { description: 'Edits the newest revision; once an inspection used it, the edit becomes a new revision (returned)' })
  @Allow('update', 'QualityTemplate')
  updateQualityTemplate(@Args() args: UpdateQualityTemplateArgs, @Ctx() ctx: RequestContext) {
    return templates.updateTemplate(ctx, args);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'An inspection is scored with this revision: editing it makes a new one' })
  inUse(@Root() template: QualityTemplate, @Ctx() ctx: RequestContext) {
    return templates.templateInUse(ctx.db.manager, template.id);
  }

  @FieldResolver(() => QualityTemplate, { nullable: true, description: 'The revision before this one' })
  previous(@Root() template: QualityTemplate, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, QualityTemplate, template.previousId);
  }
}
