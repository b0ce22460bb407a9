import { packRules } from '@casl/ability/extra';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Public, SignedIn } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { Branch } from '../branches/branch.entity';
import * as auth from './auth.service';
import { LoginPayload, Me } from './auth.types';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Signs in; also sets the HttpOnly session cookie' })
  @Public()
  login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Arg('otp', () => String, { nullable: true, description: 'One-time code from the authenticator app, or a recovery code, for accounts with multi-factor sign-in' }) otp: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return auth.login(ctx, username.slice(0, 64), password.slice(0, 1024), otp);
  }

  @Mutation(() => Boolean)
  @Public()
  logout(@Ctx() ctx: RequestContext) {
    return auth.logout(ctx);
  }

  @Query(() => Me)
  @SignedIn()
  async me(@Ctx() ctx: RequestContext): Promise<Me> {
    const staff = ctx.staff!;
    return {
      id: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      branchId: staff.branchId,
      branch: staff.branchId ? await ctx.db.getRepository(Branch).findOne({ where: { id: staff.branchId } }) : null,
      roles: staff.roles,
      permissions: packRules(ctx.ability.rules as never),
      timezone: ctx.config.defaultTimezone,
      dutyConflicts: staff.dutyConflicts ?? [],
      mustChangePassword: staff.mustChangePassword === true,
    };
  }
}

