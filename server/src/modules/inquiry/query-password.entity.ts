import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

/** A policy's query password (查询密码), hashed with scrypt like staff passwords. Never a GraphQL type. */
@Entity('policy_query_password')
export class QueryPassword {
  @PrimaryColumn({ name: 'policy_id', type: 'integer' })
  policyId: number;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'set_at', ...timestamp })
  setAt: Date;

  @Column({ name: 'set_by_id', type: 'integer', nullable: true })
  setById: number | null;

  /** issued (at sale or by the demo), staff_reset */
  @Column({ name: 'set_via', type: 'varchar', length: 24 })
  setVia: string;
}
