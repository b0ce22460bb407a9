import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A branch's customers by name, in the list's own order (name, then id). The index of 1764400000000
 * (branch_id, name, status) answers the page's count from the index alone, but its entries run by
 * status before id, so the page itself had every matching customer of the branch read and sorted
 * (1,413 rows for the prefix 王 at a million policies) to show 25. Index entries end with the primary
 * key on both databases, so (branch_id, name) is read in the page's order and stops after 25.
 */
const INDEX = new TableIndex({ name: 'idx_customer_branch_name', columnNames: ['branch_id', 'name'] });

export class CustomerBranchNameOrder1764900000000 implements MigrationInterface {
  name = 'CustomerBranchNameOrder1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('customer', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('customer', INDEX.name!);
  }
}
