import { graphqlRequest } from '../graphql/request';

/**
 * The two single-record settings of policy inquiry and data rights. Each is read and written whole
 * through one query and one mutation; the mutation takes the version the form started from and only
 * the changed fields, and the server validates, checks the version and audits the change.
 */
export interface SingleRecordApi<T extends { version: number }> {
  load(): Promise<T>;
  save(version: number, changes: Partial<T>): Promise<T>;
}

function singleRecord<T extends { version: number }>(query: string, mutation: string, fields: readonly (keyof T & string)[]): SingleRecordApi<T> {
  const selection = ['id', 'version', ...fields].join(' ');
  return {
    load: async () => (await graphqlRequest<Record<string, T>>(`query { ${query} { ${selection} } }`))[query],
    save: async (version, changes) => {
      const names = Object.keys(changes).filter((name) => (fields as readonly string[]).includes(name));
      const declarations = ['$version: Int!', ...names.map((n) => `$${n}: Int`)].join(', ');
      const args = ['version: $version', ...names.map((n) => `${n}: $${n}`)].join(', ');
      const data = await graphqlRequest<Record<string, T>>(`mutation Save(${declarations}) { ${mutation}(${args}) { ${selection} } }`, { version, ...changes });
      return data[mutation];
    },
  };
}

export interface InquirySettings {
  id: string;
  version: number;
  maxFailures: number;
  failureWindowMinutes: number;
  lockMinutes: number;
  minResponseMs: number;
  channelKeyPerMinute: number;
  ipPerMinute: number;
  staffPerMinute: number;
  reminderDays: number;
}

export const INQUIRY_SETTING_FIELDS = ['maxFailures', 'failureWindowMinutes', 'lockMinutes', 'minResponseMs', 'channelKeyPerMinute', 'ipPerMinute', 'staffPerMinute', 'reminderDays'] as const;
export const inquirySettingsApi = singleRecord<InquirySettings>('inquirySettings', 'updateInquirySettings', INQUIRY_SETTING_FIELDS);

export interface RetentionPolicy {
  id: string;
  version: number;
  shortTermMaxMonths: number;
  shortTermYears: number;
  longTermYears: number;
}

export const RETENTION_FIELDS = ['shortTermMaxMonths', 'shortTermYears', 'longTermYears'] as const;
export const retentionPolicyApi = singleRecord<RetentionPolicy>('retentionPolicy', 'updateRetentionPolicy', RETENTION_FIELDS);
