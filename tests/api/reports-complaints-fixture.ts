// The hand-built complaint register the reports-complaints and reports-snapshots suites compute from:
// every figure was worked out on paper (see the comments by each complaint and in the suites).
import { sqlTime } from '../../server/src/db/columns';
import { backfillComplaintOutcomes } from '../../server/src/modules/complaints/complaint-outcomes.backfill';
import type { TestServer } from '../support/test-server';
import { branchIdOf } from './complaints-helpers';

export interface Row {
  branch: 'BJ' | 'SH';
  channel: string;
  category: string;
  severity?: string;
  state: string;
  receivedAt: string;
  [step: string]: unknown;
}

// Beijing times; the comments give each complaint's hand-computed outcome.
export const FIXTURE: Record<string, Row> = {
  // Handled in 5 working days; every clock met; satisfaction 5.
  C1: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'closed', receivedAt: '2026-07-06T10:00', first_response_at: '2026-07-06T11:00', accepted_at: '2026-07-07T10:00', communicated_at: '2026-07-10T15:00', closed_at: '2026-07-13T10:00', satisfaction: 5 },
  // 13 working days; first response (72 h), materials (due 27 Jul), target (29 Jul), regulatory (4 Aug) all breached; satisfaction 2.
  C2: { branch: 'BJ', channel: 'wechat', category: 'sales', state: 'closed', receivedAt: '2026-07-20T09:00', first_response_at: '2026-07-23T09:00', accepted_at: '2026-07-28T09:00', communicated_at: '2026-08-05T10:00', closed_at: '2026-08-06T10:00', satisfaction: 2 },
  // Regulator-transferred, major: head-office report breached (3 h late), regulator report met; 6 working days; satisfaction 4.
  C3: { branch: 'SH', channel: 'regulator', category: 'claims', severity: 'major', state: 'closed', receivedAt: '2026-08-03T09:00', major_since: '2026-08-03T09:00', regulator_reference: 'JG-2026-001', regulator_due_at: '2026-08-13T18:00', regulator_reported_at: '2026-08-12T10:00', head_office_reported_at: '2026-08-04T12:00', first_response_at: '2026-08-03T15:00', accepted_at: '2026-08-04T09:00', communicated_at: '2026-08-10T10:00', closed_at: '2026-08-11T10:00', satisfaction: 4 },
  // Across the holidays: target due 12 Oct (counting Sat 10 Oct) met; regulatory due 9 Oct breached; closed in Q4 (open at Q3 end).
  C4: { branch: 'SH', channel: 'hotline', category: 'service_manner', state: 'closed', receivedAt: '2026-09-24T10:00', first_response_at: '2026-09-24T12:00', accepted_at: '2026-09-29T10:00', communicated_at: '2026-10-12T10:00', closed_at: '2026-10-13T10:00', satisfaction: 3 },
  // Not accepted the next day: both early clocks met, no resolution clocks.
  C5: { branch: 'BJ', channel: 'letter', category: 'product', state: 'not_accepted', receivedAt: '2026-09-28T10:00', first_response_at: '2026-09-28T11:00', not_accepted_at: '2026-09-29T10:00' },
  // Never answered: four clocks breached by 22 Nov; open at the end.
  C6: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'registered', receivedAt: '2026-09-29T10:00' },
  // Withdrawn the next day: first response met, the other clocks end with it.
  C7: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'withdrawn', receivedAt: '2026-08-10T10:00', first_response_at: '2026-08-10T11:00', withdrawn_at: '2026-08-11T10:00' },
  // Received in Q2, closed 2 Jul: 5 working days, satisfaction 1 count in Q3; clocks all met (Q2's cohort).
  C8: { branch: 'SH', channel: 'email', category: 'claims', state: 'closed', receivedAt: '2026-06-25T10:00', first_response_at: '2026-06-25T11:00', accepted_at: '2026-06-26T10:00', communicated_at: '2026-07-01T10:00', closed_at: '2026-07-02T10:00', satisfaction: 1 },
  // A year earlier: 4 working days, satisfaction 4, all met.
  C9: { branch: 'BJ', channel: 'hotline', category: 'claims', state: 'closed', receivedAt: '2025-08-04T10:00', first_response_at: '2025-08-04T11:00', accepted_at: '2025-08-05T10:00', communicated_at: '2025-08-07T10:00', closed_at: '2025-08-08T10:00', satisfaction: 4 },
  // A year earlier, never resolved: target and regulatory breached; open at the end of every later period.
  C10: { branch: 'SH', channel: 'hotline', category: 'sales', state: 'accepted', receivedAt: '2025-09-10T10:00', first_response_at: '2025-09-10T11:00', accepted_at: '2025-09-11T10:00' },
};

// Timeline escalations: Q3 has C2's warning and breach and C3's compliance escalation; C6's falls in Q4, C8's in Q2.
export const ESCALATIONS: Array<[string, string, string]> = [
  ['C2', 'escalation_warning', '2026-07-21T18:00'],
  ['C2', 'escalation_breach', '2026-07-22T09:00'],
  ['C3', 'escalation_compliance', '2026-08-05T10:00'],
  ['C6', 'escalation_breach', '2026-10-01T10:00'],
  ['C8', 'escalation_warning', '2026-06-26T10:00'],
];

export const bj = (local: string) => sqlTime(new Date(`${local}:00+08:00`));

export interface ComplaintFixture {
  branch: Record<'BJ' | 'SH', string>;
  /** Complaint ids by fixture name (C1 …). */
  ids: Record<string, number>;
}

/** Empties the demo register and inserts FIXTURE and ESCALATIONS. */
export async function loadComplaintFixture(server: TestServer): Promise<ComplaintFixture> {
  // The demo register would blur the figures: start from an empty one.
  await server.db.query('DELETE FROM notification');
  await server.db.query('DELETE FROM complaint_event');
  await server.db.query('UPDATE complaint SET rectification_id = NULL');
  await server.db.query('DELETE FROM complaint');
  const branch = { BJ: await branchIdOf(server, 'BJ'), SH: await branchIdOf(server, 'SH') };
  const ids: Record<string, number> = {};
  async function insertComplaint(name: string, row: Row, seq: number) {
    const { branch: code, channel, category, severity, state, receivedAt, ...steps } = row;
    const columns: Record<string, unknown> = {
      number: `TS${receivedAt.slice(0, 10).replace(/-/g, '')}${String(seq).padStart(4, '0')}`,
      state,
      channel,
      complainant_name: `投诉人${name}`,
      branch_id: Number(branch[code]),
      category,
      severity: severity ?? 'general',
      major_reasons: JSON.stringify(severity === 'major' ? ['regulator_transferred'] : []),
      summary: `统计测试 ${name}`,
      received_at: bj(receivedAt),
      version: 1,
      created_at: bj(receivedAt),
      updated_at: bj(receivedAt),
    };
    for (const [key, value] of Object.entries(steps)) columns[key] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? bj(value) : value;
    const names = Object.keys(columns);
    await server.db.query(`INSERT INTO complaint (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, Object.values(columns));
    const rows: { id: number }[] = await server.db.query('SELECT id FROM complaint WHERE summary = ?', [`统计测试 ${name}`]);
    ids[name] = Number(rows[0].id);
  }

  let seq = 0;
  for (const [name, row] of Object.entries(FIXTURE)) await insertComplaint(name, row, ++seq);
  for (const [name, kind, at] of ESCALATIONS) {
    await server.db.query('INSERT INTO complaint_event (complaint_id, at, kind, data) VALUES (?, ?, ?, ?)', [ids[name], bj(at), kind, JSON.stringify({ level: kind.slice(11) })]);
  }
  // Inserted behind the service's back: store their deadline outcomes as the migration does for old rows.
  await backfillComplaintOutcomes(server.db.manager, 'Asia/Shanghai');
  return { branch, ids };
}
