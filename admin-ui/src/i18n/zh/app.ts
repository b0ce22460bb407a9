import { calendarZh } from '../calendar/zh';
import { errorsZh } from '../errors/zh';
import { recordsZh } from '../records/zh';
import { complaintsZh } from '../complaints/zh';
import { deadlinePolicyZh } from '../deadlinePolicy/zh';
import type { enApp } from '../en';
import { notificationsZh } from '../notifications/zh';
import { rightsZh } from '../rights/zh';
import { inquiryZh } from '../inquiry/zh';
import { dataRightsZh } from '../dataRights/zh';
import { reportsZh } from '../reports/zh';
import { qualityZh } from '../quality/zh';
import { widgetsZh } from '../../dashboard/messages.zh';

/** Our own messages in Simplified Chinese; typed against the English ones so no key can be missed. */
export const appZh: typeof enApp = {
  app: {
    name: 'InsureDesk 客服工作台',
    roles: {
      agent: '客服专员',
      manager: '客服主管',
      inspector: '质检员',
      compliance: '合规专员',
      admin: '系统管理员',
      none: '无角色',
    },
    auth: {
      title: '登录',
      subtitle: '请使用您的 InsureDesk 员工账号登录。',
      hero_title: '客户服务后台',
      hero_text: '客户、保单与续保集中处理；每一次查看个人信息都经过权限校验并留有审计记录。',
      footer: '仅限授权员工使用。所有登录及个人信息访问均会被记录。',
      otp: '动态验证码（选填）',
      otp_help: '仅开启两步验证的账号需要填写',
      signing_in: '正在登录…',
      session_expired: '您的会话已结束，请重新登录。',
      errors: {
        failed: '用户名或密码错误。',
        locked: '登录失败次数过多，账号已被暂时锁定。请稍后再试或联系系统管理员。',
        inactive: '该账号未启用，请联系系统管理员。',
        rate_limited: '尝试次数过多，请稍候再试。',
        network: '无法连接服务器，请检查网络后重试。',
        unknown: '登录失败，请重试。',
      },
    },
    menu: { renewals: '续保提醒', complaint_policy: '时限规则' },
    common: { consented: '已同意', not_consented: '未同意' },
    list: {
      empty: '暂无记录。',
      invite: '现在就新建第一条吧。',
      no_create: '记录创建后会显示在这里。',
    },
    form: {
      masked_help: '已脱敏；不改动即保留原值，修改须输入完整新值',
      derive_from_id: '留空则按身份证号自动填写',
      marketing_help: '客户同意接收营销信息',
      sharing_help: '客户同意按协议共享信息',
      code_format: '只能包含大写字母、数字和连字符',
      no_customer_found: '未找到客户：请按姓名、完整证件号或手机号搜索',
      beneficiaries_help: '受益比例合计须为 100%；不指定受益人则为法定受益人。',
    },
    validation: {
      masked_value: '请输入完整的值：脱敏字符（*）不能保存',
    },
    reveal: {
      show: '查看完整%{field}',
      hide: '重新隐藏',
      title: '查看完整%{field}',
      explanation: '完整信息仅在当前页面显示，本次查看及您填写的原因将记入审计日志。',
      reason: '查看原因',
      reason_help: '至少 %{min} 个字，例如正在处理的来电或业务',
      common_reasons: '常用原因',
      reasons: {
        hotline: '热线来电核实客户身份',
        counter: '客户在柜面办理业务',
        claim: '核对理赔材料',
        correction: '客户申请更正个人信息',
      },
      confirm: '查看',
      failed: '无法显示完整信息。',
    },
    export: {
      done: '已导出 %{rows} 行。',
      failed: '导出失败。',
    },
    ...errorsZh,
    ...recordsZh.messages,
    widgets: widgetsZh,
    dashboard: {
      morning: '上午好，%{name}',
      afternoon: '下午好，%{name}',
      evening: '晚上好，%{name}',
      subtitle: '%{date} · %{roles} · %{branch}',
      new_customer: '新建客户',
      customers: '客户',
      policies_in_force: '有效保单',
      renewals_30: '30 天内待续保',
      overdue: '保费逾期',
      upcoming_renewals: '即将到期的保单',
      view_all: '查看全部 %{count} 条',
      no_renewals: '未来 30 天内没有待续保的保单。',
      no_data_access: '您的角色无权访问客户和保单数据。',
      no_data_access_detail: '系统管理员负责员工账号与访问权限，不接触客户数据。',
      reminders_title: '工作须知',
      reminders: {
        verify: '答复任何保单查询前，须核实来电人身份（保单号、证件号码及查询密码）。',
        reveal: '个人信息默认脱敏显示，仅在业务确需时查看完整信息；每次查看都会连同原因记入审计日志。',
        conflict: '编辑期间如有他人保存了同一记录，系统会重新加载该记录，请核对后再修改。',
      },
    },
    complaints: complaintsZh.messages,
    calendar: calendarZh.messages,
    notifications: notificationsZh,
    deadline_policy: deadlinePolicyZh.messages,
    rights: rightsZh.messages,
    inquiry: inquiryZh.messages,
    data_rights: dataRightsZh.messages,
    reports: reportsZh.messages,
    quality: qualityZh.messages,
    enums: {
      ...recordsZh.enums,
      ...complaintsZh.enums,
      ...calendarZh.enums,
      ...deadlinePolicyZh.enums,
      ...rightsZh.enums,
      ...inquiryZh.enums,
      ...dataRightsZh.enums,
      ...qualityZh.enums,
    },
  },
  resources: {
    ...recordsZh.resources,
    complaints: complaintsZh.resource,
    calendarDays: calendarZh.resource,
    ...rightsZh.resources,
    ...inquiryZh.resources,
    ...dataRightsZh.resources,
    ...qualityZh.resources,
    branches: {
      name: '机构',
      fields: { name: '名称', code: '代码', region: '地区' },
    },
  },
};
