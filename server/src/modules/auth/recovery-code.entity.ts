import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

/** One multi-factor recovery code, stored only as its SHA-256; `usedAt` makes it single-use. */
@Entity('staff_recovery_code')
export class RecoveryCode {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'used_at', ...timestamp, nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;
}
