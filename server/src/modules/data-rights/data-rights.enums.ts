import { registerEnumType } from 'type-graphql';

export enum ConsentKind {
  marketing = 'marketing',
  third_party_sharing = 'third_party_sharing',
}

/** Where the customer gave or withdrew a consent, or made a request. */
export enum RightsChannel {
  website = 'website',
  app = 'app',
  hotline = 'hotline',
  counter = 'counter',
  paper = 'paper',
}

export enum DataRightsRequestKind {
  /** Access and copy: everything held about the customer, exported. */
  access = 'access',
  /** Deletion: restricted at once, anonymised when the retention period ends. */
  deletion = 'deletion',
}

export enum DataRightsRequestStatus {
  completed = 'completed',
  restricted = 'restricted',
  anonymised = 'anonymised',
  withdrawn = 'withdrawn',
}

/** The customer's copy of their data: machine-readable JSON, or a PDF to hand over or send. */
export enum DataExportFormat {
  json = 'json',
  pdf = 'pdf',
}

registerEnumType(DataExportFormat, { name: 'DataExportFormat' });
registerEnumType(ConsentKind, { name: 'ConsentKind' });
registerEnumType(RightsChannel, { name: 'RightsChannel' });
registerEnumType(DataRightsRequestKind, { name: 'DataRightsRequestKind' });
registerEnumType(DataRightsRequestStatus, { name: 'DataRightsRequestStatus' });
