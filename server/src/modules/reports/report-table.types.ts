import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from '../../graphql/scalars';
import { ReportKind } from './report.enums';

/** The rendered tables and charts of a snapshot: what the XLSX and PDF print, for the console to show as is. */

export enum ReportLocale {
  zh = 'zh',
  en = 'en',
}
registerEnumType(ReportLocale, { name: 'ReportLocale', description: 'The language of rendered report tables: zh (default) or en' });

@ObjectType('ReportTable', { description: 'One table of a report, as its XLSX sheet and PDF section show it' })
export class ReportTableType {
  @Field(() => String)
  key: string;

  @Field(() => String)
  heading: string;

  @Field(() => [String])
  columns: string[];

  @Field(() => GraphQLJSON, { description: 'Rows of cells: numbers, text, or null for "no figure" (—)' })
  rows: Array<Array<string | number | null>>;
}

@ObjectType('ReportChartSeries')
export class ReportChartSeriesType {
  @Field(() => String)
  name: string;

  @Field(() => [Number])
  values: number[];
}

@ObjectType('ReportChart', { description: 'A bar chart over labels; `key` matches the table it illustrates, if any' })
export class ReportChartType {
  @Field(() => String)
  key: string;

  @Field(() => String)
  heading: string;

  @Field(() => [String])
  labels: string[];

  @Field(() => [ReportChartSeriesType])
  series: ReportChartSeriesType[];
}

@ObjectType('ReportKindInfo', { description: 'A report kind that can be generated' })
export class ReportKindInfo {
  @Field(() => ReportKind)
  kind: ReportKind;

  @Field(() => String)
  title: string;
}
