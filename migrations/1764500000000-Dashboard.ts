import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Every run of the audit-chain verifier, for the compliance dashboard (Table API: MySQL/MariaDB and SQLite alike). */
export class Dashboard1764500000000 implements MigrationInterface {
  name = 'Dashboard1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const time = (name: string, nullable = false) => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
    await q.createTable(
      new Table({
        name: 'audit_verification_run',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          // Not `trigger`: a reserved word in MySQL.
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'staff_id', type: 'integer', isNullable: true },
          { name: 'staff_name', type: 'varchar', length: '64', isNullable: true },
          time('started_at'),
          time('finished_at', true),
          time('heartbeat_at'),
          { name: 'total', type: 'integer', default: 0 },
          { name: 'checked', type: 'integer', default: 0 },
          { name: 'first_broken_id', type: 'integer', isNullable: true },
          { name: 'problem', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_audit_verification_run_started', columnNames: ['started_at'] })],
        foreignKeys: [{ name: 'fk_audit_verification_run_staff', columnNames: ['staff_id'], referencedTableName: 'staff', referencedColumnNames: ['id'], onDelete: 'RESTRICT' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_verification_run');
  }
}
