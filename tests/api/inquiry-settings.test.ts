import { Role } from '../../server/src/modules/staff/role.entity';
import { ensureBuiltInRoles } from '../../server/src/seed/roles';
import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { SETTINGS, tuneSettings } from './inquiry-helpers';

// The inquiry settings as each role reads them: agents see the lock-out numbers (so the desk can tell
// a caller how many tries are left) and nothing else; compliance and administrators change them.

const LOCKOUT = '{ inquirySettings { id maxFailures failureWindowMinutes lockMinutes } }';

describe('inquiry settings: who reads and changes what', () => {
  let server: TestServer;
  let agent: GqlClient;
  let admin: GqlClient;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 4, policies: 4 } });
    [agent, admin] = [await server.signIn('agent'), await server.signIn('admin')];
  });
  afterAll(() => server.stop());

  it('an agent reads the lock-out numbers, and they follow a change', async () => {
    expect((await agent.ok(LOCKOUT)).inquirySettings).toEqual({ id: '1', maxFailures: 5, failureWindowMinutes: 15, lockMinutes: 30 });
    await tuneSettings(admin, { maxFailures: 3, lockMinutes: 45 });
    expect((await agent.ok(LOCKOUT)).inquirySettings).toMatchObject({ maxFailures: 3, failureWindowMinutes: 15, lockMinutes: 45 });
    await tuneSettings(admin, { maxFailures: 5, lockMinutes: 30 });
  });

  it('an agent sees neither the rate limits nor the minimum answer time, and cannot change anything', async () => {
    const { inquirySettings } = await agent.ok(SETTINGS);
    for (const hidden of ['minResponseMs', 'channelKeyPerMinute', 'ipPerMinute', 'staffPerMinute', 'reminderDays', 'version']) expect(inquirySettings[hidden]).toBeNull();
    expect(await agent.errorCode('mutation { updateInquirySettings(version: 1, maxFailures: 50) { id } }')).toBe('FORBIDDEN');
    expect((await admin.ok(SETTINGS)).inquirySettings.maxFailures).toBe(5);
  });

  it('an out-of-range value is refused with the field named, and nothing changes', async () => {
    const before = (await admin.ok(SETTINGS)).inquirySettings;
    const bad = await admin.request('mutation S($v: Int!) { updateInquirySettings(version: $v, maxFailures: 0, lockMinutes: 60) { id } }', { v: before.version });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors?.[0].extensions?.fields ?? {})).toEqual(['maxFailures']);
    expect((await admin.ok(SETTINGS)).inquirySettings).toEqual(before);
  });

  it('an existing installation whose agent role is untouched gets the new rule on the next start; an edited role is left alone', async () => {
    const roles = server.db.getRepository(Role);
    const agentRole = await roles.findOneByOrFail({ name: 'agent' });
    const withoutRule = agentRole.rules.filter((r) => r.subject !== 'InquirySettings');
    expect(withoutRule.length).toBe(agentRole.rules.length - 1);

    // As the previous release left it: same rules minus the settings read, never edited (version 1).
    await roles.update({ id: agentRole.id }, { rules: withoutRule as never });
    await server.db.transaction((em) => ensureBuiltInRoles(em));
    expect((await roles.findOneByOrFail({ id: agentRole.id })).rules).toEqual(agentRole.rules);
    expect((await (await server.signIn('agent')).ok(LOCKOUT)).inquirySettings.maxFailures).toBe(5);

    // An administrator edited the role: their rules stay as they are.
    await roles.update({ id: agentRole.id }, { rules: withoutRule as never, version: 2 });
    await server.db.transaction((em) => ensureBuiltInRoles(em));
    expect((await roles.findOneByOrFail({ id: agentRole.id })).rules).toEqual(withoutRule);
    await roles.update({ id: agentRole.id }, { rules: agentRole.rules as never, version: 1 });
  });
});
