import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../db/versioned-record';

export enum CalendarDayKind {
  /** A public holiday (法定节假日): not a working day, whatever the weekday. */
  holiday = 'holiday',
  /** A weekend day announced as a working day (调休上班). */
  workday = 'workday',
}
registerEnumType(CalendarDayKind, { name: 'CalendarDayKind', description: 'holiday: public holiday; workday: make-up working day (调休)' });

/**
 * One exception to the Monday-to-Friday week. The State Council announces each year's holidays and
 * make-up days late in the year before, so administrators add them here instead of waiting for a release.
 */
@ObjectType('CalendarDay')
@Entity('calendar_day')
export class CalendarDay extends VersionedRecord {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'date', unique: true })
  day: string;

  @Field(() => CalendarDayKind, { nullable: true })
  @Column({ type: 'varchar', length: 16 })
  kind: CalendarDayKind;

  @Field(() => String, { nullable: true, description: 'e.g. 国庆节, 春节调休上班' })
  @Column({ type: 'varchar', length: 64 })
  name: string;
}
