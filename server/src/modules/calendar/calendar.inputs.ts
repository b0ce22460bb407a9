import { IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { IsLocalDate } from '../../graphql/validators';
import { CalendarDayKind } from './calendar-day.entity';

@InputType('CalendarDayFilter')
export class CalendarDayFilter {
  @Field(() => String, { nullable: true, description: 'Name prefix' })
  @MaxLength(64)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Int, { nullable: true })
  @Min(1900)
  @Max(2200)
  year?: number;

  @Field(() => CalendarDayKind, { nullable: true })
  kind?: CalendarDayKind;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  day_gte?: string;

  @Field(() => String, { nullable: true })
  @IsLocalDate()
  day_lte?: string;
}

@ArgsType()
export class CalendarDayListArgs extends ListArgs {
  @Field(() => CalendarDayFilter, { nullable: true })
  filter?: CalendarDayFilter | null;
}

@ArgsType()
export class CalendarDayFields {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsLocalDate()
  day?: string;

  @Field(() => CalendarDayKind, { nullable: true })
  kind?: CalendarDayKind;

  @Field(() => String, { nullable: true })
  @MinLength(1)
  @MaxLength(64)
  name?: string;
}

@ArgsType()
export class CreateCalendarDayArgs extends CalendarDayFields {}

@ArgsType()
export class UpdateCalendarDayArgs extends CalendarDayFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version the edit started from; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}
