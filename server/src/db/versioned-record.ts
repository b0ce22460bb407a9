import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { timestamp } from './columns';

/**
 * The columns every editable record shares: an integer key, the version that guards against lost
 * updates (a stale one is a CONFLICT), and its UTC creation and change times.
 */
// Decorated so the fields are inherited; never referenced by itself, so it is not emitted in the schema.
@ObjectType()
export abstract class VersionedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'created_at', ...timestamp })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'updated_at', ...timestamp })
  updatedAt: Date;
}
