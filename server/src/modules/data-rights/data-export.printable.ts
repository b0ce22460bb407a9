import type { PrintableDocument, PrintableSection } from '../../documents/printable';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_STATE_LABELS } from '../complaints/complaint.labels';
import type { CustomerDataCopy } from './data-export';

/**
 * The customer's copy of their data as a printable document, in Chinese: the PDF a customer takes home
 * from the counter. It holds the same sections as the JSON copy (data-export.ts), in the same order,
 * with the values in clear (the copy is the customer's own), enums in words and times in the company's zone.
 */

const WORDS: Record<string, Record<string, string>> = {
  kind: { individual: '个人', group: '单位' },
  gender: { male: '男', female: '女' },
  idType: { resident_id: '居民身份证', passport: '护照', hk_macao_permit: '港澳居民来往内地通行证', taiwan_permit: '台湾居民来往大陆通行证', unified_social_credit_code: '统一社会信用代码' },
  source: { application: '投保资料', customer: '客户本人提供', claim: '理赔资料', third_party: '第三方' },
  customerStatus: { active: '正常', restricted: '受限（已申请删除）', deceased: '已身故', anonymised: '已匿名化' },
  role: { holder: '投保人', insured: '被保险人', beneficiary: '受益人' },
  line: { life: '寿险', health: '健康险', accident: '意外险', property: '财产险', auto: '车险' },
  policyStatus: { pending: '待生效', in_force: '有效', lapsed: '失效', surrendered: '已退保', terminated: '已终止', expired: '已满期' },
  paymentFrequency: { single: '趸交', annual: '年交', semiannual: '半年交', quarterly: '季交', monthly: '月交' },
  paymentStatus: { paid_up: '已交清', current: '正常', due: '待缴费', overdue: '逾期' },
  complaintState: Object.fromEntries(Object.entries(COMPLAINT_STATE_LABELS).map(([state, words]) => [state, words.zh])),
  complaintChannel: Object.fromEntries(Object.entries(COMPLAINT_CHANNEL_LABELS).map(([channel, words]) => [channel, words.zh])),
  // Where an inquiry, a consent or a data-rights request came in.
  channel: { website: '官网', app: 'App', hotline: '客服热线', counter: '柜面', paper: '书面' },
  outcome: { verified: '验证通过', failed: '验证失败', locked: '已锁定', rate_limited: '请求过多' },
  consentKind: { marketing: '营销信息', third_party_sharing: '向第三方提供' },
  requestKind: { access: '查阅复制', deletion: '删除' },
  requestStatus: { completed: '已完成', restricted: '已限制处理', anonymised: '已匿名化', withdrawn: '已撤回' },
  action: {
    'customer.create': '建档',
    'customer.update': '更正信息',
    'customer.consent': '授权同意变更',
    'customer.delete': '删除',
    'customer.data_export': '导出个人信息副本',
    'customer.restrict': '限制处理（删除申请）',
    'customer.unrestrict': '解除限制（撤回删除申请）',
    'customer.anonymise': '匿名化',
  },
  field: { name: '姓名', phone: '手机号', email: '电子邮箱', address: '地址', idNumber: '证件号码', birthDate: '出生日期', gender: '性别', occupation: '职业' },
};

const word = (group: string, value: unknown): string => (value === null || value === undefined || value === '' ? '—' : (WORDS[group]?.[String(value)] ?? String(value)));
const text = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value));
const yesNo = (value: unknown): string => (value ? '是' : '否');

/** Integer fen as yuan with two decimals: ¥1,200.00. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** An ISO instant as local wall-clock time, e.g. 2026-11-22 14:05. */
function timeIn(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return (iso: string | null | undefined) => (iso ? format.format(new Date(iso)) : '—');
}

/** A change from the audit trail, one line: "phone: 139****8701 → 138****1111". Values are as the trail keeps them (masked). */
function describeChanges(changes: unknown): string {
  if (!changes || typeof changes !== 'object') return '—';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    if (value && typeof value === 'object' && ('from' in value || 'to' in value)) {
      const { from, to } = value as { from?: unknown; to?: unknown };
      parts.push(`${WORDS.field[key] ?? key}: ${text(from)} → ${text(to)}`);
    } else if (value !== null && typeof value !== 'object') {
      parts.push(`${key}: ${String(value)}`);
    }
  }
  return parts.length ? parts.join('；') : '—';
}

const table = (heading: string, columns: string[], rows: string[][], empty = '无记录。'): PrintableSection =>
  rows.length ? { heading, table: { columns, rows } } : { heading, paragraphs: [empty] };

export interface CopyHeader {
  generatedAt: string;
  requestId: number;
  /** The staff member who produced the copy. */
  producedBy: string;
  timeZone: string;
}

export function customerCopyDocument(data: CustomerDataCopy, header: CopyHeader): PrintableDocument {
  const at = timeIn(header.timeZone);
  const c = data.customer;
  return {
    title: '个人信息副本',
    subtitle: `客户 ${text(c.name)}（客户编号 ${c.id}）`,
    meta: [
      ['生成时间', at(header.generatedAt)],
      ['申请编号', String(header.requestId)],
      ['经办人员', header.producedBy],
      ['说明', '本副本列出本公司持有的您的全部个人信息及其处理记录，依据《个人信息保护法》第四十五条提供。'],
    ],
    sections: [
      table('一、基本信息', ['项目', '内容'], [
        ['姓名', text(c.name)],
        ['客户类型', word('kind', c.kind)],
        ['性别', word('gender', c.gender)],
        ['出生日期', text(c.birthDate)],
        ['证件类型', word('idType', c.idType)],
        ['证件号码', text(c.idNumber)],
        ['手机号', text(c.phone)],
        ['电子邮箱', text(c.email)],
        ['地址', text(c.address)],
        ['职业', text(c.occupation)],
        ['信息来源', word('source', c.source)],
        ['同意接收营销信息', `${yesNo(c.marketingConsent)}${c.marketingConsentAt ? `（${at(c.marketingConsentAt)}）` : ''}`],
        ['同意向第三方提供', `${yesNo(c.sharingConsent)}${c.sharingConsentAt ? `（${at(c.sharingConsentAt)}）` : ''}`],
        ['状态', word('customerStatus', c.status)],
        ['建档时间', at(c.createdAt)],
        ['最后更新', at(c.updatedAt)],
      ]),
      table(
        '二、保单',
        ['保单号', '您的身份', '产品（险种）', '状态', '保险期间', '保额', '保费', '缴费'],
        data.policies.map((p) => [
          p.policyNumber,
          p.roles.map((r) => word('role', r)).join('、'),
          `${text(p.productName)}（${word('line', p.line)}）`,
          word('policyStatus', p.status),
          `${text(p.effectiveDate)} 至 ${text(p.expiryDate)}`,
          yuan(p.sumInsuredFen),
          yuan(p.premiumFen),
          [word('paymentFrequency', p.paymentFrequency), word('paymentStatus', p.paymentStatus), p.nextPremiumDueDate ? `下次 ${p.nextPremiumDueDate}` : null].filter(Boolean).join(' · '),
        ]),
      ),
      table(
        '三、投诉',
        ['编号', '受理时间', '渠道', '状态', '摘要', '处理结果', '办结时间'],
        data.complaints.map((k) => [k.number, at(k.receivedAt), word('complaintChannel', k.channel), word('complaintState', k.state), text(k.summary), text(k.resolution), at(k.closedAt)]),
      ),
      table(
        '四、保单查询记录',
        ['时间', '渠道', '保单号', '结果'],
        data.inquiries.map((i) => [at(i.at), word('channel', i.channel), i.policyNumber, word('outcome', i.outcome)]),
      ),
      table(
        '五、授权同意',
        ['时间', '事项', '同意', '渠道', '文本版本'],
        data.consents.map((k) => [at(k.at), word('consentKind', k.kind), k.granted ? '同意' : '撤回', word('channel', k.channel), text(k.textVersion)]),
      ),
      table(
        '六、向第三方提供',
        ['协议编号', '接收方', '目的', '提供的信息', '期限'],
        data.sharingAgreements.map((a) => [text(a.reference), a.party, a.purpose, (a.fields as string[]).map((f) => WORDS.field[f] ?? f).join('、'), `${a.validFrom} 至 ${a.validUntil ?? '长期'}`]),
      ),
      table(
        '七、查看您完整信息的工作人员',
        ['时间', '工作人员', '信息', '事由'],
        data.revealedBy.map((r) => [at(r.at), text(r.staffUsername), r.field ? (WORDS.field[r.field] ?? r.field) : '—', text(r.reason)]),
        '没有工作人员查看过您被遮蔽的信息。',
      ),
      table(
        '八、信息变更记录',
        ['时间', '操作', '工作人员', '内容'],
        data.changes.map((e) => [at(e.at), word('action', e.action), text(e.staffUsername), describeChanges(e.changes)]),
      ),
      table(
        '九、您的权利申请',
        ['编号', '类型', '状态', '渠道', '收到时间', '保存期限至', '完成时间'],
        data.dataRightsRequests.map((r) => [String(r.id), word('requestKind', r.kind), word('requestStatus', r.status), word('channel', r.channel), at(r.receivedAt), text(r.retentionUntil), at(r.completedAt)]),
      ),
    ],
    footer: `个人信息副本 · 客户编号 ${c.id} · 申请编号 ${header.requestId}`,
  };
}
