import { IsInt, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListArgs } from '../../graphql/list';
import { QualityDimension } from './quality.enums';

@InputType('QualityTemplateItemInput')
export class QualityTemplateItemInput {
  @Field(() => String, { nullable: true, description: 'Keep the key of an existing item when editing; a new item gets the next free one' })
  key?: string | null;

  @Field(() => QualityDimension)
  dimension: QualityDimension;

  @Field(() => String)
  title: string;

  @Field(() => Int)
  weight: number;

  @Field(() => String, { nullable: true })
  guidance?: string | null;
}

@InputType('QualityTemplateFilter')
export class QualityTemplateFilter {
  @Field(() => String, { nullable: true, description: 'Code or name prefix' })
  @MaxLength(100)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true })
  @MaxLength(32)
  code?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only the newest revision of each family' })
  current?: boolean;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@ArgsType()
export class QualityTemplateListArgs extends ListArgs {
  @Field(() => QualityTemplateFilter, { nullable: true })
  filter?: QualityTemplateFilter | null;
}

@ArgsType()
export class CreateQualityTemplateArgs {
  @Field(() => String, { nullable: true, description: 'Family code, e.g. HOTLINE (letters, digits, - and _)' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'letters, digits, - and _ only, at most 32' })
  code?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  description?: string | null;

  @Field(() => [QualityTemplateItemInput], { nullable: true })
  items?: QualityTemplateItemInput[];
}

@ArgsType()
export class UpdateQualityTemplateArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  description?: string | null;

  @Field(() => [QualityTemplateItemInput], { nullable: true, description: 'The whole item list; a template in use gets a new revision instead' })
  items?: QualityTemplateItemInput[];

  @Field(() => Boolean, { nullable: true, description: 'false retires the family: no new inspections with it' })
  active?: boolean;
}
