import {
  campaignFigures, dormantFigures, dutyFigures, itemFigures,
  type CampaignFigures, type DormantFigures, type DutyFigures, type ItemFigures,
} from './access-review-evidence.figures';
import { localDateOf } from '../calendar/deadlines';
import { figureOr, NOT_VISIBLE, reportHeader, type ReportHeader } from './report-sql';
import type { Locale, ReportCell, ReportChart, ReportDefinition, ReportTable } from './report-definition';
import { label, WORDS as SHARED_WORDS, type Labels } from './report-labels';
import { ReportKind } from './report.enums';

/**
 * Report 4, access-review evidence (权限复核证据): the access reviews under way in the period with what
 * became of their items, the items reviewed, revoked and lapsed in the period, separation-of-duties
 * violations and dormant accounts. Figures in access-review-evidence.figures.ts.
 */

export interface AccessReviewEvidence extends ReportHeader {
  kind: 'access_review_evidence';
  schemaVersion: 1;
  /** null (as every section): the requester may not read what it is built on. */
  campaigns: CampaignFigures | null;
  items: ItemFigures | null;
  duties: DutyFigures | null;
  dormant: DormantFigures | null;
}

const WORDS: Labels = {
  campaignsInPeriod: { zh: '期间内进行的复核', en: 'Reviews under way in the period' },
  launched: { zh: '期间内发起', en: 'Launched in the period' },
  completed: { zh: '期间内全部完成', en: 'Completed in the period' },
  closed: { zh: '期间内到期关闭', en: 'Closed at the deadline in the period' },
  cancelledCampaigns: { zh: '期间内取消', en: 'Cancelled in the period' },
  openNow: { zh: '生成时仍在进行', en: 'Still open when generated' },
  reviewed: { zh: '已复核项', en: 'Items reviewed' },
  kept: { zh: '保留', en: 'Kept' },
  revoked: { zh: '撤销', en: 'Revoked' },
  alreadyEnded: { zh: '授权已先行终止', en: 'Grant had already ended' },
  lapsed: { zh: '逾期未复核', en: 'Lapsed (unanswered at the deadline)' },
  lapsedRevoked: { zh: '逾期按规则撤销', en: 'Lapsed, revoked by the rule' },
  lapsedFlagged: { zh: '逾期保留待跟进', en: 'Lapsed, kept and flagged' },
  grantsRevoked: { zh: '因复核撤销的授权', en: 'Grants revoked by the reviews' },
  violations: { zh: '职责分离冲突（现存）', en: 'Separation-of-duties violations (standing)' },
  violationStaff: { zh: '涉及员工', en: 'Staff concerned' },
  refusedGrants: { zh: '期间内因职责分离被拒的授权', en: 'Grants refused for separation of duties' },
  dormant: { zh: '休眠账户', en: 'Dormant accounts' },
  dormantDays: { zh: '休眠认定天数', en: 'Dormant after (days)' },
  campaigns: { zh: '复核活动', en: 'Access reviews' },
  name: { zh: '名称', en: 'Name' },
  scope: { zh: '范围', en: 'Scope' },
  status: { zh: '状态', en: 'Status' },
  created: { zh: '发起日期', en: 'Launched' },
  due: { zh: '截止日期', en: 'Due' },
  closedOn: { zh: '结束日期', en: 'Ended' },
  items: { zh: '复核项', en: 'Items' },
  campaignItems: { zh: '复核活动结果', en: 'Access review outcomes' },
  lapsedRevokedShort: { zh: '逾期撤销', en: 'Lapsed, revoked' },
  lapsedFlaggedShort: { zh: '逾期保留', en: 'Lapsed, flagged' },
  alreadyEndedShort: { zh: '已先行终止', en: 'Already ended' },
  cancelled: { zh: '取消', en: 'Cancelled' },
  pending: { zh: '待复核', en: 'Pending' },
  itemsInPeriod: { zh: '期间内复核结果', en: 'Review items in the period' },
  count: { zh: '项数', en: 'Items' },
  violationList: { zh: '职责分离冲突明细', en: 'Separation-of-duties violations' },
  rule: { zh: '冲突规则', en: 'Pair' },
  description: { zh: '说明', en: 'Description' },
  username: { zh: '用户名', en: 'Username' },
  staffName: { zh: '姓名', en: 'Name' },
  branch: { zh: '机构', en: 'Branch' },
  dormantByBranch: { zh: '休眠账户（按机构）', en: 'Dormant accounts by branch' },
  accounts: { zh: '账户数', en: 'Accounts' },
  dormantList: { zh: '休眠账户明细', en: 'Dormant accounts' },
  lastLogin: { zh: '最近登录', en: 'Last sign-in' },
  never: { zh: '从未登录', en: 'Never' },
  idleDays: { zh: '未登录天数', en: 'Days without sign-in' },
};

const SCOPES: Labels = { everyone: { zh: '全员', en: 'Everyone' }, branch: { zh: '机构', en: 'Branch' }, role: { zh: '角色', en: 'Role' } };
const STATUSES: Labels = {
  open: { zh: '进行中', en: 'Open' },
  completed: { zh: '已完成', en: 'Completed' },
  closed: { zh: '到期关闭', en: 'Closed at deadline' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

const DEFINITIONS: Record<Locale, string[]> = {
  zh: [
    '复核活动：发起早于期末、且未在期初前结束的权限复核；各项数为生成时的结果。分机构时计该机构员工的复核项（活动发起时记录的机构）。',
    '已复核项：期间内由复核人作出决定的项；撤销 = 决定撤销且授权当时仍有效；逾期未复核 = 截止时无人答复、在期间内按规则撤销或保留并标记待跟进的项。',
    '职责分离冲突：生成时仍有效的授权使同一人同时具备一组冲突权限（含已停用的冲突规则，以示启用后的影响）；被拒授权为期间内审计日志中因职责分离被拒的授权操作。',
    '休眠账户：生成时状态为启用、且最近登录（从未登录则为创建时间）早于“休眠认定天数”之前的账户；分机构时按员工当前所属机构。',
    '职责分离冲突与休眠账户明细各列最多 200 项；计数始终包含全部。',
    '报表遵循数据权限：无权查看的部分显示为“无权查看”，不以零计。',
  ],
  en: [
    'Access reviews: campaigns launched before the period ends and not ended before it starts; their item counts are as they stood when generated. A branch counts the items of its staff (the branch recorded when the campaign started).',
    'Items reviewed: decided by a reviewer in the period; revoked = decided "revoke" with the grant still in effect; lapsed = unanswered at a deadline that passed in the period, then revoked or kept and flagged by the campaign\'s rule.',
    'Separation-of-duties violations: grants in effect when generated that give one person both sides of a pair (disabled pairs included, to show what enabling them would withdraw); refused grants are grant operations the audit trail shows refused for separation of duties in the period.',
    'Dormant accounts: active accounts whose last sign-in (creation, if never signed in) is older than the access policy\'s dormant days when generated; a branch counts its staff today.',
    'The violation and dormant-account lists show at most 200 rows; the counts always cover everyone.',
    'The report obeys the row rules: sections the requester may not read show "not visible", never zero.',
  ],
};


function tables(content: AccessReviewEvidence, locale: Locale): ReportTable[] {
  const w = (key: string) => label(WORDS, key, locale);
  const shared = (key: string) => label(SHARED_WORDS, key, locale);
  // Dates as the company's local days, like the period.
  const day = (iso: string | null) => (iso ? localDateOf(new Date(iso), content.timezone) : null);
  const none: ReportCell[][] = [[NOT_VISIBLE[locale]]];
  const { campaigns: c, items: i, duties: d, dormant } = content;
  const or = figureOr(locale);
  const overview: Array<[string, ReportCell]> = [
    ['campaignsInPeriod', or(c, (s) => s.rows.length)],
    ['launched', or(c, (s) => s.launched)],
    ['completed', or(c, (s) => s.completed)],
    ['closed', or(c, (s) => s.closed)],
    ['cancelledCampaigns', or(c, (s) => s.cancelled)],
    ['openNow', or(c, (s) => s.openNow)],
    ['reviewed', or(i, (s) => s.reviewed)],
    ['kept', or(i, (s) => s.kept)],
    ['revoked', or(i, (s) => s.revoked)],
    ['alreadyEnded', or(i, (s) => s.alreadyEnded)],
    ['lapsed', or(i, (s) => s.lapsed)],
    ['lapsedRevoked', or(i, (s) => s.lapsedRevoked)],
    ['lapsedFlagged', or(i, (s) => s.lapsedFlagged)],
    ['grantsRevoked', or(i, (s) => s.grantsRevoked)],
    ['violations', or(d, (s) => s.standing)],
    ['violationStaff', or(d, (s) => s.staff)],
    ['refusedGrants', or(d, (s) => (s.refusedGrants === null ? NOT_VISIBLE[locale] : s.refusedGrants))],
    ['dormant', or(dormant, (s) => s.total)],
    ['dormantDays', or(dormant, (s) => s.days)],
  ];
  return [
    { key: 'overview', heading: shared('overview'), columns: [shared('metric'), shared('value')], rows: overview.map(([k, v]) => [w(k), v]) },
    {
      key: 'campaigns',
      heading: w('campaigns'),
      columns: [w('name'), w('scope'), w('status'), w('created'), w('due'), w('closedOn')],
      rows: c ? c.rows.map((r) => [r.name, label(SCOPES, r.scope, locale), label(STATUSES, r.status, locale), day(r.createdAt), day(r.dueAt), day(r.closedAt)]) : none,
    },
    {
      // Apart from the dates, so that both tables fit an A4 page.
      key: 'campaignItems',
      heading: w('campaignItems'),
      columns: [w('name'), w('items'), w('kept'), w('revoked'), w('lapsedRevokedShort'), w('lapsedFlaggedShort'), w('alreadyEndedShort'), w('cancelled'), w('pending')],
      rows: c ? c.rows.map((r) => [r.name, r.items, r.kept, r.revoked, r.lapsedRevoked, r.lapsedFlagged, r.alreadyEnded, r.cancelled, r.pending]) : none,
    },
    {
      key: 'items',
      heading: w('itemsInPeriod'),
      columns: [shared('metric'), w('count')],
      rows: i ? (['reviewed', 'kept', 'revoked', 'alreadyEnded', 'lapsedRevoked', 'lapsedFlagged', 'grantsRevoked'] as const).map((k) => [w(k), i[k]]) : none,
    },
    {
      key: 'violations',
      heading: w('violationList'),
      columns: [w('rule'), w('description'), w('username'), w('staffName'), w('branch')],
      rows: d ? d.rows.map((r) => [r.rule, r.description, r.username, r.name, r.branchName]) : none,
    },
    { key: 'dormantByBranch', heading: w('dormantByBranch'), columns: [w('branch'), w('accounts')], rows: dormant ? dormant.byBranch.map((b) => [b.branchName, b.count]) : none },
    {
      key: 'dormant',
      heading: w('dormantList'),
      columns: [w('username'), w('staffName'), w('branch'), w('lastLogin'), w('idleDays')],
      rows: dormant ? dormant.accounts.map((a) => [a.username, a.name, a.branchName, day(a.lastLoginAt) ?? w('never'), a.idleDays]) : none,
    },
  ];
}

function charts(content: AccessReviewEvidence, locale: Locale): ReportChart[] {
  const w = (key: string) => label(WORDS, key, locale);
  const out: ReportChart[] = [];
  const { items: i, dormant } = content;
  if (i) {
    const keys = ['kept', 'revoked', 'alreadyEnded', 'lapsedRevoked', 'lapsedFlagged'] as const;
    out.push({ key: 'items', heading: w('itemsInPeriod'), labels: keys.map(w), series: [{ name: w('count'), values: keys.map((k) => i[k]) }] });
  }
  if (dormant) out.push({ key: 'dormantByBranch', heading: w('dormantByBranch'), labels: dormant.byBranch.map((b) => b.branchName), series: [{ name: w('accounts'), values: dormant.byBranch.map((b) => b.count) }] });
  return out;
}

export const accessReviewEvidenceReport: ReportDefinition<AccessReviewEvidence> = {
  kind: ReportKind.access_review_evidence,
  title: { zh: '权限复核证据', en: 'Access-review evidence' },
  slug: 'access-review-evidence',
  async compute(request, progress) {
    const campaigns = await campaignFigures(request);
    const items = await itemFigures(request);
    await progress(0.4);
    const duties = await dutyFigures(request);
    await progress(0.8);
    const dormant = await dormantFigures(request);
    return {
      kind: 'access_review_evidence',
      schemaVersion: 1,
      ...reportHeader(request),
      campaigns,
      items,
      duties,
      dormant,
    };
  },
  tables,
  charts,
  definitions: DEFINITIONS,
};
