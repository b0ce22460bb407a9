import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { Complaint } from '../complaints/complaint.entity';
import { QualityRectification } from './quality-rectification.entity';
import * as rectifications from './quality-rectification.service';
import { LinkComplaintRectificationArgs } from './quality-rectification.inputs';
import { guardedOne } from './quality-lookup';

/** The complaint's side of the link to the rectification addressing its root cause. */
@Resolver(() => Complaint)
export class ComplaintRectificationResolver {
  @Mutation(() => Complaint, { description: 'Points a complaint at the rectification addressing its root cause (null removes it)' })
  @Allow('update', 'Complaint')
  linkComplaintRectification(@Args() args: LinkComplaintRectificationArgs, @Ctx() ctx: RequestContext) {
    return rectifications.linkComplaint(ctx, args);
  }

  @FieldResolver(() => QualityRectification, { nullable: true, description: 'When the caller may read the rectification' })
  rectification(@Root() c: Complaint, @Ctx() ctx: RequestContext) {
    return guardedOne(ctx, QualityRectification, c.rectificationId ?? null);
  }
}
