import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Staff } from './staff.entity';

@ObjectType('StaffWithPassword', { description: 'The account and its temporary password, shown this once; it must be changed at the first sign-in' })
export class StaffWithPasswordPayload {
  @Field(() => Staff)
  staff: Staff;

  @Field(() => String)
  temporaryPassword: string;
}

@ObjectType('DormantStaffReport')
export class DormantStaffReport {
  @Field(() => Int)
  days: number;

  @Field(() => Date, { description: 'Accounts whose last sign-in (or creation, if never signed in) is before this' })
  cutoff: Date;

  @Field(() => [Staff])
  staff: Staff[];
}

@ObjectType('SkippedStaff')
export class SkippedStaff {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  reason: string;
}

@ObjectType('BulkSuspension')
export class BulkSuspensionPayload {
  @Field(() => [Staff])
  suspended: Staff[];

  @Field(() => [SkippedStaff])
  skipped: SkippedStaff[];
}
