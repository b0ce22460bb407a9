import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * Branches, staff, roles and grants, sessions, customers, policies and the audit chain.
 * Written with the Table API so one file runs on MySQL/MariaDB and SQLite alike.
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: 0 });
const hash = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '64', isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const fk = (column: string, table: string, onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT') => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'branch',
        columns: [id(), str('code', 16), str('name', 64), { ...str('region', 64), default: "''" }, int('parent_id', true), time('created_at')],
        indices: [new TableIndex({ name: 'uq_branch_code', columnNames: ['code'], isUnique: true })],
        foreignKeys: [{ ...fk('parent_id', 'branch'), name: 'fk_branch_parent' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff',
        columns: [
          id(),
          str('username', 64),
          str('display_name', 64),
          int('branch_id', true),
          { ...str('status', 16), default: "'active'" },
          str('password_hash', 255),
          { ...int('failed_login_count'), default: 0 },
          time('locked_until', true),
          time('last_login_at', true),
          bool('must_change_password'),
          { ...int('version'), default: 1 },
          time('created_at'),
          time('updated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_staff_username', columnNames: ['username'], isUnique: true })],
        foreignKeys: [{ ...fk('branch_id', 'branch'), name: 'fk_staff_branch' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role',
        columns: [
          id(),
          str('name', 64),
          str('label', 64),
          { ...str('description', 500), default: "''" },
          text('rules'),
          bool('built_in'),
          bool('high_risk'),
          bool('requires_mfa'),
          { ...int('version'), default: 1 },
          time('created_at'),
          time('updated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_role_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role_grant',
        columns: [
          id(),
          int('staff_id'),
          int('role_id'),
          { ...str('status', 24), default: "'active'" },
          str('reason', 500),
          int('granted_by_id', true),
          time('valid_from', true),
          time('valid_until', true),
          time('revoked_at', true),
          time('created_at'),
        ],
        indices: [new TableIndex({ name: 'idx_role_grant_staff', columnNames: ['staff_id', 'status'] })],
        foreignKeys: [
          { ...fk('staff_id', 'staff'), name: 'fk_grant_staff' },
          { ...fk('role_id', 'role'), name: 'fk_grant_role' },
          { ...fk('granted_by_id', 'staff'), name: 'fk_grant_granted_by' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_session',
        columns: [
          id(),
          hash('token_hash'),
          int('staff_id'),
          time('created_at'),
          time('last_seen_at'),
          time('expires_at'),
          time('ended_at', true),
          str('end_reason', 32, true),
          str('ip', 64, true),
          str('user_agent', 255, true),
        ],
        indices: [
          new TableIndex({ name: 'uq_session_token', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_session_staff', columnNames: ['staff_id'] }),
        ],
        foreignKeys: [{ ...fk('staff_id', 'staff', 'CASCADE'), name: 'fk_session_staff' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'customer',
        columns: [
          id(),
          str('kind', 16),
          str('name', 100),
          str('gender', 8, true),
          { name: 'birth_date', type: 'date', isNullable: true },
          str('id_type', 32),
          str('id_number_enc', 255),
          hash('id_number_hash'),
          str('phone_enc', 255, true),
          hash('phone_hash', true),
          str('email_enc', 512, true),
          str('address_enc', 1024, true),
          str('occupation', 64, true),
          int('branch_id'),
          str('source', 16),
          bool('marketing_consent'),
          time('marketing_consent_at', true),
          bool('sharing_consent'),
          time('sharing_consent_at', true),
          { ...str('status', 16), default: "'active'" },
          { ...int('version'), default: 1 },
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_customer_id_number_hash', columnNames: ['id_number_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_customer_phone_hash', columnNames: ['phone_hash'] }),
          new TableIndex({ name: 'idx_customer_name', columnNames: ['name'] }),
          new TableIndex({ name: 'idx_customer_branch', columnNames: ['branch_id', 'id'] }),
        ],
        foreignKeys: [{ ...fk('branch_id', 'branch'), name: 'fk_customer_branch' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'policy',
        columns: [
          id(),
          str('policy_number', 32),
          str('product_code', 32),
          str('product_name', 100),
          str('line', 16),
          int('holder_id'),
          int('insured_id'),
          text('beneficiaries'),
          { name: 'sum_insured_fen', type: 'bigint' },
          { name: 'premium_fen', type: 'bigint' },
          str('payment_frequency', 16),
          str('payment_status', 16),
          { name: 'next_premium_due_date', type: 'date', isNullable: true },
          { name: 'effective_date', type: 'date' },
          { name: 'expiry_date', type: 'date' },
          str('status', 16),
          str('sales_channel', 16),
          int('branch_id'),
          str('sales_agent_code', 32, true),
          str('sales_agent_name', 64, true),
          { ...int('version'), default: 1 },
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_policy_number', columnNames: ['policy_number'], isUnique: true }),
          new TableIndex({ name: 'idx_policy_holder', columnNames: ['holder_id'] }),
          new TableIndex({ name: 'idx_policy_insured', columnNames: ['insured_id'] }),
          new TableIndex({ name: 'idx_policy_branch_expiry', columnNames: ['branch_id', 'expiry_date'] }),
          new TableIndex({ name: 'idx_policy_status_expiry', columnNames: ['status', 'expiry_date'] }),
        ],
        foreignKeys: [
          { ...fk('holder_id', 'customer'), name: 'fk_policy_holder' },
          { ...fk('insured_id', 'customer'), name: 'fk_policy_insured' },
          { ...fk('branch_id', 'branch'), name: 'fk_policy_branch' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          id(),
          int('seq'),
          time('at'),
          int('staff_id', true),
          str('staff_username', 64, true),
          str('action', 64),
          str('subject_type', 64, true),
          str('subject_id', 64, true),
          text('changes', true),
          str('reason', 500, true),
          str('request_id', 64, true),
          str('outcome', 16),
          hash('prev_hash'),
          hash('hash'),
        ],
        indices: [
          new TableIndex({ name: 'uq_audit_seq', columnNames: ['seq'], isUnique: true }),
          new TableIndex({ name: 'idx_audit_at', columnNames: ['at'] }),
          new TableIndex({ name: 'idx_audit_subject', columnNames: ['subject_type', 'subject_id'] }),
          new TableIndex({ name: 'idx_audit_staff_at', columnNames: ['staff_id', 'at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [{ name: 'id', type: 'integer', isPrimary: true }, int('seq'), hash('hash')],
      }),
    );
    // The chain's genesis: appending always updates this one row under a row lock. Were it created by
    // the first append, two first appends would each take a gap lock and deadlock on the insert.
    await q.query(`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_chain_head', 'audit_entry', 'policy', 'customer', 'staff_session', 'role_grant', 'role', 'staff', 'branch']) {
      await q.dropTable(table);
    }
  }
}
