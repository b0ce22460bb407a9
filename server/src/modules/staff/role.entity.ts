import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../db/versioned-record';
import type { StoredRule } from '../../access/rules';
import { GraphQLJSON } from '../../graphql/scalars';

/** A named set of CASL rules, stored as data and editable by administrators. */
@ObjectType('Role')
@Entity('role')
export class Role extends VersionedRecord {
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, unique: true })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64 })
  label: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'simple-json' })
  rules: StoredRule[];

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn: boolean;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'high_risk', type: 'boolean', default: false })
  highRisk: boolean;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'requires_mfa', type: 'boolean', default: false })
  requiresMfa: boolean;
}
