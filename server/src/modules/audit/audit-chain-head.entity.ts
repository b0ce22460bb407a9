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
}
