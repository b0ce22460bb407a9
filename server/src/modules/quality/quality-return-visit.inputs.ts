import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

/** The return-visit worklist. */
@InputType('QualityReturnVisitFilter')
export class QualityReturnVisitFilter {
  @Field(() => ID, { nullable: true })
  inspectionId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: visits recorded; false: still to call' })
  visited?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Return visits I carry out' })
  mine?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only return visits still in draft (being worked)' })
  open?: boolean;
}

@ArgsType()
export class QualityReturnVisitListArgs {
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @Min(0)
  page: number;

  @Field(() => Int, { nullable: true, defaultValue: 25 })
  @Min(1)
  @Max(1000)
  perPage: number;

  @Field(() => QualityReturnVisitFilter, { nullable: true })
  filter?: QualityReturnVisitFilter | null;
}
