import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { SignedIn } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { reveal } from './reveal.service';

@Resolver()
export class RevealResolver {
  @Mutation(() => String, { nullable: true, description: 'The clear value of one masked field, with a reason; audited' })
  @SignedIn()
  reveal(
    @Arg('type', () => String) type: string,
    @Arg('id', () => ID) id: string,
    @Arg('field', () => String) field: string,
    @Arg('reason', () => String, { validate: false }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return reveal(ctx, type, id, field, reason.slice(0, 500));
  }
}

