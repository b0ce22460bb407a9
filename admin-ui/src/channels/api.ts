import { graphqlRequest } from '../graphql/request';

/** A website or app inquiry key as the server lists it: never the key itself, only its first characters. */
export interface ChannelKey {
  id: string;
  channel: string;
  label: string | null;
  keyPrefix: string | null;
  status: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  retiredAt: string | null;
}

export interface NewChannelKey {
  key: ChannelKey;
  /** The key in clear: in this answer only, never again. */
  secret: string;
}

/** The channels that call the inquiry API themselves; hotline and counter inquiries are made by staff. */
export const SELF_SERVICE = ['website', 'app'] as const;
/** Two, so a new key can be deployed while the old one still works. */
export const MAX_ACTIVE = 2;

const FIELDS = 'id channel label keyPrefix status createdAt lastUsedAt retiredAt';

export async function listChannelKeys(): Promise<ChannelKey[]> {
  const data = await graphqlRequest<{ allInquiryChannelKeys: ChannelKey[] }>(`query { allInquiryChannelKeys { ${FIELDS} } }`);
  return data.allInquiryChannelKeys;
}

export async function createChannelKey(channel: string, label: string): Promise<NewChannelKey> {
  const data = await graphqlRequest<{ createInquiryChannelKey: NewChannelKey }>(
    `mutation C($channel: InquiryChannel!, $label: String!) { createInquiryChannelKey(channel: $channel, label: $label) { secret key { ${FIELDS} } } }`,
    { channel, label: label.trim() },
  );
  return data.createInquiryChannelKey;
}

export async function retireChannelKey(id: string): Promise<void> {
  await graphqlRequest(`mutation R($id: ID!) { retireInquiryChannelKey(id: $id) { id status } }`, { id });
}

export const activeKeys = (keys: ChannelKey[], channel: string) => keys.filter((k) => k.channel === channel && k.status === 'active').length;
