import { registerEnumType } from 'type-graphql';

/** Where an inquiry came from: the two self-service channels arrive with a channel key, the two others through staff. */
export enum InquiryChannel {
  website = 'website',
  app = 'app',
  hotline = 'hotline',
  counter = 'counter',
}
export const SELF_SERVICE_CHANNELS = [InquiryChannel.website, InquiryChannel.app] as const;
export const STAFF_CHANNELS = [InquiryChannel.hotline, InquiryChannel.counter] as const;

export enum StaffInquiryChannel {
  hotline = 'hotline',
  counter = 'counter',
}

export enum InquiryOutcome {
  verified = 'verified',
  failed = 'failed',
  locked = 'locked',
  rate_limited = 'rate_limited',
}

/**
 * Why an inquiry ended as it did. Kept in the log for compliance and the reports; the caller is only
 * ever told "verification failed", whichever part was wrong.
 */
export enum InquiryReason {
  verified = 'verified',
  unknown_policy = 'unknown_policy',
  id_mismatch = 'id_mismatch',
  password_mismatch = 'password_mismatch',
  no_query_password = 'no_query_password',
  other_branch = 'other_branch',
  policy_locked = 'policy_locked',
  source_rate_limited = 'source_rate_limited',
}

export enum ChannelKeyStatus {
  active = 'active',
  retired = 'retired',
}

/** How staff made sure they were talking to the customer before resetting a query password. */
export enum IdentityCheck {
  id_document_at_counter = 'id_document_at_counter',
  video_call_with_id_document = 'video_call_with_id_document',
  hotline_security_questions = 'hotline_security_questions',
}

registerEnumType(InquiryChannel, { name: 'InquiryChannel' });
registerEnumType(StaffInquiryChannel, { name: 'StaffInquiryChannel', description: 'Channels on which staff make the inquiry for the customer' });
registerEnumType(InquiryOutcome, { name: 'InquiryOutcome' });
registerEnumType(InquiryReason, { name: 'InquiryReason', description: 'Why an inquiry ended as it did (the log only; callers are told just "verification failed")' });
registerEnumType(ChannelKeyStatus, { name: 'ChannelKeyStatus' });
registerEnumType(IdentityCheck, { name: 'IdentityCheck' });
