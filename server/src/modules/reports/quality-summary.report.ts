import { qualitySummary, type QualitySummary } from './quality-summary';
import type { Locale, ReportChart, ReportDefinition, ReportTable } from './report-definition';
import { label, type Labels } from './report-labels';
import { pct } from './report-stats';
import { ReportKind } from './report.enums';

/** Report 2, the quality-inspection summary (质检汇总): its tables, charts and definitions in zh and en. */

const KINDS: Labels = {
  periodic: { zh: '定期质检', en: 'Periodic' },
  ad_hoc: { zh: '专项质检', en: 'Ad hoc' },
  return_visit: { zh: '回访', en: 'Return visit' },
};

const DIMENSIONS: Labels = {
  service_manner: { zh: '服务态度', en: 'Service manner' },
  business_accuracy: { zh: '业务准确性', en: 'Business accuracy' },
  script_compliance: { zh: '话术规范', en: 'Script compliance' },
  information_security: { zh: '信息安全', en: 'Information security' },
  technical_support: { zh: '技术支持', en: 'Technical support' },
  timeliness: { zh: '时效性', en: 'Timeliness' },
};

const STATES: Labels = {
  open: { zh: '待整改', en: 'Open' },
  in_progress: { zh: '整改中', en: 'In progress' },
  reopened: { zh: '已重开', en: 'Reopened' },
  done: { zh: '已完成', en: 'Done' },
  verified: { zh: '已验证', en: 'Verified' },
};

const W: Labels = {
  byKind: { zh: '质检数量（按类型）', en: 'Inspections by kind' },
  kind: { zh: '类型', en: 'Kind' },
  published: { zh: '期内发布', en: 'Published' },
  inReview: { zh: '待复核/待发布', en: 'Submitted, not yet published' },
  total: { zh: '合计', en: 'Total' },
  coverage: { zh: '半年度班组覆盖率', en: 'Half-year coverage of teams' },
  halfYear: { zh: '半年度', en: 'Half-year' },
  branch: { zh: '机构', en: 'Branch' },
  teams: { zh: '在册班组', en: 'Active teams' },
  covered: { zh: '已覆盖', en: 'Covered' },
  rate: { zh: '覆盖率', en: 'Coverage' },
  byDimension: { zh: '各维度平均得分', en: 'Mean score by dimension' },
  dimension: { zh: '考核维度', en: 'Dimension' },
  items: { zh: '评分项次', en: 'Items scored' },
  mean: { zh: '平均得分', en: 'Mean score' },
  byBranch: { zh: '各机构平均得分', en: 'Mean score by branch' },
  inspections: { zh: '质检份数', en: 'Inspections' },
  scored: { zh: '已评分', en: 'Scored' },
  findings: { zh: '问题发现（按维度与严重程度）', en: 'Findings by dimension and severity' },
  minor: { zh: '一般', en: 'Minor' },
  major: { zh: '重要', en: 'Major' },
  critical: { zh: '严重', en: 'Critical' },
  rectification: { zh: '整改闭环', en: 'Rectification closure' },
  metric: { zh: '指标', en: 'Metric' },
  value: { zh: '数值', en: 'Value' },
  due: { zh: '期内到期整改项', en: 'Due in the period' },
  closed: { zh: '已完成（含已验证）', en: 'Closed (done or verified)' },
  closedOnTime: { zh: '按期完成', en: 'Closed on time' },
  closureRate: { zh: '整改闭环率', en: 'Closure rate' },
  onTimeRate: { zh: '按期完成率', en: 'On-time rate' },
  overdueCount: { zh: '逾期未完成', en: 'Overdue, still open' },
  overdue: { zh: '逾期整改项', en: 'Overdue rectifications' },
  number: { zh: '整改编号', en: 'Item' },
  owner: { zh: '责任人', en: 'Owner' },
  dueDate: { zh: '到期日', en: 'Due' },
  state: { zh: '状态', en: 'State' },
  daysOverdue: { zh: '逾期天数', en: 'Days overdue' },
  crossBranch: { zh: '跨机构（回访）', en: 'Across branches (return visits)' },
};

function tables(s: QualitySummary, locale: Locale): ReportTable[] {
  const w = (key: string) => label(W, key, locale);
  const branch = (name: string) => (name === '—' ? w('crossBranch') : name);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const r = s.rectifications;
  return [
    {
      key: 'kind',
      heading: w('byKind'),
      columns: [w('kind'), w('published'), w('inReview')],
      rows: [
        ...s.byKind.map((k) => [label(KINDS, k.kind, locale), k.published, k.inReview]),
        [w('total'), sum(s.byKind.map((k) => k.published)), sum(s.byKind.map((k) => k.inReview))],
      ],
    },
    {
      key: 'coverage',
      heading: w('coverage'),
      columns: [w('halfYear'), w('branch'), w('teams'), w('covered'), w('rate')],
      rows: s.coverage.map((c) => [c.halfYear, c.branchName, c.teams, c.covered, pct(c.rate)]),
    },
    {
      key: 'dimension',
      heading: w('byDimension'),
      columns: [w('dimension'), w('items'), w('mean')],
      rows: s.byDimension.map((d) => [label(DIMENSIONS, d.dimension, locale), d.items, d.mean]),
    },
    {
      key: 'branch',
      heading: w('byBranch'),
      columns: [w('branch'), w('inspections'), w('scored'), w('mean')],
      rows: s.byBranch.map((b) => [branch(b.branchName), b.inspections, b.scored, b.mean]),
    },
    {
      key: 'findings',
      heading: w('findings'),
      columns: [w('dimension'), w('minor'), w('major'), w('critical'), w('total')],
      rows: [
        ...s.findings.map((f) => [label(DIMENSIONS, f.dimension, locale), f.minor, f.major, f.critical, f.total]),
        [w('total'), sum(s.findings.map((f) => f.minor)), sum(s.findings.map((f) => f.major)), sum(s.findings.map((f) => f.critical)), sum(s.findings.map((f) => f.total))],
      ],
    },
    {
      key: 'rectification',
      heading: w('rectification'),
      columns: [w('metric'), w('value')],
      rows: [
        [w('due'), r.due],
        [w('closed'), r.closed],
        [w('closedOnTime'), r.closedOnTime],
        [w('closureRate'), pct(r.closureRate)],
        [w('onTimeRate'), pct(r.onTimeRate)],
        [w('overdueCount'), r.overdue],
      ],
    },
    {
      key: 'overdue',
      heading: w('overdue'),
      columns: [w('number'), w('branch'), w('owner'), w('dueDate'), w('state'), w('daysOverdue')],
      rows: s.overdue.map((o) => [o.number, branch(o.branchName), o.ownerName, o.dueDate, label(STATES, o.state, locale), o.daysOverdue]),
    },
  ];
}

function charts(s: QualitySummary, locale: Locale): ReportChart[] {
  const w = (key: string) => label(W, key, locale);
  const dims = s.findings.map((f) => label(DIMENSIONS, f.dimension, locale));
  return [
    { key: 'kind', heading: w('byKind'), labels: s.byKind.map((k) => label(KINDS, k.kind, locale)), series: [{ name: w('published'), values: s.byKind.map((k) => k.published) }] },
    {
      key: 'dimension',
      heading: w('byDimension'),
      labels: s.byDimension.map((d) => label(DIMENSIONS, d.dimension, locale)),
      series: [{ name: w('mean'), values: s.byDimension.map((d) => d.mean ?? 0) }],
    },
    {
      key: 'findings',
      heading: w('findings'),
      labels: dims,
      series: [
        { name: w('total'), values: s.findings.map((f) => f.total) },
        { name: w('minor'), values: s.findings.map((f) => f.minor) },
        { name: w('major'), values: s.findings.map((f) => f.major) },
        { name: w('critical'), values: s.findings.map((f) => f.critical) },
      ],
    },
  ];
}

const DEFINITIONS: Record<Locale, string[]> = {
  zh: [
    '期内质检：统计期间内发布的质检报告，每份只计一次；已被发布的更正版替代的报告，按更正版计。',
    '按类型：期内发布的份数；待复核/待发布为期内提交、生成时尚未发布的份数。',
    '班组覆盖率：统计期间涉及的每个半年度，在册班组中已有该半年度定期质检（已提交及以后）的比例。',
    '维度平均得分：期内质检中该维度各适用且已评分项的得分，按权重加权平均；机构平均得分为各份总分的平均值。',
    '问题发现：期内质检记录的问题，按考核维度与严重程度统计。',
    '整改闭环率：到期日在统计期间内的整改项中，生成时已完成或已验证的比例；按期完成指完成时间不晚于到期日。',
    '逾期整改项：生成时仍未完成、且到期日早于生成时间与期末的整改项（最多列出 200 条）。',
  ],
  en: [
    "The period's inspections: reports published in the period, each once; a report replaced by a published correction counts as its correction.",
    'By kind: published in the period; "submitted, not yet published": submitted in the period and not published when generated.',
    'Coverage: for each half-year the period touches, the share of active teams with a periodic inspection of that half-year (submitted or further).',
    "Mean score by dimension: every applicable scored item of the dimension in the period's inspections, weighted by the item's weight; by branch: the mean of the total scores.",
    "Findings: those recorded in the period's inspections, by dimension and severity.",
    'Closure rate: of the rectifications due in the period, the share done or verified when generated; on time: done by the due day.',
    'Overdue: still open when generated and due before both the generation and the end of the period (at most 200 listed).',
  ],
};

export const qualitySummaryReport: ReportDefinition<QualitySummary> = {
  kind: ReportKind.quality_summary,
  title: { zh: '质检汇总报表', en: 'Quality-inspection summary' },
  slug: 'quality-summary',
  compute: qualitySummary,
  tables,
  charts,
  definitions: DEFINITIONS,
};
