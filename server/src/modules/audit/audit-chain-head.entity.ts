import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The chain's last link, one row; locked while an entry is appended so links never fork. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** The first entry hashed with the chain key; the ones before it were written before the chain was keyed. */
  @Column({ name: 'keyed_from', type: 'integer', nullable: true })
  keyedFrom: number | null;

  /** HMAC of seq, hash and keyedFrom under the chain key (audit-chain.ts headMac). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  mac: string | null;
}
