import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';
import { GraphQLJSON } from '../../graphql/scalars';
import { ComplaintState } from './complaint.enums';

/**
 * One line of a complaint's timeline: a workflow step taken by a staff member, or an escalation by
 * the job (no staff member). Read only through its complaint, so it carries no contact details.
 */
@ObjectType('ComplaintEvent')
@Entity('complaint_event')
export class ComplaintEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'integer' })
  complaintId: number;

  @Field(() => Date)
  @Column({ ...timestamp })
  at: Date;

  @Field(() => String, { description: 'registered, accepted, assigned, escalation_breach …' })
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Field(() => ID, { nullable: true, description: 'Who took the step; null for the escalation job' })
  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  @Field(() => String, { nullable: true, description: 'Who took the step, as named then' })
  @Column({ name: 'staff_name', type: 'varchar', length: 64, nullable: true })
  staffName: string | null;

  @Field(() => ComplaintState, { nullable: true })
  @Column({ name: 'from_state', type: 'varchar', length: 24, nullable: true })
  fromState: ComplaintState | null;

  @Field(() => ComplaintState, { nullable: true })
  @Column({ name: 'to_state', type: 'varchar', length: 24, nullable: true })
  toState: ComplaintState | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Details of the step (materials, amount, clock, recipients …)' })
  @Column({ type: 'simple-json', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 160, nullable: true })
  dedupeKey: string | null;
}
