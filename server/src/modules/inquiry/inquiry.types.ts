import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PaymentFrequency, PaymentStatus, PolicyLine, PolicyStatus } from '../policies/policy.enums';
import { Policy } from '../policies/policy.entity';
import { InquiryChannelKey } from './channel-key.entity';

/** What a complete verification answers: the policy's state, never the parties' personal data. */
@ObjectType('PolicySummary')
export class PolicySummary {
  @Field(() => String)
  policyNumber: string;

  @Field(() => String)
  productName: string;

  @Field(() => PolicyLine)
  line: PolicyLine;

  @Field(() => PolicyStatus)
  status: PolicyStatus;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  effectiveDate: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  expiryDate: string;

  @Field(() => GraphQLSafeInt, { description: 'Coverage: the sum insured in fen' })
  sumInsuredFen: number;

  @Field(() => GraphQLSafeInt, { description: 'Premium per payment in fen' })
  premiumFen: number;

  @Field(() => PaymentFrequency)
  paymentFrequency: PaymentFrequency;

  @Field(() => PaymentStatus)
  paymentStatus: PaymentStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when nothing more is due' })
  nextPremiumDueDate: string | null;

  @Field(() => ID, { description: 'The inquiry log entry of this answer' })
  inquiryId: number;
}

export function summaryOf(policy: Policy, inquiryId: number): PolicySummary {
  return Object.assign(new PolicySummary(), {
    policyNumber: policy.policyNumber,
    productName: policy.productName,
    line: policy.line,
    status: policy.status,
    effectiveDate: policy.effectiveDate,
    expiryDate: policy.expiryDate,
    sumInsuredFen: policy.sumInsuredFen,
    premiumFen: policy.premiumFen,
    paymentFrequency: policy.paymentFrequency,
    paymentStatus: policy.paymentStatus,
    nextPremiumDueDate: policy.nextPremiumDueDate,
    inquiryId,
  });
}

@ObjectType('QueryPasswordReset')
export class QueryPasswordReset {
  @Field(() => ID)
  policyId: number;

  @Field(() => Date)
  setAt: Date;

  @Field(() => String, { nullable: true, description: 'The generated password, shown once, when none was chosen by the customer' })
  temporaryPassword: string | null;

  @Field(() => Boolean, { description: 'Whether a lock-out on the policy number was lifted' })
  unlocked: boolean;
}

@ObjectType('NewInquiryChannelKey')
export class NewInquiryChannelKey {
  @Field(() => InquiryChannelKey)
  key: InquiryChannelKey;

  @Field(() => String, { description: 'The key itself, shown this once: only its hash is kept' })
  secret: string;
}

@ObjectType('InquiryIndicator', { description: 'Inquiries in a period by channel and outcome' })
export class InquiryIndicator {
  @Field(() => String)
  channel: string;

  @Field(() => String)
  outcome: string;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Average time to decide, in milliseconds' })
  averageResponseMs: number;
}
