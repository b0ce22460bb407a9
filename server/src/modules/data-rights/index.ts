import { CustomerConsent } from './customer-consent.entity';
import { DataRightsRequest } from './data-rights-request.entity';
import { RetentionPolicy } from './retention-policy.entity';
import { SharingAgreement, SharingAgreementCustomer } from './sharing-agreement.entity';
import { CustomerConsentResolver, CustomerDataRightsResolver, SharingAgreementResolver } from './consent.resolver';
import { DataRightsRequestResolver, RetentionPolicyResolver } from './data-rights.resolver';

/** The customer's rights over their data: what this module adds to the entities and the schema. */
export const DATA_RIGHTS_ENTITIES = [CustomerConsent, SharingAgreement, SharingAgreementCustomer, DataRightsRequest, RetentionPolicy];
export const DATA_RIGHTS_RESOLVERS = [CustomerConsentResolver, CustomerDataRightsResolver, SharingAgreementResolver, DataRightsRequestResolver, RetentionPolicyResolver] as const;
