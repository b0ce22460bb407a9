import { Field, Int, ObjectType } from 'type-graphql';
import { ClockKind, ClockStatus } from './complaint.enums';

/** One deadline of a complaint as the register shows it: a badge with time left, paused, met or breached. */
@ObjectType('ComplaintClock')
export class ComplaintClock {
  @Field(() => ClockKind)
  kind: ClockKind;

  @Field(() => Date, { nullable: true, description: 'Null while paused (awaiting materials)' })
  dueAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Seconds to the deadline while running, negative once breached; null when finished or paused' })
  timeLeftSeconds: number | null;

  @Field(() => Boolean)
  paused: boolean;

  @Field(() => ClockStatus)
  status: ClockStatus;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the handler is warned' })
  warnAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the clock was answered' })
  completedAt: Date | null;
}
