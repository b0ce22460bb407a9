import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { headMac } from '../server/src/modules/audit/audit-chain';

/**
 * Keys the audit chain: every entry from the next one on is an HMAC under AUDIT_CHAIN_KEY, and the head
 * carries where that began and a MAC over itself. The MAC is written here, once, with the key configured
 * at start-up: anything that could set it again later could be used to bless a rewritten chain.
 */
export class KeyedAuditChain1764600000000 implements MigrationInterface {
  name = 'KeyedAuditChain1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('audit_chain_head', [
      new TableColumn({ name: 'keyed_from', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'mac', type: 'varchar', length: '64', isNullable: true }),
    ]);
    const [head]: Array<{ seq: number | string; hash: string }> = await q.query('SELECT seq, hash FROM audit_chain_head WHERE id = 1');
    const state = { seq: Number(head.seq), hash: head.hash, keyedFrom: Number(head.seq) + 1 };
    await q.query('UPDATE audit_chain_head SET keyed_from = ?, mac = ? WHERE id = 1', [state.keyedFrom, headMac(state)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('audit_chain_head', 'mac');
    await q.dropColumn('audit_chain_head', 'keyed_from');
  }
}
