import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { CsvExportPayload, ExportArgs } from '../exports/export.resolver';
import { InquiryChannelKey } from './channel-key.entity';
import { createChannelKey, listChannelKeys, retireChannelKey } from './channel-key.service';
import { InquirySettings } from './inquiry-settings.entity';
import { getInquirySettings, updateInquirySettings } from './inquiry-settings.service';
import { CreateChannelKeyArgs, InquiryIndicatorArgs, PolicyInquiryFilter, PolicyInquiryListArgs, UpdateInquirySettingsArgs } from './inquiry.inputs';
import * as log from './inquiry-log.service';
import { InquiryIndicator, NewInquiryChannelKey } from './inquiry.types';
import { PolicyInquiry } from './policy-inquiry.entity';

@ArgsType()
class ExportInquiriesArgs extends ExportArgs {
  @Field(() => PolicyInquiryFilter, { nullable: true })
  filter?: PolicyInquiryFilter | null;
}

/** The inquiry log (compliance), its indicators and export; the inquiry settings; the channel keys (administrators). */
@Resolver(() => PolicyInquiry)
export class InquiryLogResolver {
  @Query(() => [PolicyInquiry], { description: 'The inquiry log, one page' })
  @Allow('read', 'PolicyInquiry')
  allPolicyInquiries(@Args() args: PolicyInquiryListArgs, @Ctx() ctx: RequestContext) {
    return log.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'PolicyInquiry')
  _allPolicyInquiriesMeta(@Args() args: PolicyInquiryListArgs, @Ctx() ctx: RequestContext) {
    return log.count(ctx, args);
  }

  @Query(() => PolicyInquiry, { name: 'PolicyInquiry' })
  @Allow('read', 'PolicyInquiry')
  policyInquiry(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return log.get(ctx, id);
  }

  @Query(() => [InquiryIndicator], { description: 'Inquiries in [from, to) by channel and outcome, with the average time to decide' })
  @Allow('read', 'PolicyInquiry')
  inquiryIndicators(@Args() args: InquiryIndicatorArgs, @Ctx() ctx: RequestContext) {
    return log.indicators(ctx, args);
  }

  @Mutation(() => CsvExportPayload, { description: 'The filtered inquiry log as CSV (at most 10,000 rows); audited' })
  @Allow('export', 'PolicyInquiry')
  exportPolicyInquiries(@Args() args: ExportInquiriesArgs, @Ctx() ctx: RequestContext) {
    return log.exportLog(ctx, args.filter, args, args.locale);
  }
}

@Resolver(() => InquirySettings)
export class InquirySettingsResolver {
  @Query(() => InquirySettings)
  @Allow('read', 'InquirySettings')
  inquirySettings(@Ctx() ctx: RequestContext) {
    return getInquirySettings(ctx);
  }

  @Mutation(() => InquirySettings)
  @Allow('update', 'InquirySettings')
  updateInquirySettings(@Args() args: UpdateInquirySettingsArgs, @Ctx() ctx: RequestContext) {
    return updateInquirySettings(ctx, args);
  }
}

@Resolver(() => InquiryChannelKey)
export class InquiryChannelKeyResolver {
  @Query(() => [InquiryChannelKey], { description: 'Channel keys, active and retired' })
  @Allow('read', 'InquiryChannelKey')
  allInquiryChannelKeys(@Ctx() ctx: RequestContext) {
    return listChannelKeys(ctx);
  }

  @Mutation(() => NewInquiryChannelKey, { description: 'A new key for the website or the app (at most two active per channel); the secret is shown once' })
  @Allow('create', 'InquiryChannelKey')
  createInquiryChannelKey(@Args() args: CreateChannelKeyArgs, @Ctx() ctx: RequestContext) {
    return createChannelKey(ctx, args);
  }

  @Mutation(() => InquiryChannelKey, { description: 'Stops a key from working, once the channel has moved to its new key' })
  @Allow('update', 'InquiryChannelKey')
  retireInquiryChannelKey(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return retireChannelKey(ctx, id);
  }
}
