import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { CsvExportPayload } from '../exports/export.resolver';
import { loadStaffMember } from '../staff/loaders';
import { Staff } from '../staff/staff.entity';
import { AccessReviewCampaign } from './access-review-campaign.entity';
import { AccessReviewItem } from './access-review-item.entity';
import { runAccessReviewDeadlines } from './access-review.deadlines';
import { evidence, exportEvidence, totalsView } from './access-review.evidence';
import { CampaignListArgs, CancelCampaignArgs, CreateCampaignArgs, DecideItemArgs, ItemListArgs, ReassignItemArgs } from './access-review.inputs';
import { createCampaign } from './access-review.launch';
import * as reviews from './access-review.service';
import { ReviewEvidenceView, ReviewTotalsView } from './access-review.types';
import { DeadlineRunView } from './deadline-run.type';

/** Access review campaigns (权限复核): started by administrators, evidence for compliance. */
@Resolver(() => AccessReviewCampaign)
export class AccessReviewCampaignResolver {
  @Query(() => [AccessReviewCampaign])
  @Allow('read', 'AccessReviewCampaign')
  allAccessReviewCampaigns(@Args() args: CampaignListArgs, @Ctx() ctx: RequestContext) {
    return reviews.listCampaigns(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'AccessReviewCampaign')
  async _allAccessReviewCampaignsMeta(@Args() args: CampaignListArgs, @Ctx() ctx: RequestContext) {
    return { count: await reviews.countCampaigns(ctx, args) };
  }

  @Query(() => AccessReviewCampaign, { name: 'AccessReviewCampaign' })
  @Allow('read', 'AccessReviewCampaign')
  accessReviewCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return reviews.getCampaign(ctx, id);
  }

  @Query(() => ReviewEvidenceView, { description: 'The evidence report of a campaign (final once it is completed or closed)' })
  @Allow('read', 'AccessReviewCampaign')
  accessReviewEvidence(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return evidence(ctx, id);
  }

  @Mutation(() => CsvExportPayload, { description: 'The evidence items as CSV; audited' })
  @Allow('export', 'AccessReviewItem')
  exportAccessReviewEvidence(
    @Arg('id', () => ID) id: string,
    @Arg('locale', () => String, { nullable: true, defaultValue: 'zh', validate: false }) locale: string,
    @Ctx() ctx: RequestContext,
  ) {
    return exportEvidence(ctx, id, locale === 'en' ? 'en' : 'zh');
  }

  @Mutation(() => AccessReviewCampaign, { description: 'Starts a campaign: one item per grant in scope, for the branch manager or the named reviewer' })
  @Allow('create', 'AccessReviewCampaign')
  async createAccessReviewCampaign(@Args() args: CreateCampaignArgs, @Ctx() ctx: RequestContext) {
    return reviews.getCampaign(ctx, await createCampaign(ctx, args));
  }

  @Mutation(() => AccessReviewCampaign, { description: 'Stops an open campaign; pending items are cancelled and no grant changes' })
  @Allow('update', 'AccessReviewCampaign')
  cancelAccessReviewCampaign(@Args() args: CancelCampaignArgs, @Ctx() ctx: RequestContext) {
    return reviews.cancel(ctx, args.id, args.reason);
  }

  @Mutation(() => DeadlineRunView, { description: 'Sends due reminders and applies passed deadlines now (the server also does this every minute)' })
  @Allow('update', 'AccessReviewCampaign')
  runAccessReviewDeadlines(@Ctx() ctx: RequestContext) {
    return runAccessReviewDeadlines(ctx.db);
  }

  @FieldResolver(() => ReviewTotalsView, { nullable: true })
  async totals(@Root() campaign: AccessReviewCampaign, @Ctx() ctx: RequestContext) {
    return totalsView(await reviews.totalsOf(ctx.db.manager, campaign.id));
  }

  @FieldResolver(() => Staff, { nullable: true })
  reviewer(@Root() campaign: AccessReviewCampaign, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, campaign.reviewerId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  createdBy(@Root() campaign: AccessReviewCampaign, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, campaign.createdById);
  }
}

/** Review items: a reviewer lists and decides their own; administrators reassign. */
@Resolver(() => AccessReviewItem)
export class AccessReviewItemResolver {
  @Query(() => [AccessReviewItem], { description: 'Items the caller may read: a reviewer sees their own' })
  @Allow('read', 'AccessReviewItem')
  allAccessReviewItems(@Args() args: ItemListArgs, @Ctx() ctx: RequestContext) {
    return reviews.listItems(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'AccessReviewItem')
  async _allAccessReviewItemsMeta(@Args() args: ItemListArgs, @Ctx() ctx: RequestContext) {
    return { count: await reviews.countItems(ctx, args) };
  }

  @Query(() => AccessReviewItem, { name: 'AccessReviewItem' })
  @Allow('read', 'AccessReviewItem')
  accessReviewItem(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return reviews.getItem(ctx, id);
  }

  @Mutation(() => AccessReviewItem, { description: 'Keep or revoke, with a comment; revoking ends the grant at once' })
  @Allow('review', 'AccessReviewItem')
  decideAccessReviewItem(@Args() args: DecideItemArgs, @Ctx() ctx: RequestContext) {
    return reviews.decide(ctx, args.id, args.decision, args.comment);
  }

  @Mutation(() => AccessReviewItem, { description: 'Gives a pending item to another reviewer (never the staff member under review), with a reason; audited, and the new reviewer is notified' })
  @Allow('update', 'AccessReviewCampaign')
  reassignAccessReviewItem(@Args() args: ReassignItemArgs, @Ctx() ctx: RequestContext) {
    return reviews.reassign(ctx, args.id, args.reviewerId, args.reason);
  }

  @FieldResolver(() => Staff, { nullable: true })
  staff(@Root() item: AccessReviewItem, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, item.staffId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  reviewer(@Root() item: AccessReviewItem, @Ctx() ctx: RequestContext) {
    return loadStaffMember(ctx, item.reviewerId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The campaign\'s name, for reviewers who cannot read campaigns' })
  async campaignName(@Root() item: AccessReviewItem, @Ctx() ctx: RequestContext) {
    return (await reviews.campaignSummary(ctx, item.campaignId))?.name ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'The campaign\'s deadline' })
  async dueAt(@Root() item: AccessReviewItem, @Ctx() ctx: RequestContext) {
    return (await reviews.campaignSummary(ctx, item.campaignId))?.dueAt ?? null;
  }
}
