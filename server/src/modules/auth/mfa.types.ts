import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('MfaEnrolment', { description: 'A TOTP key being set up: show otpauthUri as a QR code (and secret as text); confirm with the first code before expiresAt' })
export class MfaEnrolmentPayload {
  @Field(() => String, { description: 'The key in base32, for typing into the app by hand' })
  secret: string;

  @Field(() => String, { description: 'otpauth://totp/… as authenticator apps scan it' })
  otpauthUri: string;

  @Field(() => String)
  issuer: string;

  @Field(() => String)
  accountName: string;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType('MfaRecoveryCodes', { description: 'Shown once: only their hashes are kept. Each works once, in place of a code from the app.' })
export class MfaRecoveryCodesPayload {
  @Field(() => [String])
  recoveryCodes: string[];

  @Field(() => Date)
  enabledAt: Date;
}

@ObjectType('MfaStatus')
export class MfaStatusPayload {
  @Field(() => Boolean)
  enrolled: boolean;

  @Field(() => Boolean, { description: 'A role of this staff member requires multi-factor sign-in' })
  required: boolean;

  @Field(() => Boolean, { description: 'Required but not set up: the console sends the staff member to the set-up' })
  enrolmentRequired: boolean;

  @Field(() => Date, { nullable: true })
  enabledAt: Date | null;

  @Field(() => Int)
  recoveryCodesLeft: number;
}
