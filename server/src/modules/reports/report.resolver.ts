import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { GraphQLJSON } from '../../graphql/scalars';
import { ComplianceReport } from './compliance-report.entity';
import { ReportJob } from './report-job.entity';
import { ReportChartType, ReportKindInfo, ReportLocale, ReportTableType } from './report-table.types';
import { ComplianceReportListArgs, GenerateReportArgs } from './report.inputs';
import * as reports from './report.service';

@Resolver(() => ComplianceReport)
export class ComplianceReportResolver {
  @Mutation(() => ReportJob, { description: 'Queues a report of a kind for a period and scope; poll reportJob for progress. The snapshot is audited.' })
  @Allow('create', 'ComplianceReport')
  generateReport(@Args() args: GenerateReportArgs, @Ctx() ctx: RequestContext) {
    return reports.generateReport(ctx, args);
  }

  @Query(() => [ReportKindInfo], { description: 'The report kinds that can be generated, titled in the language asked for' })
  @Allow('read', 'ComplianceReport')
  reportKinds(@Arg('locale', () => ReportLocale, { defaultValue: ReportLocale.zh }) locale: ReportLocale) {
    return reports.kinds(locale);
  }

  @Query(() => ReportJob, { description: 'A report job the caller started: status, progress 0–100, and the snapshot once done' })
  @Allow('create', 'ComplianceReport')
  reportJob(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return reports.getJob(ctx, id);
  }

  @Query(() => [ReportJob], { description: "The caller's most recent report jobs, newest first" })
  @Allow('create', 'ComplianceReport')
  myReportJobs(@Arg('limit', () => Int, { defaultValue: 10 }) limit: number, @Ctx() ctx: RequestContext) {
    return reports.myJobs(ctx, limit);
  }

  @Query(() => [ComplianceReport], { description: 'Report snapshots the caller may read (row rules: a manager sees their branch’s), without contents' })
  @Allow('read', 'ComplianceReport')
  allComplianceReports(@Args() args: ComplianceReportListArgs, @Ctx() ctx: RequestContext) {
    return reports.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'ComplianceReport')
  async _allComplianceReportsMeta(@Args() args: ComplianceReportListArgs, @Ctx() ctx: RequestContext) {
    return { count: await reports.count(ctx, args) };
  }

  @Query(() => ComplianceReport, { name: 'ComplianceReport', description: 'One immutable report snapshot with its content' })
  @Allow('read', 'ComplianceReport')
  complianceReport(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return reports.get(ctx, id);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: 'The figures as generated (JSON); its SHA-256 is contentHash' })
  content(@Root() report: ComplianceReport, @Ctx() ctx: RequestContext) {
    return reports.content(ctx, report);
  }

  @FieldResolver(() => [ReportTableType], { nullable: true, description: 'The content as tables, exactly as the XLSX and PDF show them' })
  async tables(@Root() report: ComplianceReport, @Arg('locale', () => ReportLocale, { defaultValue: ReportLocale.zh }) locale: ReportLocale, @Ctx() ctx: RequestContext) {
    return (await reports.rendered(ctx, report, locale)).tables;
  }

  @FieldResolver(() => [ReportChartType], { nullable: true, description: 'The bar charts of the content, as the PDF draws them' })
  async charts(@Root() report: ComplianceReport, @Arg('locale', () => ReportLocale, { defaultValue: ReportLocale.zh }) locale: ReportLocale, @Ctx() ctx: RequestContext) {
    return (await reports.rendered(ctx, report, locale)).charts;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'The stored content still hashes to contentHash' })
  hashVerified(@Root() report: ComplianceReport, @Ctx() ctx: RequestContext) {
    return reports.hashVerified(ctx, report);
  }
}
