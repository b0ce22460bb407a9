import {
  inquiryFigures, lockoutFigures, refusalFigures,
  type CountRow, type InquiryFigures, type InquiryRow, type LockoutFigures, type RefusalFigures,
} from './inquiry-security.figures';
import { revealFigures, type RevealFigures } from './inquiry-security.reveals';
import { figureOr, NOT_VISIBLE, reportHeader, type ReportHeader } from './report-sql';
import type { Locale, ReportCell, ReportChart, ReportDefinition, ReportTable } from './report-definition';
import { label, WORDS as SHARED_WORDS, type Labels } from './report-labels';
import { pct } from './report-stats';
import { ReportKind } from './report.enums';

/**
 * Report 3, policy-inquiry and information-security indicators (查询与信息安全指标): the inquiry log by
 * channel (verification failures, lock-outs, response times), reveals of sensitive fields by staff,
 * role and field, and refused access attempts. Figures in inquiry-security.figures.ts and .reveals.ts.
 */

export interface InquirySecurity extends ReportHeader {
  kind: 'inquiry_security';
  schemaVersion: 1;
  /** null: the requester may not read the inquiry log. */
  inquiries: InquiryFigures | null;
  /** null (as the two below): the requester may not read the audit trail. */
  lockouts: LockoutFigures | null;
  reveals: RevealFigures | null;
  refusals: RefusalFigures | null;
}

const WORDS: Labels = {
  inquiries: { zh: '保单查询次数', en: 'Policy inquiries' },
  verified: { zh: '验证通过', en: 'Verified' },
  failed: { zh: '验证失败', en: 'Verification failed' },
  failureRate: { zh: '验证失败率', en: 'Verification failure rate' },
  locked: { zh: '锁定期间被拒', en: 'Refused while locked' },
  rateLimited: { zh: '超频被拒', en: 'Rate-limited' },
  meanMs: { zh: '平均响应（毫秒）', en: 'Mean response (ms)' },
  medianMs: { zh: '响应中位数（毫秒）', en: 'Median response (ms)' },
  p90Ms: { zh: '响应90分位（毫秒）', en: '90th percentile (ms)' },
  maxMs: { zh: '最长响应（毫秒）', en: 'Longest response (ms)' },
  locks: { zh: '查询锁定次数', en: 'Lock-outs started' },
  lockedNumbers: { zh: '被锁定保单号', en: 'Policy numbers locked' },
  reveals: { zh: '敏感信息查看次数', en: 'Sensitive-field reveals' },
  revealStaff: { zh: '查看人数', en: 'Staff who revealed' },
  revealRecords: { zh: '涉及记录数', en: 'Records revealed' },
  refusals: { zh: '越权访问被拒次数', en: 'Refused access attempts' },
  refusedStaff: { zh: '被拒人数', en: 'Staff refused' },
  byChannel: { zh: '按查询渠道', en: 'Inquiries by channel' },
  channel: { zh: '渠道', en: 'Channel' },
  responseTime: { zh: '查询响应时间', en: 'Inquiry response time' },
  failureReasons: { zh: '验证失败原因', en: 'Verification failure reasons' },
  reason: { zh: '原因', en: 'Reason' },
  count: { zh: '次数', en: 'Count' },
  revealsByStaff: { zh: '敏感信息查看（按员工）', en: 'Reveals by staff' },
  revealsByRole: { zh: '敏感信息查看（按角色）', en: 'Reveals by role' },
  revealsByField: { zh: '敏感信息查看（按字段）', en: 'Reveals by field' },
  username: { zh: '用户名', en: 'Username' },
  name: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  staff: { zh: '人数', en: 'Staff' },
  records: { zh: '记录数', en: 'Records' },
  field: { zh: '字段', en: 'Field' },
  refusalsByAction: { zh: '越权访问被拒（按操作）', en: 'Refused attempts by operation' },
  refusalsByStaff: { zh: '越权访问被拒（按员工）', en: 'Refused attempts by staff' },
  operation: { zh: '操作', en: 'Operation' },
};

const CHANNELS: Labels = {
  website: { zh: '官网', en: 'Website' },
  app: { zh: 'App', en: 'App' },
  hotline: { zh: '热线', en: 'Hotline' },
  counter: { zh: '柜面', en: 'Counter' },
  all: { zh: '合计', en: 'Total' },
};

const REASONS: Labels = {
  unknown_policy: { zh: '保单号不存在', en: 'Unknown policy number' },
  id_mismatch: { zh: '证件号码不符', en: 'ID number mismatch' },
  password_mismatch: { zh: '查询密码错误', en: 'Wrong query password' },
  no_query_password: { zh: '未设置查询密码', en: 'No query password set' },
  other_branch: { zh: '非本机构保单', en: "Another branch's policy" },
};

const FIELDS: Labels = {
  'Customer.idNumber': { zh: '客户证件号码', en: 'Customer ID number' },
  'Customer.phone': { zh: '客户手机号', en: 'Customer phone' },
  'Customer.email': { zh: '客户邮箱', en: 'Customer e-mail' },
  'Customer.address': { zh: '客户地址', en: 'Customer address' },
  'Complaint.complainantPhone': { zh: '投诉人电话', en: 'Complainant phone' },
  'Complaint.complainantEmail': { zh: '投诉人邮箱', en: 'Complainant e-mail' },
  'Complaint.complainantAddress': { zh: '投诉人地址', en: 'Complainant address' },
};

const DEFINITIONS: Record<Locale, string[]> = {
  zh: [
    '保单查询：查询日志中时间落在统计期间内的全部验证请求（官网、App、热线、柜面）；分机构统计时按保单所属机构，不存在的保单号不归属任何机构。',
    '验证失败率 = 验证失败 ÷（验证通过 + 验证失败）；锁定期间被拒与超频被拒未进入验证，单独列示。',
    '响应时间为服务端判定耗时（毫秒，补齐到最短应答时间之前）；90分位数取第 ⌈0.9n⌉ 小的值。',
    '查询锁定：期间内因连续验证失败而开始的锁定（审计日志 inquiry.lock）；分机构时按被锁保单所属机构。',
    '敏感信息查看：期间内成功的 reveal 审计记录；按角色统计时，计入查看时该员工持有且有权查看该类记录的每个角色（一人多角色时各计一次）；分机构时按员工当前所属机构。',
    '越权访问被拒：期间内结果为“拒绝”的审计记录（无权操作、超出数据范围、下载被拒、登录被拒等）；分机构时按员工当前所属机构。',
    '按员工、按操作的明细各列最多 50 项（按次数从多到少）；合计始终包含全部。',
    '报表遵循数据权限：无权查看查询日志或审计日志的部分显示为“无权查看”，不以零计。',
  ],
  en: [
    'Policy inquiries: every verification request in the inquiry log dated in the period (website, app, hotline, counter); a branch counts the inquiries on its policies, unknown numbers belong to no branch.',
    'Verification failure rate = failed ÷ (verified + failed); attempts refused while locked or rate-limited never reached verification and are listed apart.',
    'Response time: the server\'s decision time in milliseconds (before padding to the minimum answer time); the 90th percentile is the ⌈0.9n⌉-th smallest value.',
    'Lock-outs: locks started in the period after repeated failed verifications (inquiry.lock audit entries); a branch counts those of its policies.',
    'Reveals: successful reveal audit entries in the period; by role, each role the staff member held at that moment that may reveal that kind of record (a person with two such roles counts under each); a branch counts its staff (their branch today).',
    'Refused attempts: audit entries with outcome "denied" in the period (operation not allowed, record outside the caller\'s rows, refused download or sign-in …); a branch counts its staff.',
    'The lists by staff member and by operation show the 50 busiest; the totals always count everything.',
    'The report obeys the row rules: sections from a log the requester may not read show "not visible", never zero.',
  ],
};

function tables(content: InquirySecurity, locale: Locale): ReportTable[] {
  const w = (key: string) => label(WORDS, key, locale);
  const shared = (key: string) => label(SHARED_WORDS, key, locale);
  const none: ReportCell[][] = [[NOT_VISIBLE[locale]]];
  const { inquiries: q, lockouts, reveals, refusals } = content;
  const or = figureOr(locale);
  const overview: Array<[string, ReportCell]> = [
    ['inquiries', or(q, (s) => s.totals.total)],
    ['verified', or(q, (s) => s.totals.verified)],
    ['failed', or(q, (s) => s.totals.failed)],
    ['failureRate', or(q, (s) => pct(s.totals.failureRate))],
    ['locked', or(q, (s) => s.totals.locked)],
    ['rateLimited', or(q, (s) => s.totals.rateLimited)],
    ['meanMs', or(q, (s) => s.totals.meanMs)],
    ['p90Ms', or(q, (s) => s.totals.p90Ms)],
    ['locks', or(lockouts, (s) => s.locks)],
    ['lockedNumbers', or(lockouts, (s) => s.policyNumbers)],
    ['reveals', or(reveals, (s) => s.total)],
    ['revealStaff', or(reveals, (s) => s.staff)],
    ['revealRecords', or(reveals, (s) => s.records)],
    ['refusals', or(refusals, (s) => s.total)],
    ['refusedStaff', or(refusals, (s) => s.staff)],
  ];
  const channels = q ? [...q.byChannel, q.totals] : [];
  const channelRow = (r: InquiryRow): ReportCell[] => [label(CHANNELS, r.channel, locale), r.total, r.verified, r.failed, pct(r.failureRate), r.locked, r.rateLimited];
  const timeRow = (r: InquiryRow): ReportCell[] => [label(CHANNELS, r.channel, locale), r.meanMs, r.medianMs, r.p90Ms, r.maxMs];
  const counts = (rows: CountRow[], labels: Labels | null): ReportCell[][] => rows.map((r) => [labels ? label(labels, r.key, locale) : r.key, r.count]);
  return [
    { key: 'overview', heading: shared('overview'), columns: [shared('metric'), shared('value')], rows: overview.map(([k, v]) => [w(k), v]) },
    {
      key: 'channel',
      heading: w('byChannel'),
      columns: [w('channel'), w('inquiries'), w('verified'), w('failed'), w('failureRate'), w('locked'), w('rateLimited')],
      rows: q ? channels.map(channelRow) : none,
    },
    // Apart from the counts, so that both tables fit an A4 page.
    { key: 'responseTime', heading: w('responseTime'), columns: [w('channel'), w('meanMs'), w('medianMs'), w('p90Ms'), w('maxMs')], rows: q ? channels.map(timeRow) : none },
    { key: 'failureReasons', heading: w('failureReasons'), columns: [w('reason'), w('count')], rows: q ? counts(q.failureReasons, REASONS) : none },
    {
      key: 'revealsByStaff',
      heading: w('revealsByStaff'),
      columns: [w('username'), w('name'), w('reveals'), w('records')],
      rows: reveals ? reveals.byStaff.map((r) => [r.username, r.name, r.reveals, r.records]) : none,
    },
    { key: 'revealsByRole', heading: w('revealsByRole'), columns: [w('role'), w('reveals'), w('staff')], rows: reveals ? reveals.byRole.map((r) => [r.label, r.reveals, r.staff]) : none },
    { key: 'revealsByField', heading: w('revealsByField'), columns: [w('field'), w('count')], rows: reveals ? counts(reveals.byField, FIELDS) : none },
    { key: 'refusalsByAction', heading: w('refusalsByAction'), columns: [w('operation'), w('count')], rows: refusals ? counts(refusals.byAction, null) : none },
    { key: 'refusalsByStaff', heading: w('refusalsByStaff'), columns: [w('username'), w('count')], rows: refusals ? refusals.byStaff.map((r) => [r.username, r.count]) : none },
  ];
}

function charts(content: InquirySecurity, locale: Locale): ReportChart[] {
  const w = (key: string) => label(WORDS, key, locale);
  const out: ReportChart[] = [];
  const { inquiries: q, reveals, refusals } = content;
  if (q) {
    out.push({
      key: 'channel',
      heading: w('byChannel'),
      labels: q.byChannel.map((r) => label(CHANNELS, r.channel, locale)),
      series: [
        { name: w('inquiries'), values: q.byChannel.map((r) => r.total) },
        { name: w('failed'), values: q.byChannel.map((r) => r.failed) },
      ],
    });
    out.push({ key: 'failureReasons', heading: w('failureReasons'), labels: q.failureReasons.map((r) => label(REASONS, r.key, locale)), series: [{ name: w('count'), values: q.failureReasons.map((r) => r.count) }] });
  }
  if (reveals) out.push({ key: 'revealsByRole', heading: w('revealsByRole'), labels: reveals.byRole.map((r) => r.label), series: [{ name: w('reveals'), values: reveals.byRole.map((r) => r.reveals) }] });
  if (refusals) out.push({ key: 'refusalsByAction', heading: w('refusalsByAction'), labels: refusals.byAction.map((r) => r.key), series: [{ name: w('count'), values: refusals.byAction.map((r) => r.count) }] });
  return out;
}

export const inquirySecurityReport: ReportDefinition<InquirySecurity> = {
  kind: ReportKind.inquiry_security,
  title: { zh: '查询与信息安全指标', en: 'Inquiry and information-security indicators' },
  slug: 'inquiry-security',
  async compute(request, progress) {
    const inquiries = await inquiryFigures(request);
    await progress(0.5);
    const lockouts = await lockoutFigures(request);
    const reveals = await revealFigures(request);
    await progress(0.8);
    const refusals = await refusalFigures(request);
    return {
      kind: 'inquiry_security',
      schemaVersion: 1,
      ...reportHeader(request),
      inquiries,
      lockouts,
      reveals,
      refusals,
    };
  },
  tables,
  charts,
  definitions: DEFINITIONS,
};
