import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { baseComplaint, branchIdOf, register, setClock, step } from './complaints-helpers';

jest.setTimeout(60_000);

// The deadline outcomes stored on each complaint for the complaint statistics report
// (complaint-outcomes.ts): written with every change, and recomputed for open complaints when the
// working-day calendar is edited.
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
// SQLite answers a datetime as text in UTC, mysql2 as a Date.
const iso = (value: unknown) => (value === null ? null : new Date(typeof value === 'string' ? `${value.replace(' ', 'T')}Z` : (value as Date)).toISOString());

describe('stored deadline outcomes', () => {
  let server: TestServer;
  let agent: GqlClient;
  let admin: GqlClient;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
  });
  afterAll(() => server.stop());

  async function stored(id: string) {
    const [row] = await server.db.query(
      'SELECT first_response_outcome AS fr, first_response_due AS frDue, materials_notice_outcome AS mn, materials_notice_due AS mnDue, head_office_report_outcome AS ho, handling_working_days AS days FROM complaint WHERE id = ?',
      [Number(id)],
    );
    return { ...row, frDue: iso(row.frDue), mnDue: iso(row.mnDue), days: row.days === null ? null : Number(row.days) };
  }

  it('stores the clocks of a new complaint, follows a calendar edit while open, and settles a clock when its step is taken', async () => {
    const bj = await branchIdOf(server, 'BJ');
    setClock('2026-12-28T10:00:00+08:00'); // Monday
    [agent, admin] = [await server.signIn('agent'), await server.signIn('admin')];
    const x = await register(agent, baseComplaint(bj, { receivedAt: '2026-12-28T10:00:00+08:00' }));
    // Nothing shipped for 2027 yet: the 5th working day is Mon 4 Jan.
    expect(await stored(x.id)).toEqual({ fr: 'open', frDue: new Date('2026-12-30T10:00:00+08:00').toISOString(), mn: 'open', mnDue: endOf('2027-01-04'), ho: null, days: null });

    await admin.ok('mutation { createCalendarDay(day: "2027-01-01", kind: holiday, name: "元旦") { id } }');
    expect((await stored(x.id)).mnDue).toBe(endOf('2027-01-05'));

    await step(agent, 'acknowledgeComplaint', x);
    expect(await stored(x.id)).toMatchObject({ fr: 'met', mn: 'open' });
  });
});
