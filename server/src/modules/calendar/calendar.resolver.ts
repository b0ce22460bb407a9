import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDayListArgs, CreateCalendarDayArgs, UpdateCalendarDayArgs } from './calendar.inputs';
import * as calendar from './calendar.service';

/** The holiday calendar screen: public holidays and make-up working days, maintained by administrators. */
@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Query(() => [CalendarDay], { description: 'Public holidays and make-up working days, one page' })
  @Allow('read', 'CalendarDay')
  allCalendarDays(@Args() args: CalendarDayListArgs, @Ctx() ctx: RequestContext) {
    return calendar.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'CalendarDay')
  async _allCalendarDaysMeta(@Args() args: CalendarDayListArgs, @Ctx() ctx: RequestContext) {
    return { count: await calendar.count(ctx, args) };
  }

  @Query(() => CalendarDay, { name: 'CalendarDay' })
  @Allow('read', 'CalendarDay')
  calendarDay(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return calendar.get(ctx, id);
  }

  @Mutation(() => CalendarDay)
  @Allow('create', 'CalendarDay')
  createCalendarDay(@Args() args: CreateCalendarDayArgs, @Ctx() ctx: RequestContext) {
    return calendar.create(ctx, args);
  }

  @Mutation(() => CalendarDay)
  @Allow('update', 'CalendarDay')
  updateCalendarDay(@Args() args: UpdateCalendarDayArgs, @Ctx() ctx: RequestContext) {
    return calendar.update(ctx, args);
  }

  @Mutation(() => CalendarDay)
  @Allow('delete', 'CalendarDay')
  deleteCalendarDay(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return calendar.remove(ctx, id);
  }
}
