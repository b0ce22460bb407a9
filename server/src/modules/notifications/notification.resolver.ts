import { Max, Min } from 'class-validator';
import { Args, ArgsType, Arg, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { SignedIn } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Notification } from './notification.entity';
import * as notifications from './notification.service';

@ArgsType()
class MyNotificationsArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false })
  unreadOnly: boolean;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @Min(0)
  page: number;

  @Field(() => Int, { nullable: true, defaultValue: 25 })
  @Min(1)
  @Max(200)
  perPage: number;
}

/** The signed-in staff member's own notifications (escalations, assignments), newest first. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => [Notification])
  @SignedIn()
  myNotifications(@Args() args: MyNotificationsArgs, @Ctx() ctx: RequestContext) {
    return notifications.listMine(ctx, args.unreadOnly, args.page, args.perPage);
  }

  @Query(() => ListMetadata)
  @SignedIn()
  async _myNotificationsMeta(@Arg('unreadOnly', () => Boolean, { nullable: true, defaultValue: false }) unreadOnly: boolean, @Ctx() ctx: RequestContext) {
    return { count: await notifications.countMine(ctx, unreadOnly) };
  }

  @Mutation(() => Notification)
  @SignedIn()
  markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return notifications.markRead(ctx, id);
  }

  @Mutation(() => Int, { description: 'Marks every unread notification of mine read; returns how many' })
  @SignedIn()
  markAllNotificationsRead(@Ctx() ctx: RequestContext) {
    return notifications.markAllRead(ctx);
  }
}
