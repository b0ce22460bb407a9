import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes for the pages staff open all day, found with EXPLAIN on a million policies (bench/NOTES.md):
 * each lets the database read a branch's page in order and stop after 25 rows, and answer the page's
 * count from the index alone, instead of visiting every matching row of the company.
 */
const INDEXES: [table: string, index: TableIndex][] = [
  // Customer list of a branch by name prefix, sorted by name; status is the row rule's condition.
  ['customer', new TableIndex({ name: 'idx_customer_branch_name_status', columnNames: ['branch_id', 'name', 'status'] })],
  // The same across branches (compliance): the count no longer visits each row for its status.
  ['customer', new TableIndex({ name: 'idx_customer_name_status', columnNames: ['name', 'status'] })],
  // A branch's renewals due: in-force policies by expiry date.
  ['policy', new TableIndex({ name: 'idx_policy_branch_status_expiry', columnNames: ['branch_id', 'status', 'expiry_date'] })],
  // A branch's overdue and due-today complaints, by next deadline.
  ['complaint', new TableIndex({ name: 'idx_complaint_branch_next_due', columnNames: ['branch_id', 'next_due_at'] })],
  // The report's escalations of a period: a range of one kind of event by time, instead of every timeline.
  ['complaint_event', new TableIndex({ name: 'idx_complaint_event_kind_at', columnNames: ['kind', 'at', 'complaint_id'] })],
];

export class PerformanceIndexes1764400000000 implements MigrationInterface {
  name = 'PerformanceIndexes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await q.createIndex(table, index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index] of [...INDEXES].reverse()) await q.dropIndex(table, index.name!);
  }
}
