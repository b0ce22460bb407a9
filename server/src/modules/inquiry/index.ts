import { InquiryChannelKey } from './channel-key.entity';
import { InquiryLock } from './inquiry-lock.entity';
import { InquirySettings } from './inquiry-settings.entity';
import { PolicyInquiry } from './policy-inquiry.entity';
import { QueryPassword } from './query-password.entity';
import { InquiryChannelKeyResolver, InquiryLogResolver, InquirySettingsResolver } from './inquiry-admin.resolver';
import { PolicyInquiryResolver } from './inquiry.resolver';
import { PolicyReminderResolver } from './reminders.resolver';

/** Identity-verified policy inquiry: what this module adds to the entities and the schema. */
export const INQUIRY_ENTITIES = [InquirySettings, QueryPassword, InquiryLock, InquiryChannelKey, PolicyInquiry];
export const INQUIRY_RESOLVERS = [PolicyInquiryResolver, InquiryLogResolver, InquirySettingsResolver, InquiryChannelKeyResolver, PolicyReminderResolver] as const;
