import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * Identity-verified policy inquiry (query passwords, per-number lock-outs, the inquiry log, channel keys
 * and the inquiry settings) and the customer's rights over their data (consent history, sharing
 * agreements and the customers they cover, data-rights requests, the retention settings). Table API,
 * so one file runs on MySQL/MariaDB and SQLite.
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable });
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

const TABLES = [
  'retention_policy',
  'data_rights_request',
  'sharing_agreement_customer',
  'sharing_agreement',
  'customer_consent',
  'inquiry_log',
  'inquiry_channel_key',
  'inquiry_lock',
  'policy_query_password',
  'inquiry_settings',
];

export class InquiryAndDataRights1764100000000 implements MigrationInterface {
  name = 'InquiryAndDataRights1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // A redacted audit entry keeps the digest of what it held, which its hash covers (anonymisation).
    await q.addColumns('audit_entry', [new TableColumn(str('content_digest', 64, true)), new TableColumn(time('redacted_at', true))]);
    await q.createTable(
      new Table({
        name: 'inquiry_settings',
        columns: [
          id(),
          int('max_failures'),
          int('failure_window_minutes'),
          int('lock_minutes'),
          int('min_response_ms'),
          int('channel_key_per_minute'),
          int('ip_per_minute'),
          int('staff_per_minute'),
          int('reminder_days'),
          ...versioned(),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'policy_query_password',
        columns: [
          { ...int('policy_id'), isPrimary: true },
          str('password_hash', 255),
          time('set_at'),
          int('set_by_id', true),
          str('set_via', 24),
        ],
        foreignKeys: [fk('policy_id', 'policy', 'fk_query_password_policy', 'CASCADE'), fk('set_by_id', 'staff', 'fk_query_password_set_by', 'SET NULL')],
      }),
    );
    // Keyed by the number as typed (normalised), known or not: a lock then says nothing about whether the policy exists.
    await q.createTable(
      new Table({
        name: 'inquiry_lock',
        columns: [{ ...str('policy_number', 32), isPrimary: true }, time('locked_until', true), time('count_from', true), { ...int('lock_count'), default: 0 }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'inquiry_channel_key',
        columns: [
          id(),
          str('channel', 16),
          str('label', 100),
          str('key_prefix', 16),
          str('key_hash', 64),
          str('status', 16),
          int('created_by_id', true),
          time('retired_at', true),
          int('retired_by_id', true),
          time('last_used_at', true),
          ...versioned(),
        ],
        indices: [new TableIndex({ name: 'uq_inquiry_channel_key_hash', columnNames: ['key_hash'], isUnique: true })],
        foreignKeys: [fk('created_by_id', 'staff', 'fk_channel_key_created_by', 'SET NULL'), fk('retired_by_id', 'staff', 'fk_channel_key_retired_by', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'inquiry_log',
        columns: [
          id(),
          time('at'),
          str('channel', 16),
          str('policy_number', 32),
          int('policy_id', true),
          int('branch_id', true),
          str('outcome', 16),
          str('reason', 32),
          int('staff_id', true),
          int('channel_key_id', true),
          str('source_ip', 64, true),
          int('response_ms'),
        ],
        indices: [
          new TableIndex({ name: 'idx_inquiry_log_number_at', columnNames: ['policy_number', 'at'] }),
          new TableIndex({ name: 'idx_inquiry_log_branch_at', columnNames: ['branch_id', 'at'] }),
          new TableIndex({ name: 'idx_inquiry_log_policy', columnNames: ['policy_id'] }),
          new TableIndex({ name: 'idx_inquiry_log_at', columnNames: ['at'] }),
        ],
        foreignKeys: [
          fk('policy_id', 'policy', 'fk_inquiry_log_policy', 'SET NULL'),
          fk('branch_id', 'branch', 'fk_inquiry_log_branch', 'SET NULL'),
          fk('staff_id', 'staff', 'fk_inquiry_log_staff', 'SET NULL'),
          fk('channel_key_id', 'inquiry_channel_key', 'fk_inquiry_log_channel_key', 'SET NULL'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'customer_consent',
        columns: [id(), int('customer_id'), str('kind', 24), bool('granted'), time('at'), str('channel', 16), str('text_version', 32), int('recorded_by_id', true), str('note', 500, true), time('created_at')],
        indices: [new TableIndex({ name: 'idx_customer_consent_customer', columnNames: ['customer_id', 'id'] })],
        foreignKeys: [fk('customer_id', 'customer', 'fk_consent_customer', 'CASCADE'), fk('recorded_by_id', 'staff', 'fk_consent_recorded_by', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sharing_agreement',
        columns: [id(), str('reference', 64, true), str('party', 200), str('purpose', 500), text('fields'), date('valid_from'), date('valid_until', true), ...versioned()],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sharing_agreement_customer',
        columns: [id(), int('agreement_id'), int('customer_id'), time('added_at'), int('added_by_id', true)],
        indices: [
          new TableIndex({ name: 'uq_sharing_agreement_customer', columnNames: ['agreement_id', 'customer_id'], isUnique: true }),
          new TableIndex({ name: 'idx_sharing_customer', columnNames: ['customer_id'] }),
        ],
        foreignKeys: [
          fk('agreement_id', 'sharing_agreement', 'fk_sharing_link_agreement', 'CASCADE'),
          fk('customer_id', 'customer', 'fk_sharing_link_customer', 'CASCADE'),
          fk('added_by_id', 'staff', 'fk_sharing_link_added_by', 'SET NULL'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'data_rights_request',
        columns: [
          id(),
          str('kind', 16),
          int('customer_id'),
          int('branch_id'),
          str('status', 16),
          str('channel', 16),
          time('received_at'),
          str('note', 1000, true),
          int('recorded_by_id', true),
          date('retention_until', true),
          time('completed_at', true),
          text('outcome', true),
          ...versioned(),
        ],
        indices: [
          new TableIndex({ name: 'idx_data_rights_status', columnNames: ['kind', 'status', 'retention_until'] }),
          new TableIndex({ name: 'idx_data_rights_customer', columnNames: ['customer_id'] }),
        ],
        foreignKeys: [
          fk('customer_id', 'customer', 'fk_data_rights_customer'),
          fk('branch_id', 'branch', 'fk_data_rights_branch'),
          fk('recorded_by_id', 'staff', 'fk_data_rights_recorded_by', 'SET NULL'),
        ],
      }),
    );
    await q.createTable(
      new Table({ name: 'retention_policy', columns: [id(), int('short_term_max_months'), int('short_term_years'), int('long_term_years'), ...versioned()] }),
    );

    // Seed data as text timestamps: better-sqlite3 binds no Date, and MySQL reads this form alike.
    const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await q.query(
      `INSERT INTO inquiry_settings (id, max_failures, failure_window_minutes, lock_minutes, min_response_ms, channel_key_per_minute,
        ip_per_minute, staff_per_minute, reminder_days, version, created_at, updated_at) VALUES (1, 5, 15, 30, 800, 600, 30, 60, 30, 1, ?, ?)`,
      [at, at],
    );
    await q.query('INSERT INTO retention_policy (id, short_term_max_months, short_term_years, long_term_years, version, created_at, updated_at) VALUES (1, 12, 5, 10, 1, ?, ?)', [at, at]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.dropTable(table);
    await q.dropColumns('audit_entry', ['content_digest', 'redacted_at']);
  }
}
