import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

/** A signed-in session. Only the SHA-256 of its token is stored, so a database leak yields no usable token. */
@Entity('staff_session')
export class Session {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;

  @Column({ name: 'last_seen_at', ...timestamp })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', ...timestamp })
  expiresAt: Date;

  @Column({ name: 'ended_at', ...timestamp, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 32, nullable: true })
  endReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;
}
