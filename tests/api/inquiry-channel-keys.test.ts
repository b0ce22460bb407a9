import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { CHANNEL_INQUIRY, channelRequest, createChannelKey, policiesOf, setQueryPassword, tuneSettings, type PolicyWithHolder } from './inquiry-helpers';

// The website and the app authenticate with a key per channel, stored hashed. Rotation without
// downtime: a second key is issued while the first still works, traffic moves, the first is retired.

const KEYS = '{ allInquiryChannelKeys { id channel label keyPrefix status createdById retiredAt lastUsedAt } }';
const RETIRE = 'mutation R($id: ID!) { retireInquiryChannelKey(id: $id) { id status retiredAt retiredById } }';

describe('policy inquiry: channel keys', () => {
  let server: TestServer;
  let admin: GqlClient;
  let policy: PolicyWithHolder;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 12 } });
    admin = await server.signIn('admin');
    await tuneSettings(admin, { minResponseMs: 0, ipPerMinute: 1000 });
    [policy] = await policiesOf(server, 'BJ', 1);
    await setQueryPassword(await server.signIn('manager'), policy, '730215');
  });
  afterAll(() => server.stop());

  const inquire = (key: string) => channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: policy.policyNumber, idNumber: policy.holderIdNumber, queryPassword: '730215' });
  const works = async (key: string) => (await inquire(key)).errors === undefined;

  it('rotates a key without downtime: two active at once, then the old one retired', async () => {
    const first = await createChannelKey(admin, 'website', 'website 2026-01');
    expect(await works(first.secret)).toBe(true);
    const second = await createChannelKey(admin, 'website', 'website 2026-07');
    expect(await works(first.secret)).toBe(true);
    expect(await works(second.secret)).toBe(true);
    // A third active key for the same channel is refused: retire the old one first.
    const third = await admin.request('mutation { createInquiryChannelKey(channel: website, label: "one too many") { secret } }');
    expect(third.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CHANNEL_KEY_LIMIT' });
    const retired = await admin.ok(RETIRE, { id: first.id });
    expect(retired.retireInquiryChannelKey).toMatchObject({ id: first.id, status: 'retired' });
    expect(await works(first.secret)).toBe(false);
    expect((await inquire(first.secret)).errors?.[0].extensions?.reason).toBe('CHANNEL_KEY_INVALID');
    expect(await works(second.secret)).toBe(true);
    expect(await admin.errorCode(RETIRE, { id: first.id })).toBe('CONFLICT');
    // Now there is room for the next rotation.
    await createChannelKey(admin, 'website', 'website 2027-01');
  });

  it('keeps only a hash of each key, and shows the prefix and last use to tell keys apart', async () => {
    const key = await createChannelKey(admin, 'app');
    await inquire(key.secret);
    const rows: { key_hash: string; key_prefix: string }[] = await server.db.query('SELECT key_hash, key_prefix FROM inquiry_channel_key');
    for (const row of rows) {
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(key.secret.startsWith(row.key_prefix) || row.key_prefix.startsWith('idk_web')).toBe(true);
    }
    expect(JSON.stringify(rows)).not.toContain(key.secret);
    const { allInquiryChannelKeys } = await admin.ok(KEYS);
    const listed = allInquiryChannelKeys.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ channel: 'app', status: 'active', keyPrefix: key.secret.slice(0, 12) });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(allInquiryChannelKeys)).not.toContain(key.secret);
  });

  it('records the channel of the key on each inquiry', async () => {
    const rows: { channel: string }[] = await server.db.query('SELECT DISTINCT channel FROM inquiry_log ORDER BY channel');
    expect(rows.map((r) => r.channel)).toEqual(['app', 'website']);
  });

  it('audits issuing and retiring keys, never the key itself', async () => {
    const rows: { action: string; changes: string }[] = await server.db.query("SELECT action, changes FROM audit_entry WHERE action LIKE 'inquiry_channel_key.%' ORDER BY seq");
    expect(rows.map((r) => r.action)).toEqual(['inquiry_channel_key.create', 'inquiry_channel_key.create', 'inquiry_channel_key.retire', 'inquiry_channel_key.create', 'inquiry_channel_key.create']);
    expect(rows.every((r) => !/idk_\w{3}_[\w-]{43}/.test(r.changes))).toBe(true);
  });

  it('lets only administrators manage keys, and refuses keys for the staff channels', async () => {
    for (const username of ['agent', 'manager', 'compliance']) {
      const client = await server.signIn(username);
      expect(await client.errorCode(KEYS)).toBe('FORBIDDEN');
      expect(await client.errorCode('mutation { createInquiryChannelKey(channel: app, label: "x") { secret } }')).toBe('FORBIDDEN');
    }
    const hotline = await admin.request('mutation { createInquiryChannelKey(channel: hotline, label: "x") { secret } }');
    expect(hotline.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps administrators away from the inquiry log (it names policies)', async () => {
    expect(await admin.errorCode('{ allPolicyInquiries { id } }')).toBe('FORBIDDEN');
  });
});
