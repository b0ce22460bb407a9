import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

/** A message to one staff member (an escalation, an assignment); each sees only their own. */
@ObjectType('Notification')
@Entity('notification')
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Field(() => String, { description: 'escalation_warning, escalation_breach, escalation_compliance, complaint_assigned' })
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'complaint_id', type: 'integer', nullable: true })
  complaintId: number | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 1000 })
  body: string;

  @Field(() => Date)
  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', ...timestamp, nullable: true })
  readAt: Date | null;
}
