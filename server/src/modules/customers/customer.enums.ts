import { registerEnumType } from 'type-graphql';

export enum CustomerKind {
  individual = 'individual',
  group = 'group',
}
export enum Gender {
  male = 'male',
  female = 'female',
}
export enum IdType {
  resident_id = 'resident_id',
  passport = 'passport',
  hk_macao_permit = 'hk_macao_permit',
  taiwan_permit = 'taiwan_permit',
  unified_social_credit_code = 'unified_social_credit_code',
}
/** Where the data came from: the law asks for the lawful source of personal information. */
export enum DataSource {
  application = 'application',
  claim = 'claim',
  customer = 'customer',
  third_party = 'third_party',
}
export enum CustomerStatus {
  active = 'active',
  /** A deletion request was received: kept, not processed, hidden from every list but compliance's. */
  restricted = 'restricted',
  deceased = 'deceased',
  /** The retention period ended and the personal data was irreversibly removed; the record stays for statistics. */
  anonymised = 'anonymised',
}

registerEnumType(CustomerKind, { name: 'CustomerKind' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(IdType, { name: 'IdType' });
registerEnumType(DataSource, { name: 'DataSource', description: 'Where the customer data came from' });
registerEnumType(CustomerStatus, { name: 'CustomerStatus' });
