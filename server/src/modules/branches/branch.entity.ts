import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from '../../db/columns';

/** An organisation unit; row rules scope customers, policies and staff to one. */
@ObjectType('Branch', { description: 'An organisation unit (分公司/支公司)' })
@Entity('branch')
export class Branch {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 16, unique: true })
  code: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, default: '' })
  region: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId: number | null;

  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;
}
