import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { SignedIn } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { Me } from './auth.types';
import * as mfa from './mfa.service';
import { MfaEnrolmentPayload, MfaRecoveryCodesPayload, MfaStatusPayload } from './mfa.types';
import { changePassword } from './password.service';

/** The signed-in staff member's own credentials: password change and multi-factor set-up. */
@Resolver(() => Me)
export class CredentialsResolver {
  @Mutation(() => Boolean, { description: 'Replaces the own password (12–128 characters, not a common one); ends the other sessions' })
  @SignedIn()
  changePassword(
    @Arg('currentPassword', () => String, { validate: false }) currentPassword: string,
    @Arg('newPassword', () => String, { validate: false }) newPassword: string,
    @Ctx() ctx: RequestContext,
  ) {
    return changePassword(ctx, currentPassword.slice(0, 1024), newPassword.slice(0, 1024));
  }

  @Mutation(() => MfaEnrolmentPayload, { description: 'Starts multi-factor set-up; asks for the password again' })
  @SignedIn()
  beginMfaEnrolment(@Arg('password', () => String, { validate: false }) password: string, @Ctx() ctx: RequestContext) {
    return mfa.beginEnrolment(ctx, password.slice(0, 1024));
  }

  @Mutation(() => MfaRecoveryCodesPayload, { description: 'Confirms the set-up with the first code from the app; returns the recovery codes once' })
  @SignedIn()
  confirmMfaEnrolment(@Arg('code', () => String, { validate: false }) code: string, @Ctx() ctx: RequestContext) {
    return mfa.confirmEnrolment(ctx, code.slice(0, 64));
  }

  @Mutation(() => MfaRecoveryCodesPayload, { description: 'Ten new recovery codes (the old ones stop working), against a current code from the app' })
  @SignedIn()
  regenerateRecoveryCodes(@Arg('code', () => String, { validate: false }) code: string, @Ctx() ctx: RequestContext) {
    return mfa.regenerateRecoveryCodes(ctx, code.slice(0, 64));
  }

  @FieldResolver(() => MfaStatusPayload, { description: 'Multi-factor sign-in of the signed-in staff member' })
  mfa(@Ctx() ctx: RequestContext) {
    return mfa.statusOf(ctx);
  }
}
