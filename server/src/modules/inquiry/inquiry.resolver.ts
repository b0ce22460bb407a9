import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow, Public } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { authenticateChannel, CHANNEL_KEY_HEADER } from './channel-key.service';
import { ChannelInquiryArgs, ResetQueryPasswordArgs, StaffInquiryArgs } from './inquiry.inputs';
import { inquire } from './inquiry.service';
import { PolicySummary, QueryPasswordReset } from './inquiry.types';
import { InquiryChannel } from './inquiry.enums';
import { resetQueryPassword } from './query-password.service';

@Resolver()
export class PolicyInquiryResolver {
  @Mutation(() => PolicySummary, {
    description: `Self-service inquiry from the website or the app, authenticated by the channel's key in the ${CHANNEL_KEY_HEADER} header. Any mismatch answers VERIFICATION_FAILED only`,
  })
  @Public()
  async channelPolicyInquiry(@Args() args: ChannelInquiryArgs, @Ctx() ctx: RequestContext) {
    const key = await authenticateChannel(ctx);
    return inquire(ctx, { channel: key.channel, channelKeyId: key.id, staff: null, ability: null, ip: args.clientIp ?? ctx.ip }, args);
  }

  @Mutation(() => PolicySummary, { description: 'Hotline or counter inquiry made by staff for the customer, with the same verification; records who assisted' })
  @Allow('create', 'PolicyInquiry')
  assistedPolicyInquiry(@Args() args: StaffInquiryArgs, @Ctx() ctx: RequestContext) {
    const staff = { id: ctx.staff!.id, username: ctx.staff!.username };
    return inquire(ctx, { channel: args.channel as unknown as InquiryChannel, channelKeyId: null, staff, ability: ctx.ability, ip: ctx.ip }, args);
  }

  @Mutation(() => QueryPasswordReset, { description: "Sets a new query password after the customer's identity was checked another way; lifts a lock-out; audited" })
  @Allow('update', 'QueryPassword')
  resetQueryPassword(@Args() args: ResetQueryPasswordArgs, @Ctx() ctx: RequestContext) {
    return resetQueryPassword(ctx, args);
  }
}
