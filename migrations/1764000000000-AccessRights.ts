import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * Staff access rights: multi-factor sign-in (TOTP key, replay guard, recovery codes), account status
 * reasons, the second administrator and the revoker of a grant, separation-of-duties pairs as data
 * (seeded with the two defaults), the access-rights settings, and access review campaigns with their
 * items. Table API, so one file runs on MySQL/MariaDB and SQLite.
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const bool = (name: string, on = false): TableColumnOptions => ({ name, type: 'boolean', default: on ? 1 : 0 });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const versioned = (): TableColumnOptions[] => [{ ...int('version'), default: 1 }, time('created_at'), time('updated_at')];
const fk = (column: string, table: string, name: string, onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT') => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

const STAFF_COLUMNS: TableColumnOptions[] = [
  time('password_changed_at', true),
  str('status_reason', 500, true),
  time('status_changed_at', true),
  str('mfa_secret_enc', 255, true),
  time('mfa_enabled_at', true),
  int('mfa_last_step', true),
  str('mfa_pending_secret_enc', 255, true),
  time('mfa_pending_at', true),
  { ...int('mfa_pending_failures'), default: 0 },
];

const GRANT_COLUMNS: TableColumnOptions[] = [int('approved_by_id', true), time('approved_at', true), int('revoked_by_id', true), str('revoke_reason', 500, true)];

/** The defaults of the separation-of-duties pairs; the first side is the one withdrawn when both meet. */
const DEFAULT_PAIRS = [
  {
    name: 'reveal-vs-access-administration',
    description: 'revealing customer data together with staff or role administration',
    withdrawn: [{ action: 'reveal', subject: 'Customer' }],
    other: [
      { action: 'create', subject: 'Staff' },
      { action: 'update', subject: 'Staff' },
      { action: 'create', subject: 'Role' },
      { action: 'update', subject: 'Role' },
      { action: 'grant', subject: 'RoleGrant' },
      { action: 'approve', subject: 'RoleGrant' },
    ],
  },
];

export class AccessRights1764000000000 implements MigrationInterface {
  name = 'AccessRights1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('staff', STAFF_COLUMNS.map((c) => new TableColumn(c)));
    await q.addColumns('role_grant', GRANT_COLUMNS.map((c) => new TableColumn(c)));
    await q.createTable(
      new Table({
        name: 'staff_recovery_code',
        columns: [id(), int('staff_id'), str('code_hash', 64), time('used_at', true), time('created_at')],
        indices: [new TableIndex({ name: 'uq_recovery_code', columnNames: ['staff_id', 'code_hash'], isUnique: true })],
        foreignKeys: [fk('staff_id', 'staff', 'fk_recovery_code_staff', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'duty_conflict_rule',
        columns: [id(), str('name', 64), str('description', 500), text('withdrawn_side'), text('other_side'), bool('enabled', true), bool('built_in'), ...versioned()],
        indices: [new TableIndex({ name: 'uq_duty_conflict_rule_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await q.createTable(new Table({ name: 'access_policy', columns: [id(), int('dormant_after_days'), int('review_reminder_days'), ...versioned()] }));
    await q.createTable(
      new Table({
        name: 'access_review_campaign',
        columns: [
          id(),
          str('name', 100),
          { ...str('description', 500), default: "''" },
          str('scope', 16),
          int('scope_branch_id', true),
          int('scope_role_id', true),
          int('reviewer_id', true),
          time('due_at'),
          int('remind_days_before'),
          str('deadline_rule', 16),
          str('status', 16),
          int('created_by_id', true),
          time('reminded_at', true),
          time('closed_at', true),
          ...versioned(),
        ],
        indices: [new TableIndex({ name: 'idx_review_campaign_status_due', columnNames: ['status', 'due_at'] })],
        foreignKeys: [
          fk('scope_branch_id', 'branch', 'fk_review_campaign_branch'),
          fk('scope_role_id', 'role', 'fk_review_campaign_role'),
          fk('reviewer_id', 'staff', 'fk_review_campaign_reviewer'),
          fk('created_by_id', 'staff', 'fk_review_campaign_created_by'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'access_review_item',
        columns: [
          id(),
          int('campaign_id'),
          int('grant_id'),
          int('staff_id'),
          str('staff_username', 64),
          str('staff_name', 64),
          int('branch_id', true),
          int('role_id'),
          str('role_name', 64),
          str('role_label', 64),
          str('grant_reason', 500),
          time('granted_at'),
          time('valid_until', true),
          int('reviewer_id', true),
          str('decision', 8, true),
          str('comment', 500, true),
          time('decided_at', true),
          int('decided_by_id', true),
          str('outcome', 24),
          bool('flagged'),
          time('settled_at', true),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_review_item_grant', columnNames: ['campaign_id', 'grant_id'], isUnique: true }),
          new TableIndex({ name: 'idx_review_item_campaign', columnNames: ['campaign_id', 'outcome'] }),
          new TableIndex({ name: 'idx_review_item_reviewer', columnNames: ['reviewer_id', 'outcome'] }),
        ],
        foreignKeys: [
          fk('campaign_id', 'access_review_campaign', 'fk_review_item_campaign', 'CASCADE'),
          fk('grant_id', 'role_grant', 'fk_review_item_grant'),
          fk('staff_id', 'staff', 'fk_review_item_staff'),
          fk('reviewer_id', 'staff', 'fk_review_item_reviewer'),
          fk('decided_by_id', 'staff', 'fk_review_item_decided_by'),
        ],
      }),
    );

    // Seed data as text timestamps: better-sqlite3 binds no Date, and MySQL reads this form alike.
    const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const pair of DEFAULT_PAIRS) {
      await q.query(
        'INSERT INTO duty_conflict_rule (name, description, withdrawn_side, other_side, enabled, built_in, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)',
        [pair.name, pair.description, JSON.stringify(pair.withdrawn), JSON.stringify(pair.other), 1, 1, at, at],
      );
    }
    await q.query('INSERT INTO access_policy (id, dormant_after_days, review_reminder_days, version, created_at, updated_at) VALUES (1, 90, 3, 1, ?, ?)', [at, at]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['access_review_item', 'access_review_campaign', 'access_policy', 'duty_conflict_rule', 'staff_recovery_code']) {
      await q.dropTable(table);
    }
    await q.dropColumns('role_grant', GRANT_COLUMNS.map((c) => c.name));
    await q.dropColumns('staff', STAFF_COLUMNS.map((c) => c.name));
  }
}
