import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * Quality inspection and the rectification ledger: teams (the unit of the half-year plan), versioned
 * checklist templates, inspections with their samples, scores and findings, rectifications, and the
 * complaint's pointer to the rectification addressing its root cause. Table API: runs on MySQL/MariaDB and SQLite.
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable });
const bool = (name: string, fallback: 0 | 1 = 0): TableColumnOptions => ({ name, type: 'boolean', default: fallback });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const versioned = (): TableColumnOptions[] => [{ ...int('version'), default: 1 }, time('created_at'), time('updated_at')];
const index = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

const TABLES = ['quality_rectification', 'quality_finding', 'quality_score', 'quality_sample', 'quality_inspection', 'quality_template', 'quality_team'];

export class Quality1764200000000 implements MigrationInterface {
  name = 'Quality1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'quality_team',
        columns: [id(), str('name', 64), int('branch_id'), bool('active', 1), ...versioned()],
        foreignKeys: [{ name: 'fk_quality_team_branch', columnNames: ['branch_id'], referencedTableName: 'branch', referencedColumnNames: ['id'] }],
        indices: [index('uq_quality_team_branch_name', ['branch_id', 'name'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quality_template',
        columns: [id(), str('code', 32), int('revision'), str('name', 100), str('description', 500, true), text('items'), bool('current', 1), bool('active', 1), int('previous_id', true), ...versioned()],
        indices: [index('uq_quality_template_code_revision', ['code', 'revision'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quality_inspection',
        columns: [
          id(),
          str('kind', 16),
          str('state', 16),
          str('title', 200),
          int('template_id', true),
          int('branch_id', true),
          int('team_id', true),
          str('period', 8, true),
          int('complaint_id', true),
          int('inspector_id'),
          text('summary', true),
          { name: 'total_score', type: 'decimal', precision: 5, scale: 2, isNullable: true },
          time('submitted_at', true),
          int('reviewed_by_id', true),
          time('reviewed_at', true),
          str('review_note', 1000, true),
          str('returned_reason', 1000, true),
          int('published_by_id', true),
          time('published_at', true),
          int('corrects_id', true),
          { ...int('revision'), default: 1 },
          str('correction_reason', 1000, true),
          str('visit_source', 24, true),
          date('visit_from', true),
          date('visit_to', true),
          int('sample_size', true),
          str('sample_seed', 64, true),
          ...versioned(),
        ],
        foreignKeys: [
          { name: 'fk_quality_inspection_template', columnNames: ['template_id'], referencedTableName: 'quality_template', referencedColumnNames: ['id'] },
          { name: 'fk_quality_inspection_team', columnNames: ['team_id'], referencedTableName: 'quality_team', referencedColumnNames: ['id'] },
          { name: 'fk_quality_inspection_inspector', columnNames: ['inspector_id'], referencedTableName: 'staff', referencedColumnNames: ['id'] },
          { name: 'fk_quality_inspection_corrects', columnNames: ['corrects_id'], referencedTableName: 'quality_inspection', referencedColumnNames: ['id'] },
        ],
        indices: [index('idx_quality_inspection_team_period', ['team_id', 'period']), index('idx_quality_inspection_state', ['state']), index('idx_quality_inspection_complaint', ['complaint_id'])],
      }),
    );
    const child = (name: string, columns: TableColumnOptions[], indices: TableIndex[]) =>
      new Table({
        name,
        columns: [id(), int('inspection_id'), ...columns],
        foreignKeys: [{ name: `fk_${name}_inspection`, columnNames: ['inspection_id'], referencedTableName: 'quality_inspection', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices,
      });
    await q.createTable(
      child(
        'quality_sample',
        [str('kind', 16), int('ref_id'), str('label', 200), text('handled_by_ids'), { name: 'reached', type: 'boolean', isNullable: true }, int('satisfaction', true), str('remarks', 500, true), time('visited_at', true), int('visited_by_id', true)],
        [index('idx_quality_sample_inspection', ['inspection_id'])],
      ),
    );
    await q.createTable(
      child('quality_score', [str('item_key', 32), int('score', true), bool('not_applicable'), text('evidence', true)], [index('uq_quality_score_item', ['inspection_id', 'item_key'], true)]),
    );
    await q.createTable(
      child(
        'quality_finding',
        [str('dimension', 24), str('severity', 16), text('description'), int('concerned_staff_id', true), str('concerned_process', 200, true), bool('needs_action'), int('copied_from_id', true)],
        [index('idx_quality_finding_inspection', ['inspection_id'])],
      ),
    );
    await q.createTable(
      new Table({
        name: 'quality_rectification',
        columns: [
          id(),
          int('finding_id'),
          int('inspection_id'),
          int('branch_id', true),
          int('owner_id'),
          text('required_action'),
          date('due_date'),
          time('due_at'),
          str('state', 16),
          text('evidence', true),
          time('started_at', true),
          time('done_at', true),
          int('verified_by_id', true),
          time('verified_at', true),
          str('verification_note', 1000, true),
          { ...int('reopen_count'), default: 0 },
          str('reopen_reason', 1000, true),
          time('escalated_at', true),
          int('created_by_id'),
          ...versioned(),
        ],
        foreignKeys: [
          { name: 'fk_quality_rectification_finding', columnNames: ['finding_id'], referencedTableName: 'quality_finding', referencedColumnNames: ['id'] },
          { name: 'fk_quality_rectification_inspection', columnNames: ['inspection_id'], referencedTableName: 'quality_inspection', referencedColumnNames: ['id'] },
          { name: 'fk_quality_rectification_owner', columnNames: ['owner_id'], referencedTableName: 'staff', referencedColumnNames: ['id'] },
        ],
        indices: [
          index('uq_quality_rectification_finding', ['finding_id'], true),
          index('idx_quality_rectification_state_due', ['state', 'due_at']),
          index('idx_quality_rectification_owner', ['owner_id']),
        ],
      }),
    );
    await q.addColumn('complaint', new TableColumn(int('rectification_id', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('complaint', 'rectification_id');
    for (const table of TABLES) await q.dropTable(table);
  }
}
