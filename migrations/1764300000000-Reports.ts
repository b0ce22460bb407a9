import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * Compliance reports: the immutable snapshots of generated reports (content JSON with its SHA-256)
 * and the jobs that generate them. Table API, so one file runs on MySQL/MariaDB and SQLite.
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const fk = (column: string, table: string, name: string) => ({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT' as const });

export class Reports1764300000000 implements MigrationInterface {
  name = 'Reports1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // MySQL's TEXT holds 64 KB; a company-wide report with many branches can be longer.
    const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
    await q.createTable(
      new Table({
        name: 'compliance_report',
        columns: [
          id(),
          str('kind', 32),
          str('period_kind', 16),
          str('period_from', 10),
          str('period_to', 10),
          str('period_label', 32),
          int('branch_id', true),
          str('scope_name', 100),
          text('parameters'),
          { ...text('content'), type: mysql ? 'mediumtext' : 'text' },
          str('content_hash', 64),
          int('generated_by_id', true),
          str('generated_by_name', 64),
          time('generated_at'),
        ],
        indices: [
          new TableIndex({ name: 'idx_compliance_report_branch', columnNames: ['branch_id', 'generated_at'] }),
          new TableIndex({ name: 'idx_compliance_report_kind', columnNames: ['kind', 'generated_at'] }),
        ],
        foreignKeys: [fk('branch_id', 'branch', 'fk_compliance_report_branch'), fk('generated_by_id', 'staff', 'fk_compliance_report_staff')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'report_job',
        columns: [
          id(),
          str('kind', 32),
          str('status', 16),
          { ...int('progress'), default: 0 },
          text('parameters'),
          int('branch_id', true),
          int('requested_by_id'),
          int('report_id', true),
          str('error', 500, true),
          time('created_at'),
          time('started_at', true),
          time('heartbeat_at'),
          time('finished_at', true),
        ],
        indices: [new TableIndex({ name: 'idx_report_job_requester', columnNames: ['requested_by_id', 'id'] })],
        foreignKeys: [
          fk('requested_by_id', 'staff', 'fk_report_job_staff'),
          fk('branch_id', 'branch', 'fk_report_job_branch'),
          fk('report_id', 'compliance_report', 'fk_report_job_report'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('report_job');
    await q.dropTable('compliance_report');
  }
}
