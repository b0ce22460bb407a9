import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { backfillComplaintOutcomes, defaultTimezone } from '../server/src/modules/complaints/complaint-outcomes.backfill';
import { dueColumn, HANDLING_COLUMN, OUTCOME_CLOCKS, outcomeColumn } from '../server/src/modules/complaints/complaint-outcomes';

/**
 * Each complaint's deadline outcomes and handling time in working days, stored on the complaint so
 * the complaint statistics report aggregates them in SQL (see complaint-outcomes.ts), and filled in for
 * the complaints already registered, a batch at a time.
 */
export class ComplaintOutcomes1764700000000 implements MigrationInterface {
  name = 'ComplaintOutcomes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('complaint', [
      ...OUTCOME_CLOCKS.flatMap((clock) => [
        new TableColumn({ name: outcomeColumn(clock), type: 'varchar', length: '8', isNullable: true }),
        new TableColumn({ name: dueColumn(clock), type: 'datetime', precision: 3, isNullable: true }),
      ]),
      new TableColumn({ name: HANDLING_COLUMN, type: 'integer', isNullable: true }),
    ]);
    // Handling time of the complaints closed in a period, read from the index alone.
    await q.createIndex('complaint', new TableIndex({ name: 'idx_complaint_closed_handling', columnNames: ['closed_at', HANDLING_COLUMN] }));
    await backfillComplaintOutcomes(q.manager, defaultTimezone());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('complaint', 'idx_complaint_closed_handling');
    for (const column of [HANDLING_COLUMN, ...OUTCOME_CLOCKS.flatMap((clock) => [dueColumn(clock), outcomeColumn(clock)])]) await q.dropColumn('complaint', column);
  }
}
