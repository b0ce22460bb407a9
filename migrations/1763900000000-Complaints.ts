import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * The complaint register: the working-day calendar (with the PRC public holidays and make-up working
 * days of 2025 and 2026 as data), the one deadline policy record, complaints with their daily number
 * counter and timeline, and staff notifications. Table API, so one file runs on MySQL/MariaDB and SQLite.
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const big = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: 0 });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const versioned = (): TableColumnOptions[] => [{ ...int('version'), default: 1 }, time('created_at'), time('updated_at')];
const fk = (column: string, table: string, name: string, onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT') => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

type Block = { name: string; from: string; to: string; workdays?: string[] };

/** State Council notices on the 2025 and 2026 public holidays (国务院办公厅关于…部分节假日安排的通知). */
export const PRC_HOLIDAYS: Block[] = [
  { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
  { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
  { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
  { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
];

export function holidayRows(blocks: Block[] = PRC_HOLIDAYS): Array<{ day: string; kind: 'holiday' | 'workday'; name: string }> {
  const rows: Array<{ day: string; kind: 'holiday' | 'workday'; name: string }> = [];
  for (const block of blocks) {
    for (let d = new Date(`${block.from}T00:00:00Z`); d <= new Date(`${block.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      rows.push({ day: d.toISOString().slice(0, 10), kind: 'holiday', name: block.name });
    }
    for (const day of block.workdays ?? []) rows.push({ day, kind: 'workday', name: `${block.name}调休上班` });
  }
  return rows.sort((a, b) => a.day.localeCompare(b.day));
}

/** The defaults of the deadline policy; approval authorities in fen (agent ¥1,000, manager ¥50,000, compliance unlimited). */
const DEFAULT_APPROVAL_LIMITS = [
  { role: 'agent', limitFen: 100_000 },
  { role: 'manager', limitFen: 5_000_000 },
  { role: 'compliance', limitFen: null },
];

export class Complaints1763900000000 implements MigrationInterface {
  name = 'Complaints1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'calendar_day',
        columns: [id(), { name: 'day', type: 'date' }, str('kind', 16), str('name', 64), ...versioned()],
        indices: [new TableIndex({ name: 'uq_calendar_day', columnNames: ['day'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'complaint_policy',
        columns: [
          id(),
          int('first_response_hours'),
          int('materials_notice_working_days'),
          int('resolution_target_working_days'),
          int('regulatory_resolution_days'),
          int('regulatory_extended_days'),
          str('regulatory_day_kind', 16),
          int('head_office_report_hours'),
          int('warn_at_percent'),
          int('compliance_after_working_days'),
          big('major_amount_fen'),
          int('major_death_count'),
          text('approval_limits'),
          str('breach_escalation_role', 64),
          str('compliance_escalation_role', 64),
          ...versioned(),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'complaint_number_counter',
        columns: [{ name: 'day', type: 'varchar', length: '8', isPrimary: true }, int('last_seq')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'complaint',
        columns: [
          id(),
          str('number', 16),
          str('state', 24),
          str('channel', 16),
          str('regulator_reference', 64, true),
          time('regulator_due_at', true),
          text('regulator_report', true),
          time('regulator_reported_at', true),
          int('complainant_customer_id', true),
          str('complainant_name', 100),
          str('complainant_phone_enc', 255, true),
          str('complainant_phone_hash', 64, true),
          str('complainant_email_enc', 512, true),
          str('complainant_address_enc', 1024, true),
          int('policy_id', true),
          int('branch_id'),
          str('category', 24),
          str('severity', 8),
          text('major_reasons'),
          bool('major_by_hand'),
          time('major_since', true),
          bool('involves_media'),
          bool('involves_litigation'),
          big('disputed_amount_fen', true),
          { ...int('death_count'), default: 0 },
          bool('group_complaint'),
          str('summary', 200),
          text('details', true),
          time('received_at'),
          int('registered_by_id', true),
          int('assignee_id', true),
          time('first_response_at', true),
          text('materials_requested', true),
          str('materials_notified_via', 16, true),
          time('materials_requested_at', true),
          time('materials_complete_at', true),
          time('accepted_at', true),
          time('not_accepted_at', true),
          str('not_accepted_reason', 500, true),
          str('forwarded_to', 200, true),
          text('resolution', true),
          big('compensation_fen', true),
          int('proposed_by_id', true),
          time('proposed_at', true),
          bool('approval_required'),
          int('approved_by_id', true),
          time('approved_at', true),
          time('communicated_at', true),
          str('communication_method', 16, true),
          time('closed_at', true),
          int('satisfaction', true),
          str('return_call_note', 500, true),
          { ...int('appeal_count'), default: 0 },
          time('reopened_at', true),
          time('withdrawn_at', true),
          str('withdrawal_reason', 500, true),
          time('deadline_extended_at', true),
          str('extension_reason', 500, true),
          int('extension_approved_by_id', true),
          time('head_office_reported_at', true),
          text('head_office_report', true),
          time('next_due_at', true),
          ...versioned(),
        ],
        indices: [
          new TableIndex({ name: 'uq_complaint_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({ name: 'idx_complaint_branch_state', columnNames: ['branch_id', 'state'] }),
          new TableIndex({ name: 'idx_complaint_assignee_state', columnNames: ['assignee_id', 'state'] }),
          new TableIndex({ name: 'idx_complaint_next_due', columnNames: ['next_due_at'] }),
          new TableIndex({ name: 'idx_complaint_received', columnNames: ['received_at'] }),
          new TableIndex({ name: 'idx_complaint_customer', columnNames: ['complainant_customer_id'] }),
          new TableIndex({ name: 'idx_complaint_phone_hash', columnNames: ['complainant_phone_hash'] }),
          new TableIndex({ name: 'idx_complaint_policy', columnNames: ['policy_id'] }),
        ],
        foreignKeys: [
          // The complaint keeps its own complainant name and contacts, so the register stays whole if a customer record is destroyed.
          fk('complainant_customer_id', 'customer', 'fk_complaint_customer', 'SET NULL'),
          fk('policy_id', 'policy', 'fk_complaint_policy', 'SET NULL'),
          fk('branch_id', 'branch', 'fk_complaint_branch'),
          fk('registered_by_id', 'staff', 'fk_complaint_registered_by'),
          fk('assignee_id', 'staff', 'fk_complaint_assignee'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'complaint_event',
        columns: [
          id(),
          int('complaint_id'),
          time('at'),
          str('kind', 32),
          int('staff_id', true),
          // As the timeline shows it, kept as it was then (like the audit trail's username).
          str('staff_name', 64, true),
          str('from_state', 24, true),
          str('to_state', 24, true),
          text('note', true),
          text('data', true),
          // Escalations carry a key (complaint, clock, level, cycle): the unique index makes a second job run a no-op.
          str('dedupe_key', 160, true),
        ],
        indices: [
          new TableIndex({ name: 'idx_complaint_event_complaint', columnNames: ['complaint_id', 'id'] }),
          new TableIndex({ name: 'uq_complaint_event_dedupe', columnNames: ['dedupe_key'], isUnique: true }),
        ],
        foreignKeys: [fk('complaint_id', 'complaint', 'fk_complaint_event_complaint', 'CASCADE'), fk('staff_id', 'staff', 'fk_complaint_event_staff')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [id(), int('staff_id'), str('kind', 32), int('complaint_id', true), str('title', 200), str('body', 1000), time('created_at'), time('read_at', true)],
        indices: [new TableIndex({ name: 'idx_notification_staff', columnNames: ['staff_id', 'read_at', 'id'] })],
        foreignKeys: [fk('staff_id', 'staff', 'fk_notification_staff', 'CASCADE'), fk('complaint_id', 'complaint', 'fk_notification_complaint', 'CASCADE')],
      }),
    );

    // Seed data as text timestamps: better-sqlite3 binds no Date, and MySQL reads this form alike.
    const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const row of holidayRows()) {
      await q.query('INSERT INTO calendar_day (day, kind, name, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)', [row.day, row.kind, row.name, at, at]);
    }
    await q.query(
      `INSERT INTO complaint_policy (id, first_response_hours, materials_notice_working_days, resolution_target_working_days,
        regulatory_resolution_days, regulatory_extended_days, regulatory_day_kind, head_office_report_hours, warn_at_percent,
        compliance_after_working_days, major_amount_fen, major_death_count, approval_limits, breach_escalation_role,
        compliance_escalation_role, version, created_at, updated_at)
       VALUES (1, 48, 5, 7, 15, 30, 'calendar', 24, 80, 1, 50000000, 2, ?, 'manager', 'compliance', 1, ?, ?)`,
      [JSON.stringify(DEFAULT_APPROVAL_LIMITS), at, at],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification', 'complaint_event', 'complaint', 'complaint_number_counter', 'complaint_policy', 'calendar_day']) {
      await q.dropTable(table);
    }
  }
}
